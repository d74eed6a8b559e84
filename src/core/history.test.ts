import { describe, expect, it } from 'vitest';
import { mulberry32 } from './workloads.ts';
import { dumpState } from './dump.ts';
import { History } from './history.ts';
import { applyOp, newSuperblock, type Op } from './ops.ts';

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
