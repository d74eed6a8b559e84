import { describe, expect, it } from 'vitest';
import { recordOp } from '../../core/steps.ts';
import { Superblock } from '../../core/superblock.ts';
import { applyOp, type Op } from '../../core/ops.ts';
import type { FocusOp } from '../../worker/protocol.ts';
import { sweepCounters } from './counters.ts';

function focusOf(ops: Op[], last: Op, current?: number): FocusOp {
  const sb = new Superblock(3);
  for (const op of ops) applyOp(sb, op);
  const rec = recordOp(sb, last);
  return {
    index: ops.length,
    command: last.op === 'shrink' ? `shrink ${last.nr}` : last.op,
    result: rec.result,
    steps: rec.steps.map((s) => ({
      kind: s.kind,
      category: s.category,
      fn: s.fn,
      text: s.text,
      ino: s.ino,
    })),
    current: current ?? rec.steps.length - 1,
  };
}

const SETUP: Op[] = [
  { op: 'insert', ino: 1, lblk: 0, len: 4, pblk: 100, status: 'W' },
  { op: 'insert', ino: 1, lblk: 8, len: 4, status: 'D' },
  { op: 'insert', ino: 2, lblk: 0, len: 8, status: 'D' },
  { op: 'insert', ino: 3, lblk: 0, len: 2, pblk: 500, status: 'W' },
  { op: 'insert', ino: 3, lblk: 4, len: 2, pblk: 900, status: 'U' },
];

describe('sweepCounters', () => {
  it('sweepCounters reads before, after, reclaimed and skipped from ret, shrunk and the steps', () => {
    const c = sweepCounters(focusOf(SETUP, { op: 'shrink', nr: 8 }))!;
    expect(c).toMatchObject({ count: false, running: false, before: 3, after: 0, reclaimed: 3 });
    expect(c.skipped).toBe(1); // inode 2 holds only a delayed extent
    expect(c.scanned).toBe(3);
  });

  it('sweepCounters stops with nr_to_scan and counts so far inside the op', () => {
    const full = focusOf(SETUP, { op: 'shrink', nr: 2 });
    expect(sweepCounters(full)).toMatchObject({ before: 3, after: 1, reclaimed: 2, skipped: 1 });
    const first = full.steps.findIndex((s) => s.kind === 'reclaim');
    const mid = sweepCounters({ ...full, current: first })!;
    expect(mid).toMatchObject({ running: true, reclaimedSoFar: 1, skippedSoFar: 0 });
  });

  it('sweepCounters of a count and of other ops', () => {
    expect(sweepCounters(focusOf(SETUP, { op: 'shrink', nr: 0 }))).toMatchObject({
      count: true,
      before: 3,
      after: 3,
      reclaimed: 0,
    });
    expect(sweepCounters(focusOf(SETUP, { op: 'lookup', ino: 1, lblk: 0 }))).toBeNull();
  });
});
