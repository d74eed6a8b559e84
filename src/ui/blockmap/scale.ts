import type { ExtentTuple } from '../../core/dump.ts';

/**
 * The block range to show before any zoom: all extents and the lookup mark, padded. Extents come
 * in lblk order and never overlap (as the tree holds them), so the first and the last bound them.
 */
export function baseDomain(extents: readonly ExtentTuple[], mark: number | null): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const first = extents[0];
  const last = extents[extents.length - 1];
  if (first && last) {
    lo = first[0];
    hi = last[0] + last[1];
  }
  if (mark !== null) {
    lo = Math.min(lo, mark);
    hi = Math.max(hi, mark + 1);
  }
  if (!Number.isFinite(lo)) return [0, 64];
  const span = Math.max(16, hi - lo);
  const pad = span * 0.04;
  return [Math.max(0, lo - pad), hi + pad];
}

/** A linear scale's mapping as plain arithmetic, for loops over thousands of extents. */
export function linearX(
  domain: readonly number[],
  range: readonly number[],
): (b: number) => number {
  const [d0 = 0, d1 = 1] = domain;
  const [r0 = 0, r1 = 1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (b) => r0 + (b - d0) * k;
}

export interface Bar {
  index: number;
  x0: number;
  x1: number;
}

/**
 * Extents as pixel bars for the visible range. Bars narrower than a pixel that fall on the same
 * pixel as the previous one are skipped, so 10,000 extents draw as at most a few thousand rects.
 */
export function visibleBars(
  extents: readonly ExtentTuple[],
  toX: (block: number) => number,
  width: number,
): Bar[] {
  const bars: Bar[] = [];
  let lastEnd = -Infinity;
  extents.forEach(([lblk, len], index) => {
    let x0 = toX(lblk);
    let x1 = toX(lblk + len);
    if (x1 < 0 || x0 > width) return;
    x0 = Math.max(-2, x0);
    x1 = Math.min(width + 2, x1);
    if (x1 - x0 < 1.5) x1 = x0 + 1.5;
    if (x1 <= lastEnd + 0.5) return;
    bars.push({ index, x0, x1 });
    lastEnd = x1;
  });
  return bars;
}
