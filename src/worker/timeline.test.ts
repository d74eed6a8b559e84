import { describe, expect, it } from 'vitest';
import { dumpInode, dumpState } from '../core/dump.ts';
import { History } from '../core/history.ts';
import { newSuperblock, parseCommand, type Op } from '../core/ops.ts';
import type { Superblock } from '../core/superblock.ts';
import { mulberry32 } from '../core/workloads.ts';
import { Timeline } from './timeline.ts';
import { overlaySource, sourceExtents, sourceShape } from './treeSource.ts';

const ops = [
  'insert 1 10 1 D',
  'insert 1 30 1 D',
  'insert 1 20 1 D',
  'insert 2 0 4 100 W',
  'remove 1 20 1',
  'lookup 2 1',
].map(parseCommand);

function loaded() {
  const t = new Timeline();
  t.load({ inodes: 2 }, ops);
  return t;
}

describe('Timeline.move', () => {
  it('Timeline.move walks every step forward and back again through the same positions', () => {
    const t = loaded();
    t.move('start');
    const forward = [{ ...t.cursor }];
    while (t.cursor.op < t.length) forward.push({ ...t.move('next') });
    expect(forward.at(-1)).toEqual({ op: 6, step: 0 });
    const total = ops.reduce((n, _, k) => n + Math.max(1, t.stepsOf(k).steps.length), 0);
    expect(forward.length).toBe(total + 1);
    const back = [{ ...t.cursor }];
    while (t.cursor.op > 0 || t.cursor.step > 0) back.push({ ...t.move('prev') });
    expect(back.reverse()).toEqual(forward);
  });
  it('Timeline.move by op and to the ends', () => {
    const t = loaded();
    expect(t.move('start')).toEqual({ op: 0, step: 0 });
    expect(t.move('next')).toEqual({ op: 0, step: 1 });
    expect(t.move('nextOp')).toEqual({ op: 1, step: 0 });
    t.move('next');
    expect(t.move('prevOp')).toEqual({ op: 1, step: 0 });
    expect(t.move('prevOp')).toEqual({ op: 0, step: 0 });
    expect(t.move('end')).toEqual({ op: 6, step: 0 });
    expect(t.move('next')).toEqual({ op: 6, step: 0 });
    expect(t.seek({ op: 99, step: 3 })).toEqual({ op: 6, step: 0 });
    expect(t.seek({ op: 2, step: 999 })).toEqual({ op: 3, step: 0 });
  });
});

describe('Timeline.midOp', () => {
  it('Timeline.midOp after all steps but the last rebuilds a valid tree, and all steps give the after state', () => {
    const t = loaded();
    for (let k = 0; k < t.length; k++) {
      const n = t.stepsOf(k).steps.length;
      const ino = 'ino' in ops[k]! ? (ops[k] as { ino: number }).ino : 1;
      const mid = t.midOp(k, n, ino);
      const src = overlaySource(mid.inode.pool, mid.inode.overlay, mid.inode.root);
      const after = dumpInode(t.stateAt(k + 1), ino);
      expect(sourceShape(src)).toBe(after.shape);
      expect(sourceExtents(src)).toEqual(after.extents);
    }
  });
  it('Timeline.midOp shows the tree between the two rotations of an insert', () => {
    const t = loaded();
    const steps = t.stepsOf(2).steps;
    const first = steps.findIndex((s) => s.kind === 'rotate');
    const mid = t.midOp(2, first + 1, 1);
    expect(sourceShape(overlaySource(mid.inode.pool, mid.inode.overlay, mid.inode.root))).toBe(
      '10b(,20r(,30r))',
    );
  });
});

describe('Timeline.continueTo', () => {
  it('Timeline.continueTo stops after each rotation forward and finds them again backward', () => {
    const t = loaded();
    t.move('start');
    const bps = [{ on: 'category' as const, category: 'rotation' as const }];
    const fwd: string[] = [];
    for (;;) {
      const hit = t.continueTo(1, bps);
      if (!hit) break;
      expect(hit.step.kind).toBe('rotate');
      fwd.push(`${t.cursor.op}.${t.cursor.step}`);
    }
    expect(fwd.length).toBe(2);
    expect(t.cursor).toEqual({ op: 6, step: 0 });
    const back: string[] = [];
    for (;;) {
      const hit = t.continueTo(-1, bps);
      if (!hit) break;
      back.push(`${t.cursor.op}.${t.cursor.step}`);
    }
    expect(back).toEqual([...fwd].reverse());
    expect(t.cursor).toEqual({ op: 0, step: 0 });
    expect(t.continueTo(1, [])).toBeNull();
    expect(t.cursor).toEqual({ op: 6, step: 0 });
  });
  it('Timeline.continueTo stops on an inode and on a block range', () => {
    const t = loaded();
    t.move('start');
    expect(t.continueTo(1, [{ on: 'inode', ino: 2 }])?.step.ino).toBe(2);
    expect(t.cursor.op).toBe(3);
    t.move('start');
    const hit = t.continueTo(1, [{ on: 'range', ino: 1, lblk: 25, len: 10 }]);
    expect(hit?.step.ino).toBe(1);
    expect(t.cursor.op).toBe(1);
  });
});

