import type { ExtentTuple } from '../../core/dump.ts';

/** The block range to show before any zoom: all extents and the lookup mark, padded. */
export function baseDomain(extents: readonly ExtentTuple[], mark: number | null): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [lblk, len] of extents) {
    lo = Math.min(lo, lblk);
    hi = Math.max(hi, lblk + len);
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
