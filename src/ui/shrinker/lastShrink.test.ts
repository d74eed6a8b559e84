import { describe, expect, it } from 'vitest';
import type { Op } from '../../core/ops.ts';
import { LastShrink, lastShrinkIn } from './lastShrink.ts';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function randomOp(r: () => number): Op {
  const k = r();
  if (k < 0.1) return { op: 'shrink', nr: Math.floor(r() * 3) }; // nr 0 only counts
  return { op: 'insert', ino: 1, lblk: Math.floor(r() * 100), len: 1, status: 'D' };
}

describe('LastShrink', () => {
  it('answers as a full scan would while the log grows, is cut back, and the cursor moves', () => {
    const r = rng(7);
    const last = new LastShrink();
    let ops: Op[] = [];
    let incremental = 0;
    for (let i = 0; i < 3000; i++) {
      const k = r();
      if (k < 0.7)
        ops = ops.concat([randomOp(r)]); // an op appended, as the page does
      else if (k < 0.8)
        ops = ops.slice(0, Math.floor(r() * ops.length)); // ops dropped
      else if (k < 0.85) ops = ops.map((o) => ({ ...o })); // a session loaded: new objects
      const before = k >= 0.85 ? Math.floor(r() * (ops.length + 1)) : ops.length;
      const want = lastShrinkIn(ops, 0, before);
      expect(last.of(ops, before)).toBe(want);
      if (k < 0.7 && want !== null) incremental++;
    }
    expect(incremental).toBeGreaterThan(100);
  });

  it('looks only at the new ops when the log grew', () => {
    const base: Op[] = Array.from({ length: 1000 }, (_, i) => ({
      op: 'insert',
      ino: 1,
      lblk: i,
      len: 1,
      status: 'D',
    }));
    base[10] = { op: 'shrink', nr: 4 };
    const last = new LastShrink();
    expect(last.of(base, base.length)).toBe(10);
    // Poison the old part: if it were scanned again, the answer would change.
    const grown = base.concat([{ op: 'lookup', ino: 1, lblk: 3 }]);
    (grown as Op[])[500] = { op: 'shrink', nr: 2 };
    expect(last.of(grown, grown.length)).toBe(10);
  });
});
