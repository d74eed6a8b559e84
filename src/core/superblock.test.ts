import { describe, expect, it } from 'vitest';
import { applyOp, type Op } from './ops.ts';
import { composeColumns, diffColumns, patchColumns } from './rbtree.ts';
import { composeDeltas, Superblock } from './superblock.ts';
import { mulberry32 } from './workloads.ts';

/** Ops over a growing set of inodes (add_inodes now and then), so the inode arrays grow too. */
function growingOps(seed: number, n: number): Op[] {
  const rnd = mulberry32(seed);
  const pick = (k: number) => Math.floor(rnd() * k);
  let inodes = 2;
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {
    const ino = 1 + pick(inodes);
    const lblk = pick(300);
    const r = rnd();
    if (r < 0.02) {
      inodes += 1 + pick(20);
      ops.push({ op: 'add_inodes', count: inodes });
    } else if (r < 0.55) {
      const status = ['W', 'U', 'D', 'H', 'WD'][pick(5)]!;
      ops.push({ op: 'insert', ino, lblk, len: 1 + pick(9), pblk: 2 ** 40 + lblk, status });
    } else if (r < 0.75) ops.push({ op: 'remove', ino, lblk, len: 1 + pick(30) });
    else if (r < 0.88) ops.push({ op: 'lookup', ino, lblk });
    else if (r < 0.94) ops.push({ op: 'find_delayed', ino, lblk });
    else if (r < 0.98) ops.push({ op: 'shrink', nr: pick(12) });
    else ops.push({ op: 'lru_del', ino });
  }
  return ops;
}

/** Copies of the state after 0, every, 2 × every, ... ops. */
function statesEvery(ops: Op[], every: number): Superblock[] {
  const sb = new Superblock(2);
  const out = [sb.clone()];
  ops.forEach((op, k) => {
    applyOp(sb, op);
    if ((k + 1) % every === 0) out.push(sb.clone());
  });
  return out;
}

/** Gives every number field of `sb` a value of its own, so a field left behind shows. */
function scribbleNumbers(sb: Superblock, from: number): void {
  let v = from;
  for (const [k, x] of Object.entries(sb)) if (typeof x === 'number') Reflect.set(sb, k, v++);
}

describe('Superblock.copyFrom', () => {
  it('Superblock.copyFrom into a bigger, later state gives an exact copy', () => {
    const states = statesEvery(growingOps(1, 2000), 250);
    const into = states.at(-1)!.clone();
    for (const s of states) {
      into.copyFrom(s);
      expect(into.clone()).toEqual(s.clone());
    }
    // and forward again, into arrays that are too small
    const small = states[0]!.clone();
    small.copyFrom(states.at(-1)!);
    expect(small.clone()).toEqual(states.at(-1)!.clone());
  });
  it('Superblock.copyFrom copies every number field', () => {
    const src = statesEvery(growingOps(2, 300), 300)[1]!;
    scribbleNumbers(src, 1000);
    const dst = new Superblock(2);
    dst.copyFrom(src);
    for (const [k, x] of Object.entries(src))
      if (typeof x === 'number') expect(Reflect.get(dst, k), k).toBe(x);
  });
});

describe('Superblock.diff', () => {
  for (const seed of [3, 4]) {
    it(`Superblock.diff then patch turns each state into the next, seed ${seed}`, () => {
      const states = statesEvery(growingOps(seed, 3000), 100);
      const sb = states[0]!.clone();
      for (let j = 1; j < states.length; j++) {
        sb.patch(states[j]!.diff(states[j - 1]!));
        expect(sb.clone(), `state ${j}`).toEqual(states[j]!.clone());
      }
    });
  }
  it('Superblock.diff holds only what changed', () => {
    const [a, b] = statesEvery(growingOps(5, 400), 200);
    expect(b!.diff(b!).pool.nodes.idx).toHaveLength(0);
    const c = b!.clone();
    applyOp(c, { op: 'lookup', ino: 1, lblk: 0 }); // moves no node
    expect(c.diff(b!).pool.nodes.idx).toHaveLength(0);
    expect(b!.diff(a!).pool.nodes.idx.length).toBeGreaterThan(0);
  });
  it('Superblock.diff carries every number field', () => {
    const [a, b] = statesEvery(growingOps(6, 200), 100);
    scribbleNumbers(b!, 5000);
    const c = a!.clone();
    c.patch(b!.diff(a!));
    for (const [k, x] of Object.entries(b!))
      if (typeof x === 'number') expect(Reflect.get(c, k), k).toBe(x);
  });
  it('composeDeltas of consecutive deltas equals the delta over both', () => {
    const states = statesEvery(growingOps(7, 3000), 150);
    let d = states[1]!.diff(states[0]!);
    for (let j = 2; j < states.length; j++) {
      d = composeDeltas(d, states[j]!.diff(states[j - 1]!));
      const sb = states[0]!.clone();
      sb.patch(d);
      expect(sb.clone(), `0 → ${j}`).toEqual(states[j]!.clone());
    }
  });
});

describe('diffColumns', () => {
  it('diffColumns and composeColumns keep new rows and the later values', () => {
    const a = [new Int32Array([1, 2, 3]), new Float64Array([0.5, -0, 2 ** 47])];
    const b = [new Int32Array([1, 9, 3, 4]), new Float64Array([0.5, 0, 2 ** 47, 7])];
    const c = [new Int32Array([1, 9, 8, 4, 5]), new Float64Array([0.5, 0, 2 ** 47, 6, 1])];
    const ab = diffColumns(b, 4, a, 3);
    expect([...ab.idx]).toEqual([1, 3]); // -0 → 0 is a change, bit for bit
    const ac = composeColumns(ab, diffColumns(c, 5, b, 4));
    expect([...ac.idx]).toEqual([1, 2, 3, 4]);
    const out = [new Int32Array(5), new Float64Array(5)];
    out[0]!.set(a[0]!);
    out[1]!.set(a[1]!);
    patchColumns(out, ac);
    expect(out).toEqual(c);
  });
});
