/**
 * Seeded, model-based property test: random ops over several inodes, checkInvariants() after
 * every op, and every observable (extent lists, lookup and find_delayed answers, shrinker counts,
 * LRU order, lru_nr, cache_es) compared with a reference model written as plainly as possible:
 * sorted arrays of extents, no tree at all.
 *
 * Why a plain model can match the kernel's merge behaviour: a BST search for a key passes the
 * key's in-order predecessor and successor, so __es_insert_extent meets both neighbours and the
 * follow-up ext4_es_try_to_merge_left/right covers the other one. The outcome is "merge with each
 * neighbour that can merge", whatever the tree's shape.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './workloads.ts';
import { dumpState, type ExtentTuple } from './dump.ts';
import { checkInvariants } from './invariants.ts';
import { applyOp, newSuperblock, type Op, type OpResult } from './ops.ts';

interface MExtent {
  lblk: number;
  len: number;
  status: string;
  pblk: number;
}

const mapped = (s: string) => s.includes('W') || s.includes('U');
const end = (e: MExtent) => e.lblk + e.len - 1;

class Model {
  trees: MExtent[][] = [];
  /** A block inside the cached extent, or null. */
  cache: (number | null)[] = [];
  lru: number[] = [];

  constructor(readonly inodes: number) {
    for (let i = 0; i <= inodes; i++) {
      this.trees.push([]);
      this.cache.push(null);
    }
  }

  lruAdd(ino: number) {
    this.lru = this.lru.filter((i) => i !== ino);
    this.lru.push(ino);
  }

  lruNr(ino: number) {
    return this.trees[ino]!.filter((e) => !e.status.includes('D')).length;
  }

  removeRange(ino: number, lblk: number, last: number) {
    const t = this.trees[ino]!;
    if (!t.some((e) => end(e) >= lblk && e.lblk <= last)) return;
    this.cache[ino] = null;
    const out: MExtent[] = [];
    for (const e of t) {
      if (end(e) < lblk || e.lblk > last) {
        out.push(e);
        continue;
      }
      if (e.lblk < lblk) out.push({ ...e, len: lblk - e.lblk });
      if (end(e) > last) {
        const cut = last + 1 - e.lblk;
        const piece = {
          ...e,
          lblk: last + 1,
          len: end(e) - last,
          pblk: mapped(e.status) ? e.pblk + cut : e.pblk,
        };
        out.push(piece);
        if (e.lblk < lblk) this.cache[ino] = piece.lblk; // the split's right piece is cached
      }
    }
    this.trees[ino] = out;
  }

  canMerge(a: MExtent, b: MExtent) {
    return (
      a.lblk + a.len === b.lblk &&
      a.status === b.status &&
      (!mapped(a.status) || a.pblk + a.len === b.pblk)
    );
  }

  insert(ino: number, x: MExtent) {
    this.removeRange(ino, x.lblk, end(x));
    const t = this.trees[ino]!;
    let i = t.findIndex((e) => e.lblk > x.lblk);
    if (i === -1) i = t.length;
    let merged = { ...x };
    let from = i;
    let to = i;
    const prev = t[i - 1];
    const next = t[i];
    if (prev && this.canMerge(prev, merged)) {
      merged = { ...prev, len: prev.len + merged.len };
      from = i - 1;
    }
    if (next && this.canMerge(merged, next)) {
      merged = { ...merged, len: merged.len + next.len };
      to = i + 1;
    }
    t.splice(from, to - from, merged);
    this.cache[ino] = merged.lblk;
    this.lruAdd(ino);
  }

  find(ino: number, lblk: number) {
    return this.trees[ino]!.find((e) => e.lblk <= lblk && lblk <= end(e)) ?? null;
  }

  apply(op: Op): OpResult {
    switch (op.op) {
      case 'insert':
        if (op.lblk + op.len > 0xffffffff) return { err: 'EINVAL' };
        if (op.len > 0)
          this.insert(op.ino, {
            lblk: op.lblk,
            len: op.len,
            status: op.status,
            pblk: op.pblk ?? 0,
          });
        return { ret: 0 };
      case 'remove':
        if (op.lblk + op.len > 0xffffffff) return { err: 'EINVAL' };
        if (op.len > 0) this.removeRange(op.ino, op.lblk, op.lblk + op.len - 1);
        return { ret: 0 };
      case 'lookup': {
        const e = this.find(op.ino, op.lblk);
        this.lruAdd(op.ino);
        return e ? { found: 1, es: tuple(e) } : { found: 0, es: null };
      }
      case 'find_delayed': {
        const e = this.trees[op.ino]!.find((x) => end(x) >= op.lblk && x.status.includes('D'));
        if (e) this.cache[op.ino] = e.lblk;
        this.lruAdd(op.ino);
        return { es: e ? [e.lblk, e.len] : null };
      }
      case 'shrink': {
        const count = () => this.lru.reduce((s, i) => s + this.lruNr(i), 0);
        if (op.nr === 0) return { ret: count(), shrunk: 0 };
        let nr = op.nr;
        let shrunk = 0;
        const scanned: number[] = [];
        for (const ino of [...this.lru]) {
          scanned.push(ino);
          if (this.lruNr(ino) === 0) continue;
          let got = 0;
          this.trees[ino] = this.trees[ino]!.filter((e) => {
            if (got === nr || e.status.includes('D')) return true;
            got++;
            return false;
          });
          this.cache[ino] = null;
          shrunk += got;
          nr -= got;
          if (nr === 0) break;
        }
        this.lru = [...this.lru.filter((i) => !scanned.includes(i)), ...scanned];
        return { ret: count(), shrunk };
      }
      case 'lru_del':
        this.lru = this.lru.filter((i) => i !== op.ino);
        return {};
      case 'add_inodes':
        return {};
    }
  }

  cacheLblk(ino: number): number | null {
    const b = this.cache[ino];
    return b === null || b === undefined ? null : (this.find(ino, b)?.lblk ?? null);
  }
}

