import { describe, expect, it } from 'vitest';
import { PeakSeries } from './peaks.ts';
import { mulberry32 } from './workloads.ts';

/** The downsampling the chart asks for, by a plain scan (the oracle). */
function scanDownsample(xs: readonly number[], maxPoints: number) {
  const every = Math.max(1, Math.ceil(xs.length / maxPoints));
  const points: number[] = [];
  for (let i = 0; i < xs.length; i += every) {
    let m = 0;
    for (let j = i; j < i + every && j < xs.length; j++) m = Math.max(m, xs[j]!);
    points.push(m);
  }
  return { points, every };
}

describe('PeakSeries', () => {
  for (const seed of [1, 2, 3]) {
    it(`PeakSeries.max and downsample equal a scan after random pushes and truncations (seed ${seed})`, () => {
      const rnd = mulberry32(seed);
      const s = new PeakSeries();
      const xs: number[] = [];
      for (let round = 0; round < 300; round++) {
        const r = rnd();
        if (r < 0.75) {
          // runs of pushes, now and then long enough to add levels
          const n = Math.floor(rnd() * (rnd() < 0.1 ? 3000 : 40));
          for (let i = 0; i < n; i++) {
            const v = Math.floor(rnd() * 1000);
            s.push(v);
            xs.push(v);
          }
        } else {
          const n = Math.floor(rnd() * (xs.length + 1));
          s.truncate(n);
          xs.length = n;
        }
        expect(s.length).toBe(xs.length);
        expect(s.depth).toBeLessThanOrEqual(
          Math.max(1, Math.ceil(Math.log(xs.length) / Math.log(16))),
        );
        for (let q = 0; q < 8; q++) {
          const a = Math.floor(rnd() * (xs.length + 1));
          const b = a + Math.floor(rnd() * (xs.length + 1 - a));
          expect(s.max(a, b), `max(${a}, ${b}) of ${xs.length}`).toBe(
            xs.slice(a, b).reduce((m, v) => Math.max(m, v), 0),
          );
        }
        for (const pts of [1, 7, 400]) expect(s.downsample(pts)).toEqual(scanDownsample(xs, pts));
      }
    });
  }

  it('PeakSeries.at reads values back, and an empty series downsamples to no points', () => {
    const s = new PeakSeries();
    expect(s.downsample(400)).toEqual({ points: [], every: 1 });
    for (let i = 0; i < 100; i++) s.push(i % 7);
    expect(s.at(15)).toBe(1);
    expect(s.at(100)).toBeUndefined();
    s.truncate(0);
    expect(s.length).toBe(0);
    expect(s.max(0, 10)).toBe(0);
  });
});
