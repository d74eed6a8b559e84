import { describe, expect, it } from 'vitest';
import { mulberry32 } from './workloads.ts';
import { dumpState } from './dump.ts';
import { History } from './history.ts';
import { applyOp, newSuperblock, type Op } from './ops.ts';
import type { Superblock } from './superblock.ts';

const prng = mulberry32;

function randomOps(seed: number, n: number): Op[] {
  const rnd = prng(seed);
  const pick = (k: number) => Math.floor(rnd() * k);
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {
    const ino = 1 + pick(3);
    const lblk = pick(400);
    const r = rnd();
    if (r < 0.55)
      ops.push({
        op: 'insert',
        ino,
        lblk,
        len: 1 + pick(9),
        pblk: 1000 + lblk,
        status: ['W', 'U', 'D', 'H'][pick(4)]!,
      });
    else if (r < 0.7) ops.push({ op: 'remove', ino, lblk, len: 1 + pick(20) });
    else if (r < 0.85) ops.push({ op: 'lookup', ino, lblk });
    else if (r < 0.93) ops.push({ op: 'find_delayed', ino, lblk });
    else if (r < 0.98) ops.push({ op: 'shrink', nr: pick(10) });
    else ops.push({ op: 'lru_del', ino });
  }
  return ops;
}

/** States after every prefix, by straight replay. */
function prefixStates(ops: Op[]): string[] {
  const sb = newSuperblock(3);
  const out = [JSON.stringify(dumpState(sb))];
  for (const op of ops) {
    applyOp(sb, op);
    out.push(JSON.stringify(dumpState(sb)));
  }
  return out;
}

describe('History', () => {
  for (const seed of [1, 2, 3]) {
    it(`History.seek to random points gives the straight-replay state, seed ${seed}`, () => {
      const ops = randomOps(seed, 1500);
      const want = prefixStates(ops);
      const h = new History(newSuperblock(3), 64);
      for (const op of ops) h.append(op);
      const rnd = prng(seed + 100);
      for (let i = 0; i < 300; i++) {
        const k = Math.floor(rnd() * (ops.length + 1));
        expect(JSON.stringify(dumpState(h.seek(k))), `seek ${k}`).toBe(want[k]);
      }
      // back and forth one op at a time
      for (let k = 700; k > 600; k--) expect(JSON.stringify(dumpState(h.seek(k)))).toBe(want[k]);
      for (let k = 600; k < 700; k++) expect(JSON.stringify(dumpState(h.seek(k)))).toBe(want[k]);
    });
  }
  it('History.record applies the op with steps and lands on the next state', () => {
    const ops = randomOps(9, 300);
    const want = prefixStates(ops);
    const h = new History(newSuperblock(3), 50);
    for (const op of ops) h.append(op);
    for (const k of [0, 49, 50, 51, 299, 120, 3]) {
      const r = h.record(k);
      expect(h.cursor).toBe(k + 1);
      expect(JSON.stringify(dumpState(h.seek(k + 1)))).toBe(want[k + 1]);
      expect(r.result).toEqual(h.results[k]);
    }
    expect(() => h.record(300)).toThrow(RangeError);
    expect(() => h.seek(-1)).toThrow(RangeError);
  });
  it('History.truncate drops later ops and appending again branches from there', () => {
    const ops = randomOps(4, 500);
    const h = new History(newSuperblock(3), 32);
    for (const op of ops) h.append(op);
    h.truncate(200);
    expect(h.length).toBe(200);
    const other = randomOps(5, 100);
    for (const op of other) h.append(op);
    const want = prefixStates([...ops.slice(0, 200), ...other]);
    expect(JSON.stringify(dumpState(h.seek(300)))).toBe(want[300]);
    expect(JSON.stringify(dumpState(h.seek(150)))).toBe(want[150]);
    expect(JSON.stringify(dumpState(h.seek(250)))).toBe(want[250]);
    expect(h.checkpointBytes()).toBeGreaterThan(0);
  });
  it('Superblock.clone is independent of the original', () => {
    const sb = newSuperblock(2);
    applyOp(sb, { op: 'insert', ino: 1, lblk: 0, len: 5, pblk: 9, status: 'W' });
    const c = sb.clone();
    applyOp(sb, { op: 'remove', ino: 1, lblk: 0, len: 5 });
    applyOp(c, { op: 'insert', ino: 2, lblk: 0, len: 5, pblk: 9, status: 'W' });
    expect(dumpState(sb).inodes.map((i) => i.extents.length)).toEqual([0, 0]);
    expect(dumpState(c).inodes.map((i) => i.extents.length)).toEqual([1, 1]);
  });
});