function tuple(e: MExtent): ExtentTuple {
  return [e.lblk, e.len, e.status, mapped(e.status) ? e.pblk : null];
}

const prng = mulberry32;

const STATUSES = ['W', 'W', 'U', 'D', 'D', 'H', 'WD', 'UD'];

function randomOp(rnd: () => number, inodes: number, span: number): Op {
  const pick = (n: number) => Math.floor(rnd() * n);
  const ino = 1 + pick(inodes);
  const top = rnd() < 0.03; // near the top of the 32-bit space, including invalid ranges
  const lblk = top ? 0xffffffff - pick(64) : pick(span);
  const len = top ? pick(80) : rnd() < 0.02 ? 0 : 1 + pick(12);
  const r = rnd();
  if (r < 0.5) {
    const status = STATUSES[pick(STATUSES.length)]!;
    // physically contiguous most of the time so that merges happen
    const pblk = rnd() < 0.7 ? 1000 * ino + lblk : pick(1 << 30);
    return { op: 'insert', ino, lblk, len, pblk, status };
  }
  if (r < 0.65) return { op: 'remove', ino, lblk, len };
  if (r < 0.8) return { op: 'lookup', ino, lblk };
  if (r < 0.9) return { op: 'find_delayed', ino, lblk };
  if (r < 0.97) return { op: 'shrink', nr: [0, 1, 2, 5, 16][pick(5)]! };
  return { op: 'lru_del', ino };
}

describe('Superblock against a plain reference model', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`applyOp matches the model and keeps every invariant, seed ${seed}, 25,000 ops`, () => {
      const inodes = 4;
      const rnd = prng(seed);
      const sb = newSuperblock(inodes);
      const model = new Model(inodes);
      for (let k = 0; k < 25_000; k++) {
        const op = randomOp(rnd, inodes, seed % 2 ? 300 : 3000);
        const got = applyOp(sb, op);
        delete got.message;
        const want = model.apply(op);
        const where = `seed ${seed} op ${k}: ${JSON.stringify(op)}`;
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, where).toEqual(want);
        const problems = checkInvariants(sb);
        if (problems.length) expect(problems, where).toEqual([]);
        // results and invariants every op; the full state every op on the narrow span, every
        // 8th op on the wide one (dumping thousands of extents per op would dominate the run)
        if (seed % 2 === 0 && k % 8 !== 7) continue;
        const state = dumpState(sb);
        const modelState = {
          lru: model.lru,
          inodes: state.inodes.map((s) => ({
            ino: s.ino,
            lru_nr: model.lruNr(s.ino),
            cache: model.cacheLblk(s.ino),
            extents: model.trees[s.ino]!.map(tuple),
            shape: s.shape,
          })),
        };
        if (JSON.stringify(state) !== JSON.stringify(modelState))
          expect(state, where).toEqual(modelState);
      }
    });
  }
});