describe('Timeline.apply', () => {
  it('Timeline.apply: the state before the op just applied is the one a replay gives', () => {
    const t = loaded();
    const k = t.length;
    t.apply([parseCommand('insert 1 15 2 150 W')]);
    const fresh = loaded();
    expect(dumpState(t.preOf(k))).toEqual(dumpState(fresh.stateAt(k)));
    // and after a bulk apply (a workload chunk), the one before the op before it
    t.apply([parseCommand('lookup 1 15')], true);
    expect(dumpState(t.preOf(k))).toEqual(dumpState(fresh.stateAt(k)));
    expect(dumpState(t.preOf(k + 1))).toEqual(dumpState(t.stateAt(k + 1)));
  });

  it('Timeline.apply in the past drops the later ops and returns them', () => {
    const t = loaded();
    t.seek({ op: 2, step: 1 });
    const { results, dropped } = t.apply([parseCommand('lookup 1 10')]);
    expect(dropped).toHaveLength(4);
    expect(results).toEqual([{ found: 1, es: [10, 1, 'D', null] }]);
    expect(t.length).toBe(3);
    expect(t.cursor).toEqual({ op: 3, step: 0 });
  });
});

/** Exact equality of two states: node ids, free list, roots, per-inode arrays and counters. */
function expectSameState(a: Superblock, b: Superblock, what: string): void {
  const d = a.diff(b);
  const e = b.diff(a);
  expect(d.pool.nodes.rows, `${what}: high-water mark`).toBe(e.pool.nodes.rows);
  expect(d.pool.nodes.idx.length, `${what}: nodes`).toBe(0);
  expect(d.pool.roots.idx.length, `${what}: roots`).toBe(0);
  expect([d.pool.freeHead, d.pool.live], `${what}: free list`).toEqual([
    e.pool.freeHead,
    e.pool.live,
  ]);
  expect(d.inodes.rows, `${what}: inodes`).toBe(e.inodes.rows);
  expect(d.inodes.idx.length, `${what}: inode fields`).toBe(0);
  expect([...d.scalars], `${what}: counters`).toEqual([...e.scalars]);
}

/** Random inserts, removes, lookups and shrinks on three inodes, in a small block range. */
function randomOps(rnd: () => number, n: number): Op[] {
  const out: Op[] = [];
  for (let i = 0; i < n; i++) {
    const ino = 1 + Math.floor(rnd() * 3);
    const lblk = Math.floor(rnd() * 200);
    const len = 1 + Math.floor(rnd() * 8);
    const r = rnd();
    if (r < 0.55) out.push({ op: 'insert', ino, lblk, len, pblk: 1000 + lblk, status: 'W' });
    else if (r < 0.65) out.push({ op: 'insert', ino, lblk, len, status: 'D' });
    else if (r < 0.85) out.push({ op: 'remove', ino, lblk, len });
    else if (r < 0.95) out.push({ op: 'lookup', ino, lblk });
    else out.push({ op: 'shrink', nr: Math.floor(rnd() * 6) });
  }
  return out;
}

describe('Timeline.preOf', () => {
  for (const seed of [5, 6]) {
    it(`Timeline.preOf equals a replay of the log, whether kept by replaying ops or by a copy (seed ${seed})`, () => {
      const rnd = mulberry32(seed);
      const t = new Timeline({ inodes: 3 });
      for (let round = 0; round < 150; round++) {
        const r = rnd();
        if (r < 0.5) t.apply(randomOps(rnd, 1 + Math.floor(rnd() * 3)));
        else if (r < 0.6)
          // a job's chunk: nothing kept, and now and then more ops than are worth replaying
          t.apply(randomOps(rnd, rnd() < 0.2 ? 1100 : 20), true);
        else if (r < 0.7) t.keepPreAtEnd();
        else if (r < 0.85) t.seek({ op: Math.floor(rnd() * (t.length + 1)), step: 1 });
        else t.move(rnd() < 0.5 ? 'prev' : 'end');
        // what the host reads: the state before the op the cursor is inside, or the last op
        const k = t.cursor.step > 0 ? t.cursor.op : Math.max(0, t.length - 1);
        const ref = new History(newSuperblock(3));
        for (const op of t.ops.slice(0, k)) ref.append(op);
        expectSameState(t.preOf(k), ref.seek(k), `round ${round}, before op ${k}`);
      }
    });
  }
});
