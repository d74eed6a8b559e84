import { describe, expect, it } from 'vitest';
import { baseDomain, linearX, visibleBars } from './scale.ts';

describe('baseDomain', () => {
  it('covers every extent and the lookup mark, padded', () => {
    const [lo, hi] = baseDomain(
      [
        [100, 10, 'W', 1],
        [300, 20, 'D', null],
      ],
      50,
    );
    expect(lo).toBeLessThan(50);
    expect(hi).toBeGreaterThan(320);
  });
  it('shows blocks 0 to 64 when there is nothing to show', () => {
    expect(baseDomain([], null)).toEqual([0, 64]);
  });
});

describe('visibleBars', () => {
  const toX = (b: number) => b; // one block per pixel
  it('drops extents outside the view and keeps tiny ones visible', () => {
    const bars = visibleBars(
      [
        [-50, 10, 'W', 1],
        [10, 1, 'W', 1],
        [500, 5, 'W', 1],
      ],
      toX,
      100,
    );
    expect(bars).toEqual([{ index: 1, x0: 10, x1: 11.5 }]);
  });
  it('skips extents that fall on the pixel already drawn', () => {
    const many = Array.from({ length: 1000 }, (_, i): [number, number, string, null] => [
      i,
      1,
      'D',
      null,
    ]);
    const bars = visibleBars(many, (b) => b / 100, 100);
    expect(bars.length).toBeLessThanOrEqual(10 * 2 + 1); // at most about two bars per pixel
    expect(bars[0]!.index).toBe(0);
  });
});

describe('linearX', () => {
  it('maps blocks to pixels as the d3 scale it stands for', async () => {
    const { scaleLinear } = await import('d3-scale');
    const sc = scaleLinear().domain([37.5, 9120.25]).range([10, 1190]);
    const toX = linearX(sc.domain(), sc.range());
    for (const b of [0, 37.5, 100, 4096, 9120.25, 20000]) expect(toX(b)).toBeCloseTo(sc(b), 9);
  });
  it('maps an empty domain to the range start instead of dividing by zero', () => {
    expect(linearX([5, 5], [10, 100])(5)).toBe(10);
  });
});
