/**
 * Measures for predict questions, taken from the engine itself. Used by `lessons.test.ts` only:
 * the explorer's main thread never runs the engine, it compares answers with the lesson's data.
 */
import { dumpInode } from '../core/dump.ts';
import { applyOp, newSuperblock, type Op, type OpResult } from '../core/ops.ts';
import { recordOp, type Step } from '../core/steps.ts';
import type { Superblock } from '../core/superblock.ts';
import type { Measure } from './lessons.ts';

export interface Replayed {
  sb: Superblock;
  /** The result and micro-steps of the last op. */
  last: { result: OpResult; steps: Step[] } | null;
  /** Errors of every op, by index, for the ops that failed. */
  errors: { index: number; err: string }[];
}

/** Replays `ops` on a fresh superblock of `inodes` inodes, recording the last op's steps. */
export function replay(inodes: number, ops: Op[]): Replayed {
  const sb = newSuperblock(inodes);
  const errors: Replayed['errors'] = [];
  let last: Replayed['last'] = null;
  ops.forEach((op, index) => {
    const isLast = index === ops.length - 1;
    const r = isLast ? recordOp(sb, op) : { result: applyOp(sb, op), steps: [] };
    if (r.result.err) errors.push({ index, err: r.result.err });
    if (isLast) last = r;
  });
  return { sb, last, errors };
}

function fmt(lblk: number, len: number): string {
  return `[${lblk}/${len})`;
}

/**
 * The last op's result in one word: its error code if it failed; a lookup's status ("W", "D",
 * ...) or "none"; find_delayed's extent "[lblk/len)" or "none"; a shrink's reclaimed count;
 * otherwise "ok".
 */
export function resultWord(op: Op | undefined, r: OpResult): string {
  if (r.err) return r.err;
  if (op?.op === 'lookup') return r.found && r.es ? String(r.es[2]) : 'none';
  if (op?.op === 'find_delayed') return r.es ? fmt(r.es[0], r.es[1]) : 'none';
  if (op?.op === 'shrink') return String(op.nr === 0 ? r.ret : r.shrunk);
  return 'ok';
}

/** What `m` measures in the replayed state, as a string (numbers in decimal). */
export function measure(m: Measure, run: Replayed, lastOp: Op | undefined): string {
  const { sb, last } = run;
  switch (m.of) {
    case 'extents':
      return String(dumpInode(sb, m.ino).extents.length);
    case 'cache': {
      const c = dumpInode(sb, m.ino).cache;
      return c === null ? 'none' : String(c);
    }
    case 'root': {
      const shape = dumpInode(sb, m.ino).shape;
      return /^[0-9]+/.exec(shape)?.[0] ?? 'none';
    }
    case 'lru_head':
      return String(sb.lruOrder()[0] ?? 0);
    case 'lru_nr':
      return String(dumpInode(sb, m.ino).lru_nr);
    case 'extent_at': {
      const e = dumpInode(sb, m.ino).extents.find(([l, n]) => m.lblk >= l && m.lblk - l < n);
      return e ? fmt(e[0], e[1]) : 'none';
    }
    case 'result':
      return last ? resultWord(lastOp, last.result) : 'none';
    case 'steps':
      return String(last ? last.steps.filter((s) => s.category === m.category).length : 0);
    case 'scan_first':
      return String(last?.steps.find((s) => s.kind === 'scan')?.ino ?? 0);
  }
}
