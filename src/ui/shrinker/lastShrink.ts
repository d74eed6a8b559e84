/**
 * Which shrink the Shrinker tab would play: the last shrink (nr > 0) before the cursor. Asked on
 * every store change, so the answer is kept, and when the log only grew since (ops are appended,
 * each a new object) only the new ops are looked at: an op on a log of a million costs O(1) here.
 */
import type { Op } from '../../core/ops.ts';

/** The last shrink (nr > 0) among ops [from, before), or null. */
export function lastShrinkIn(ops: readonly Op[], from: number, before: number): number | null {
  for (let i = Math.min(before, ops.length) - 1; i >= from; i--) {
    const op = ops[i]!;
    if (op.op === 'shrink' && op.nr > 0) return i;
  }
  return null;
}

export class LastShrink {
  private ops: readonly Op[] | null = null;
  private before = 0;
  private index: number | null = null;

  /** The last shrink (nr > 0) among the first `before` ops of `ops`, or null. */
  of(ops: readonly Op[], before: number): number | null {
    if (this.ops === ops && this.before === before) return this.index;
    const prev = this.ops;
    const grew =
      prev !== null &&
      prev.length > 0 &&
      before >= this.before &&
      ops.length >= prev.length &&
      ops[prev.length - 1] === prev[prev.length - 1];
    this.index = grew
      ? (lastShrinkIn(ops, this.before, before) ?? this.index)
      : lastShrinkIn(ops, 0, before);
    this.ops = ops;
    this.before = before;
    return this.index;
  }
}