describe('History checkpoint budget', () => {
  it('History thins its checkpoints past the budget and still seeks exactly', () => {
    const ops = randomOps(11, 3000);
    const want = prefixStates(ops);
    const h = new History(newSuperblock(3), 16, 40_000);
    for (const op of ops) h.append(op);
    expect(h.interval).toBeGreaterThan(16);
    expect(h.checkpointBytes()).toBeLessThanOrEqual(40_000 * 2);
    for (const k of [0, 1, 17, 999, 1500, 2999, 3000, 5, 2048])
      expect(JSON.stringify(dumpState(h.seek(k)))).toBe(want[k]);
    h.truncate(1000);
    for (const op of ops.slice(1000, 1200)) h.append(op);
    expect(JSON.stringify(dumpState(h.seek(1200)))).toBe(want[1200]);
    expect(h.reclaimable).toHaveLength(1200);
  });
});

describe('History.appendRecorded', () => {
  it('History.appendRecorded gives the same results and states as append, with steps', () => {
    const ops = randomOps(21, 400);
    const a = new History(newSuperblock(3), 32);
    const b = new History(newSuperblock(3), 32);
    for (const [k, op] of ops.entries()) {
      const r = a.append(op);
      const rec = b.appendRecorded(op);
      expect(rec.result).toEqual(r);
      if (!r.err && k % 50 === 0) expect(rec.steps.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(dumpState(b.seek(400)))).toBe(JSON.stringify(dumpState(a.seek(400))));
    expect(JSON.stringify(dumpState(b.seek(133)))).toBe(JSON.stringify(dumpState(a.seek(133))));
  });
});

/** Exact copies of the state after every prefix (node ids, free list, counters and all). */
function prefixCopies(ops: Op[], inodes: number): Superblock[] {
  const sb = newSuperblock(inodes);
  const out = [sb.clone()];
  for (const op of ops) {
    applyOp(sb, op);
    out.push(sb.clone());
  }
  return out;
}

/**
 * Where two superblocks differ, field by field (the pool's and the per-inode arrays element by
 * element, up to the pool's high-water mark as `clone` cuts it), or null when they are the same.
 */
function difference(a: Superblock, b: Superblock): string | null {
  return differ(a.clone(), b.clone(), 'sb');
}

function differ(x: unknown, y: unknown, path: string): string | null {
  if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
    const xs = x as unknown as ArrayLike<number>;
    const ys = y as unknown as ArrayLike<number>;
    if (x.constructor !== y.constructor || xs.length !== ys.length) return `${path}: shape`;
    for (let i = 0; i < xs.length; i++)
      if (!Object.is(xs[i], ys[i])) return `${path}[${i}]: ${xs[i]} vs ${ys[i]}`;
    return null;
  }
  if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const k of keys) {
      const d = differ(Reflect.get(x, k), Reflect.get(y, k), `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(x, y) ? null : `${path}: ${String(x)} vs ${String(y)}`;
}

/** randomOps with an add_inodes now and then, and ops on the new inodes. */
function growingOps(seed: number, n: number): Op[] {
  const rnd = prng(seed);
  let inodes = 3;
  return randomOps(seed, n).map((op) => {
    if (rnd() < 0.01) {
      inodes += 1 + Math.floor(rnd() * 12);
      return { op: 'add_inodes', count: inodes };
    }
    return 'ino' in op ? { ...op, ino: 1 + Math.floor(rnd() * inodes) } : op;
  });
}

describe('History.seek exactness', () => {
  // Budgets from roomy to tiny: the tiny ones drop full copies and merge checkpoints over and
  // over, which is where a wrong delta or a stale tail would show.
  for (const [seed, interval, budget] of [
    [31, 64, 1 << 30],
    [32, 16, 60_000],
    [33, 8, 20_000],
    [34, 4, 5_000],
  ] as const) {
    it(`History.seek lands on the replayed state exactly, seed ${seed}, budget ${budget}`, () => {
      const ops = growingOps(seed, 2500);
      const want = prefixCopies(ops, 3);
      const h = new History(newSuperblock(3), interval, budget);
      const rnd = prng(seed + 1);
      ops.forEach((op, k) => {
        h.append(op);
        // seeks while the log grows, so thinning happens between them
        if (k % 97 === 0) {
          const j = Math.floor(rnd() * (k + 2));
          expect(difference(h.seek(j), want[j]!), `seek ${j} at length ${k + 1}`).toBeNull();
        }
      });
      if (budget < 1 << 20) expect(h.interval).toBeGreaterThan(interval);
      for (let i = 0; i < 150; i++) {
        const k = Math.floor(rnd() * (ops.length + 1));
        expect(difference(h.seek(k), want[k]!), `seek ${k}`).toBeNull();
      }
      for (let k = 1200; k > 1100; k--) expect(difference(h.seek(k), want[k]!)).toBeNull();
      for (let k = 1100; k < 1200; k++) expect(difference(h.seek(k), want[k]!)).toBeNull();
    });
  }

  it('History doubles the interval as the state grows, and still seeks exactly', () => {
    // extents a block apart never merge, so the pool grows by one node per insert
    const rnd = prng(38);
    const ops: Op[] = [];
    for (let k = 0; k < 3000; k++) {
      const ino = 1 + Math.floor(rnd() * 3);
      const lblk = 2 * Math.floor(rnd() * 5000);
      if (rnd() < 0.8) ops.push({ op: 'insert', ino, lblk, len: 1, pblk: lblk, status: 'W' });
      else ops.push({ op: 'remove', ino, lblk, len: 1 + Math.floor(rnd() * 40) });
    }
    const want = prefixCopies(ops, 3);
    const h = new History(newSuperblock(3), 2);
    for (const op of ops) h.append(op);
    expect(h.seek(ops.length).pool.live).toBeGreaterThan(1000);
    expect(h.interval).toBeGreaterThanOrEqual(16);
    for (let i = 0; i < 100; i++) {
      const k = Math.floor(rnd() * (ops.length + 1));
      expect(difference(h.seek(k), want[k]!), `seek ${k}`).toBeNull();
    }
  });

  it('History.checkpointBytes stays within the budget while there are more than two', () => {
    const ops = growingOps(35, 4000);
    for (const budget of [30_000, 100_000, 400_000]) {
      const h = new History(newSuperblock(3), 8, budget);
      ops.forEach((op, k) => {
        h.append(op);
        if (h.checkpointStats().checkpoints > 2)
          expect(h.checkpointBytes(), `op ${k}`).toBeLessThanOrEqual(budget);
      });
      const s = h.checkpointStats();
      expect(s.bytes).toBe(h.checkpointBytes());
      expect(s.fullCopies).toBeGreaterThanOrEqual(1);
    }
  });

  it('History.truncate and append after thinning still seek exactly', () => {
    const ops = growingOps(36, 3000);
    const other = growingOps(37, 800);
    const h = new History(newSuperblock(3), 8, 15_000);
    for (const op of ops) h.append(op);
    for (const n of [2999, 2500, 1777]) {
      h.truncate(n);
      expect(difference(h.seek(n), prefixCopies(ops.slice(0, n), 3)[n]!)).toBeNull();
    }
    for (const op of other) h.append(op);
    const want = prefixCopies([...ops.slice(0, 1777), ...other], 3);
    for (const k of [0, 1, 1000, 1776, 1777, 1778, 2000, 2577, 2100])
      expect(difference(h.seek(k), want[k]!), `seek ${k}`).toBeNull();
  });
});

describe('History.lastSweep', () => {
  it('History.lastSweep finds the last shrink that reclaims, as a scan does, through truncations', () => {
    const rnd = prng(77);
    const h = new History(newSuperblock(3), 64);
    const scan = (n: number) => {
      for (let i = Math.min(n, h.length) - 1; i >= 0; i--) {
        const op = h.ops[i]!;
        if (op.op === 'shrink' && op.nr > 0) return i;
      }
      return null;
    };
    for (let round = 0; round < 60; round++) {
      for (const op of randomOps(round, 30)) {
        h.append(rnd() < 0.2 ? { op: 'shrink', nr: Math.floor(rnd() * 3) } : op);
      }
      if (rnd() < 0.3) h.truncate(Math.floor(rnd() * h.length));
      for (let n = 0; n <= h.length; n += 1 + Math.floor(rnd() * 5))
        expect(h.lastSweep(n), `first ${n} ops`).toBe(scan(n));
    }
  });
});
