import { describe, expect, it } from 'vitest';
import { BLACK, NIL, RbPool, RED } from './rbtree.ts';

/** A bare BST on the pool keyed by lblk, linking like the kernel's callers do. */
function insertKey(p: RbPool, t: number, key: number): number {
  let parent = NIL;
  let goLeft = false;
  let n = p.root[t]!;
  while (n !== NIL) {
    parent = n;
    goLeft = key < p.lblk[n]!;
    n = goLeft ? p.left[n]! : p.right[n]!;
  }
  const node = p.alloc();
  p.lblk[node] = key;
  p.rbLinkNode(t, node, parent, goLeft);
  p.rbInsertColor(node, t);
  return node;
}

function shape(p: RbPool, n: number): string {
  if (n === NIL) return '';
  const s = `${p.lblk[n]}${p.color[n] === RED ? 'r' : 'b'}`;
  if (p.left[n] === NIL && p.right[n] === NIL) return s;
  return `${s}(${shape(p, p.left[n]!)},${shape(p, p.right[n]!)})`;
}

function find(p: RbPool, t: number, key: number): number {
  let n = p.root[t]!;
  while (n !== NIL && p.lblk[n] !== key) n = key < p.lblk[n]! ? p.left[n]! : p.right[n]!;
  return n;
}

function keys(p: RbPool, t: number): number[] {
  const out: number[] = [];
  for (let n = p.rbFirst(t); n !== NIL; n = p.rbNext(n)) out.push(p.lblk[n]!);
  return out;
}

function blackHeight(p: RbPool, n: number): number {
  if (n === NIL) return 1;
  const l = blackHeight(p, p.left[n]!);
  const r = blackHeight(p, p.right[n]!);
  expect(l).toBe(r);
  if (p.color[n] === RED) {
    expect(p.color[p.left[n]!] === RED && p.left[n] !== NIL).toBe(false);
    expect(p.color[p.right[n]!] === RED && p.right[n] !== NIL).toBe(false);
  }
  return l + (p.color[n] === BLACK ? 1 : 0);
}

describe('rbInsertColor', () => {
  it('rbInsertColor makes a lone node a black root', () => {
    const p = new RbPool(1);
    insertKey(p, 0, 10);
    expect(shape(p, p.root[0]!)).toBe('10b');
  });
  it('rbInsertColor recolours on a red uncle (case 1)', () => {
    const p = new RbPool(1);
    for (const k of [20, 10, 30, 5]) insertKey(p, 0, k);
    expect(shape(p, p.root[0]!)).toBe('20b(10b(5r,),30b)');
  });
  it('rbInsertColor rotates once for an outer child (case 3), both sides', () => {
    const p = new RbPool(2);
    for (const k of [30, 20, 10]) insertKey(p, 0, k);
    expect(shape(p, p.root[0]!)).toBe('20b(10r,30r)');
    for (const k of [10, 20, 30]) insertKey(p, 1, k);
    expect(shape(p, p.root[1]!)).toBe('20b(10r,30r)');
  });
  it('rbInsertColor rotates twice for an inner child (case 2 then 3), both sides', () => {
    const p = new RbPool(2);
    const rot: [number, number][] = [];
    p.tracer = {
      rotate: (_t, d, u) => rot.push([p.lblk[d]!, p.lblk[u]!]),
      recolor: () => {},
      unlink: () => {},
    };
    for (const k of [30, 10, 20]) insertKey(p, 0, k);
    expect(shape(p, p.root[0]!)).toBe('20b(10r,30r)');
    expect(rot).toEqual([
      [10, 20],
      [30, 20],
    ]);
    for (const k of [10, 30, 20]) insertKey(p, 1, k);
    expect(shape(p, p.root[1]!)).toBe('20b(10r,30r)');
  });
});

describe('rbErase', () => {
  it('rbErase of every key in many orders keeps a valid red-black tree', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const p = new RbPool(1, 2);
      let x = seed;
      const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
      const ks = Array.from({ length: 60 }, (_, i) => i * 3);
      ks.sort(() => rnd() - 0.5);
      for (const k of ks) insertKey(p, 0, k);
      blackHeight(p, p.root[0]!);
      const order = [...ks].sort(() => rnd() - 0.5);
      const left = new Set(ks);
      for (const k of order) {
        const n = find(p, 0, k);
        p.rbErase(n, 0);
        p.free(n);
        left.delete(k);
        expect(keys(p, 0)).toEqual([...left].sort((a, b) => a - b));
        if (p.root[0] !== NIL) {
          expect(p.color[p.root[0]!]).toBe(BLACK);
          blackHeight(p, p.root[0]!);
        }
      }
      expect(p.root[0]).toBe(NIL);
      expect(p.live).toBe(0);
    }
  });
  it('rbErase moves the successor node itself into the erased place', () => {
    const p = new RbPool(1);
    for (const k of [20, 10, 30, 25, 40]) insertKey(p, 0, k);
    const succ = find(p, 0, 25);
    p.rbErase(find(p, 0, 20), 0);
    expect(p.root[0]).toBe(succ);
    expect(p.lblk[succ]).toBe(25);
  });
});

describe('rbNext and rbPrev', () => {
  it('rbPrev walks backwards and rbLast finds the end', () => {
    const p = new RbPool(1);
    for (const k of [5, 3, 8, 1, 4, 7, 9]) insertKey(p, 0, k);
    const back: number[] = [];
    for (let n = p.rbLast(0); n !== NIL; n = p.rbPrev(n)) back.push(p.lblk[n]!);
    expect(back).toEqual([9, 8, 7, 5, 4, 3, 1]);
    expect(p.rbFirst(0)).not.toBe(NIL);
    const empty = new RbPool(2);
    expect(empty.rbFirst(1)).toBe(NIL);
    expect(empty.rbLast(1)).toBe(NIL);
  });
  it('RbPool grows and reuses freed nodes', () => {
    const p = new RbPool(1, 2);
    const nodes = Array.from({ length: 100 }, (_, i) => insertKey(p, 0, i));
    expect(p.live).toBe(100);
    expect(keys(p, 0)).toHaveLength(100);
    const n = nodes[50]!;
    p.rbErase(n, 0);
    p.free(n);
    expect(p.isLive(n)).toBe(false);
    expect(p.alloc()).toBe(n);
    p.setTreeCount(5);
    expect(p.root.length).toBe(5);
    expect(p.byteSize()).toBeGreaterThan(0);
  });
});
