import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart.ts';

describe('chartGeometry', () => {
  it('chartGeometry draws one step per point across the width', () => {
    const g = chartGeometry([0, 2, 4], 1, 3, 130, 60, { left: 0, right: 10, top: 0, bottom: 0 });
    expect(g.line).toBe('M0,60H40L40,30H80L80,0H120');
    expect(g.area).toBe('M0,60H40L40,30H80L80,0H120V60H0Z');
    expect(g.max).toBe(4);
  });

  it('chartGeometry maps a click to the state after the last op of its bucket', () => {
    const g = chartGeometry([1, 5], 10, 15, 150, 40, { left: 0, right: 0, top: 0, bottom: 0 });
    expect(g.opAt(0)).toBe(10);
    expect(g.opAt(99)).toBe(10);
    expect(g.opAt(101)).toBe(15);
    expect(g.opAt(1000)).toBe(15);
    expect(g.opAt(-5)).toBe(10);
  });
});
