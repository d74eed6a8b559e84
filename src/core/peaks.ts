/**
 * A series of counts (one per op) that grows and shrinks at its end, and answers the maximum over
 * any range in O(FAN × levels): a pyramid where each level holds the maxima of FAN consecutive
 * entries of the level below. The reclaimable chart asks for a few hundred bucket maxima after
 * every op; over a million-op log, scanning the whole series each time cost milliseconds per op.
 */

/** Entries per block of the level above. */
const FAN = 16;

export class PeakSeries {
  /** levels[0] holds the values; levels[j][i] is the maximum of levels[j - 1][i·FAN, (i+1)·FAN). */
  private levels: number[][] = [[]];

  /** Number of values. */
  get length(): number {
    return this.levels[0]!.length;
  }

  /** Levels of the pyramid: one more than log_FAN of the length, at most. */
  get depth(): number {
    return this.levels.length;
  }

  /** The value at index `i`. */
  at(i: number): number | undefined {
    return this.levels[0]![i];
  }

  /** Appends `v`. O(levels), amortised. */
  push(v: number): void {
    const lv = this.levels;
    let i = lv[0]!.push(v) - 1;
    for (let j = 1; j < lv.length; j++) {
      i = Math.floor(i / FAN);
      const up = lv[j]!;
      if (i < up.length) up[i] = Math.max(up[i]!, v);
      else up.push(v);
    }
    // a level over FAN entries gets one above it
    const top = lv[lv.length - 1]!;
    if (top.length > FAN) lv.push(blockMaxima(top, 0, Math.ceil(top.length / FAN)));
  }

  /** Drops every value from index `n` on. O(FAN × levels). */
  truncate(n: number): void {
    const lv = this.levels;
    if (n >= lv[0]!.length) return;
    lv[0]!.length = n;
    let below = n;
    for (let j = 1; j < lv.length; j++) {
      const len = Math.ceil(below / FAN);
      const up = lv[j]!;
      up.length = len;
      // the last block may have lost some of its entries
      if (len > 0) up[len - 1] = blockMaxima(lv[j - 1]!, len - 1, len)[0]!;
      below = len;
    }
    while (lv.length > 1 && lv[lv.length - 2]!.length <= FAN) lv.pop();
  }

  /** The largest value in [a, b), or 0 when the range is empty (the counts are never negative). */
  max(a: number, b: number): number {
    const lv = this.levels;
    let lo = Math.max(0, a);
    let hi = Math.min(b, this.length);
    let m = 0;
    for (let j = 0; lo < hi; j++) {
      const level = lv[j]!;
      if (j === lv.length - 1) {
        for (let i = lo; i < hi; i++) m = Math.max(m, level[i]!);
        break;
      }
      // the ragged ends at this level, then whole blocks from the level above
      while (lo < hi && lo % FAN !== 0) m = Math.max(m, level[lo++]!);
      while (lo < hi && hi % FAN !== 0) m = Math.max(m, level[--hi]!);
      lo /= FAN;
      hi /= FAN;
    }
    return m;
  }

  /**
   * At most `maxPoints` points, each the maximum over a bucket of `every` consecutive values
   * (the last bucket may be shorter). O(points × FAN × levels).
   */
  downsample(maxPoints: number): { points: number[]; every: number } {
    const n = this.length;
    const every = Math.max(1, Math.ceil(n / maxPoints));
    const points: number[] = [];
    for (let i = 0; i < n; i += every) points.push(this.max(i, i + every));
    return { points, every };
  }
}

/** The maxima of the blocks `from` to `to` (exclusive) of `level`, FAN entries each. */
function blockMaxima(level: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let b = from; b < to; b++) {
    let m = -Infinity;
    const end = Math.min(level.length, (b + 1) * FAN);
    for (let i = b * FAN; i < end; i++) m = Math.max(m, level[i]!);
    out.push(m);
  }
  return out;
}
