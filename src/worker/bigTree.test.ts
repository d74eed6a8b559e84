import { describe, expect, it } from 'vitest';
import type { ExtentTuple } from '../core/dump.ts';
import { applyOp, newSuperblock, type Op } from '../core/ops.ts';
import { NIL } from '../core/rbtree.ts';
import { parseStatus } from '../core/status.ts';
import type { Superblock } from '../core/superblock.ts';
import { mulberry32 } from '../core/workloads.ts';
import {
  BIN_EXTENTS,
  CATEGORIES,
  TreeAug,
  TreeView,
  blockBins,
  findBlock,
  lod,
  mapDomain,
  nodeAtRank,
  rowsAt,
} from './bigTree.ts';
import { EngineHost } from './host.ts';
import { BIG_TREE, type Reply, type Snapshot } from './protocol.ts';
import { Timeline } from './timeline.ts';
import { poolSource, sourceExtents } from './treeSource.ts';

/** Inserts and removes on inodes 1 and 2: merges, splits and every status. */
function randomOps(n: number, seed: number, span = n * 8): Op[] {
  const rnd = mulberry32(seed);
  const statuses = ['W', 'U', 'D', 'H', 'WD', 'UD'];
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {
    const ino = rnd() < 0.85 ? 1 : 2;
    const lblk = Math.floor(rnd() * span);
    const len = 1 + Math.floor(rnd() * 6);
    if (rnd() < 0.75) {
      const status = statuses[Math.floor(rnd() * statuses.length)]!;
      ops.push({ op: 'insert', ino, lblk, len, pblk: lblk * 3 + 7, status });
    } else ops.push({ op: 'remove', ino, lblk, len });
  }
  return ops;
}

function built(n: number, seed: number): Superblock {
  const sb = newSuperblock(2);
  for (const op of randomOps(n, seed)) applyOp(sb, op);
  return sb;
}

/** Summaries by plain recursion, for every node of the tree. */
function expected(
  t: TreeView,
): Map<number, { size: number; height: number; blocks: number; cat: number[] }> {
  const out = new Map<number, { size: number; height: number; blocks: number; cat: number[] }>();
  const walk = (n: number): { size: number; height: number; blocks: number; cat: number[] } => {
    if (n === NIL) return { size: 0, height: 0, blocks: 0, cat: CATEGORIES.map(() => 0) };
    const a = walk(t.left(n));
    const b = walk(t.right(n));
    const name = ['W', 'U', 'D', 'H', 'WD', 'UD'].find((s) => parseStatus(s) === t.status(n));
    const mine = name ? CATEGORIES.indexOf(name as (typeof CATEGORIES)[number]) : 6;
    const r = {
      size: 1 + a.size + b.size,
      height: 1 + Math.max(a.height, b.height),
      blocks: t.len(n) + a.blocks + b.blocks,
      cat: a.cat.map((v, c) => v + b.cat[c]! + (c === mine ? 1 : 0)),
    };
    out.set(n, r);
    return r;
  };
  walk(t.root);
  return out;
}

function expectAugRight(aug: TreeAug, t: TreeView): void {
  for (const [n, e] of expected(t)) {
    const got = {
      size: aug.size[n],
      height: aug.height[n],
      blocks: aug.blocks[n],
      cat: aug.cat.map((a) => a[n]),
    };
    expect(got, `node ${n}`).toEqual(e);
  }
}

describe('TreeAug', () => {
  it('TreeAug.rebuild sums every subtree: size, height, blocks and extents per status', () => {
    const sb = built(800, 1);
    const t = new TreeView(sb.pool, sb.pool.root[1]!);
    const aug = new TreeAug();
    aug.rebuild(t);
    expectAugRight(aug, t);
    expect(aug.size[t.root]).toBe(sb.extCount[1]);
  });

  it('TreeAug.patch keeps the summaries right step by step, forward, backward and across ops', () => {
    const ops = randomOps(300, 2, 600);
    const tl = new Timeline({ inodes: 2 });
    tl.load({ inodes: 2 }, ops);
    const viewAt = (k: number, s: number): TreeView => {
      if (s === 0) {
        const sb = tl.stateAt(k);
        return new TreeView(sb.pool, sb.pool.root[1]!);
      }
      const m = tl.midOp(k, s, 1).inode;
      return new TreeView(m.pool, m.root, m.overlay);
    };
    // the nodes the steps between `from` and `to` name, and those dead at `to`
    const touched = (k: number, from: number, to: number) => {
      const set = new Set<number>();
      const dead = new Set<number>();
      const steps = tl.stepsOf(k).steps;
      for (let i = Math.min(from, to); i < Math.max(from, to) && i < steps.length; i++) {
        if (steps[i]!.ino !== 1) continue;
        for (const c of steps[i]!.changes) set.add(c.id);
        for (const f of steps[i]!.freed) set.add(f);
      }
      const seen = new Set<number>();
      steps.forEach((st, i) => {
        if (st.ino !== 1) return;
        if (i < to) {
          for (const f of st.freed) dead.add(f);
          if (st.kind === 'alloc') for (const n of st.nodes) dead.delete(n);
        } else {
          if (st.kind === 'alloc') for (const n of st.nodes) if (!seen.has(n)) dead.add(n);
          for (const n of [...st.nodes, ...st.freed]) seen.add(n);
        }
      });
      return { set, dead };
    };
    let patched = 0;
    let checked = 0;
    for (let k = 200; k < 300; k += 3) {
      const n = tl.stepsOf(k).steps.length;
      const aug = new TreeAug();
      aug.rebuild(viewAt(k, 0));
      // forward through the op, one step at a time, to the state after it
      for (let s = 1; s <= n; s++) {
        touched(k, s - 1, s); // record first: it may move the live engine
        const v = s === n ? viewAt(k + 1, 0) : viewAt(k, s);
        const tc = touched(k, s - 1, s);
        if (aug.patch(v, tc.set, tc.dead)) patched++;
        else aug.rebuild(v);
        expectAugRight(aug, v);
        checked++;
      }
      // and back in one jump
      const tc = touched(k, n, 0);
      const back = viewAt(k, 0);
      if (aug.patch(back, tc.set, tc.dead)) patched++;
      else aug.rebuild(back);
      expectAugRight(aug, back);
    }
    expect(checked).toBeGreaterThan(300);
    // patching is the rule, a rebuild the exception
    expect(patched).toBeGreaterThan(checked * 0.95);
  });
});

describe('big tree queries', () => {
  const sb = built(1500, 3);
  const t = new TreeView(sb.pool, sb.pool.root[1]!);
  const aug = new TreeAug();
  aug.rebuild(t);
  const ext: ExtentTuple[] = sourceExtents(poolSource(sb.pool, 1));
  const n = ext.length;

  it('lod of the whole tree accounts for every extent once, nodes at their in-order rank', () => {
    for (const perPx of [0.01, 1, 5, n / 100]) {
      const l = lod(t, aug, { x0: 0, x1: n, d0: 0, d1: 64, perPx });
      const drawn = l.nodes.length + l.summaries.reduce((a, s) => a + s.count, 0);
      expect(drawn).toBe(n);
      for (const node of l.nodes)
        expect([node.lblk, node.len, node.status, node.pblk]).toEqual(ext[node.rank]);
      for (const s of l.summaries) {
        expect(s.count).toBeLessThan(22 * perPx);
        expect(s.mix.reduce((a, b) => a + b, 0)).toBe(s.count);
        expect(s.rank).toBeGreaterThanOrEqual(s.lo);
        expect(s.rank).toBeLessThan(s.lo + s.count);
      }
    }
    // close up, everything is a node
    expect(lod(t, aug, { x0: 0, x1: n, d0: 0, d1: 64, perPx: 0.01 }).summaries).toEqual([]);
  });

  it('lod draws only what crosses the view', () => {
    const l = lod(t, aug, { x0: 500, x1: 540, d0: 0, d1: 64, perPx: 0.05 });
    expect(l.nodes.length).toBeGreaterThan(30);
    expect(l.nodes.length).toBeLessThan(200);
    for (const node of l.nodes) expect(node.rank >= 500 - 0 || node.depth < 30).toBe(true);
    const ranks = new Set(l.nodes.map((x) => x.rank));
    for (let r = 500; r <= 540; r++) expect(ranks.has(r)).toBe(true);
  });

  it('nodeAtRank and rowsAt walk in logical order', () => {
    expect(rowsAt(t, aug, 0, n)).toEqual(ext);
    expect(rowsAt(t, aug, n - 5, 100)).toEqual(ext.slice(n - 5));
    expect(nodeAtRank(t, aug, n)).toBeNull();
    const mid = nodeAtRank(t, aug, 700)!;
    expect(t.tuple(mid.id)).toEqual(ext[700]);
  });

  it('findBlock finds the covering extent or the count before a gap', () => {
    const last = ext.at(-1)!;
    for (let b = 0; b < last[0] + last[1] + 3; b += 5) {
      const k = ext.findIndex(([l, len]) => l <= b && b < l + len);
      const f = findBlock(t, aug, b);
      expect(f.rank).toBe(k);
      expect(f.before).toBe(ext.filter(([l]) => l <= b).length);
      if (k >= 0) expect(t.tuple(f.id)).toEqual(ext[k]);
    }
  });

  it('blockBins covers exactly the blocks in each bin and counts extents starting there', () => {
    const b0 = 100;
    const b1 = 5000;
    const bins = blockBins(t, aug, b0, b1, 37);
    for (let i = 0; i < 37; i++) {
      const c0 = Math.ceil(b0 + ((b1 - b0) * i) / 37);
      const c1 = Math.ceil(b0 + ((b1 - b0) * (i + 1)) / 37);
      let covered = 0;
      let starting = 0;
      for (const [l, len] of ext) {
        covered += Math.max(0, Math.min(l + len, c1) - Math.max(l, c0));
        if (l >= c0 && l < c1) starting++;
      }
      expect(bins.covered[i]).toBe(covered);
      const mix = bins.mix[i]!.reduce((a, b) => a + b, 0);
      expect(mix).toBe(starting || (covered > 0 ? 1 : 0));
    }
    // a range of few extents brings them along, whole, from the one covering its start
    expect(blockBins(t, aug, 100, 400, 10).extents).toEqual(
      ext.filter(([l, len]) => l + len > 100 && l < 400),
    );
    const end = ext.at(-1)![0] + ext.at(-1)![1];
    expect(ext.length).toBeGreaterThan(BIN_EXTENTS);
    expect(blockBins(t, aug, 0, end, 50).extents).toBeNull();
  });
});

describe('EngineHost big trees', () => {
  const snap = (r: Reply): Snapshot => {
    if (r.type !== 'snapshot') throw new Error(JSON.stringify(r));
    return r.snapshot;
  };
  // inserts two blocks apart with alternating status never merge: one extent each
  const many: Op[] = Array.from({ length: BIG_TREE + 60 }, (_, i) => ({
    op: 'insert',
    ino: 1,
    lblk: ((i * 7919) % (BIG_TREE + 60)) * 2,
    len: 1,
    pblk: 1000 + i,
    status: i % 2 ? 'W' : 'U',
  }));

  it('sends a big tree as a window: no per-node lists, stats from the summaries', () => {
    const h = new EngineHost();
    const s = snap(
      h.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 1 }, ops: many, ino: 1 }),
    );
    expect(s.detail.count).toBe(many.length);
    expect(s.detail.nodes).toEqual([]);
    expect(s.detail.extents).toEqual([]);
    const big = s.detail.big!;
    expect(big.rows.from).toBe(0);
    expect(big.rows.extents[0]).toEqual([0, 1, 'U', 1000]);
    expect(s.stats.tree.extents).toBe(many.length);
    expect(s.stats.tree.byStatus).toEqual({ W: many.length / 2, U: many.length / 2 });
    expect(big.overview.nodes.length + big.overview.summaries.length).toBeGreaterThan(10);
    expect(big.cache).not.toBeNull();
  });

  it('answers a window and "Go to block" without changing the state', () => {
    const h = new EngineHost();
    h.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 1 }, ops: many, ino: 1 });
    const w = h.handleNow({
      v: 2,
      id: 2,
      type: 'window',
      ino: 1,
      window: {
        tree: { x0: 100, x1: 120, d0: 0, d1: 40, perPx: 0.02 },
        rows: { from: 2000, count: 50 },
        bins: { b0: 0, b1: 100, n: 10 },
      },
    });
    if (w.type !== 'window') throw new Error(JSON.stringify(w));
    expect(w.big!.rows.extents[0]![0]).toBe(4000);
    expect(w.big!.lod.nodes.some((n) => n.rank === 110)).toBe(true);
    expect(w.big!.bins.covered.reduce((a, b) => a + b, 0)).toBe(50);
    const f = h.handleNow({ v: 2, id: 3, type: 'find', ino: 1, lblk: 4001 });
    if (f.type !== 'found') throw new Error(JSON.stringify(f));
    expect(f.found.extent).toBeNull();
    expect(f.found.near).toEqual([4002, 1, 'W', expect.any(Number)]);
    const g = h.handleNow({ v: 2, id: 4, type: 'find', ino: 1, lblk: 4002 });
    if (g.type !== 'found') throw new Error(JSON.stringify(g));
    expect(g.found.extent?.[0]).toBe(4002);
    expect(g.found.rank).toBe(2001);
    expect(h.session().ops.length).toBe(many.length);
  });

  it('answers a block-map view given as a share of the fitted range for the range after an op', () => {
    const h = new EngineHost();
    h.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 1 }, ops: many, ino: 1 });
    const window = {
      tree: null,
      rows: { from: 0, count: 100 },
      bins: { u0: 0.25, u1: 0.75, n: 10 },
    };
    const w = h.handleNow({ v: 2, id: 2, type: 'window', ino: 1, window });
    if (w.type !== 'window') throw new Error(JSON.stringify(w));
    const share = (first: number, end: number) => {
      const [d0, d1] = mapDomain(first, end);
      return [Math.floor(d0 + 0.25 * (d1 - d0)), Math.ceil(d0 + 0.75 * (d1 - d0))];
    };
    expect([w.big!.bins.b0, w.big!.bins.b1]).toEqual(share(w.big!.first, w.big!.end));
    // a write far past the end: the op's own answer covers the same share of the longer range
    const at = w.big!.end * 3;
    const s = snap(
      h.handleNow({
        v: 2,
        id: 3,
        type: 'apply',
        ops: [{ op: 'insert', ino: 1, lblk: at, len: 1, pblk: 5, status: 'W' }],
        ino: 1,
      }),
    );
    const big = s.detail.big!;
    expect(big.end).toBe(at + 1);
    expect([big.bins.b0, big.bins.b1]).toEqual(share(big.first, big.end));
    expect(big.bins.b1).toBeGreaterThan(w.big!.bins.b1);
  });

  it('steps through an op on a big tree with summaries kept right by patching', () => {
    const h = new EngineHost();
    h.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 1 }, ops: many, ino: 1 });
    h.handleNow({
      v: 2,
      id: 2,
      type: 'apply',
      ops: [{ op: 'remove', ino: 1, lblk: 100, len: 41 }],
      ino: 1,
    });
    const k = many.length;
    const first = snap(
      h.handleNow({ v: 2, id: 3, type: 'seek', cursor: { op: k, step: 1 }, ino: 1 }),
    );
    const n = first.focus!.steps.length;
    for (let i = 1; i <= n; i++) {
      const s = snap(
        h.handleNow({ v: 2, id: 4, type: 'seek', cursor: { op: k, step: i }, ino: 1 }),
      );
      // the whole-tree view accounts for every extent: the summaries are right
      const big = s.detail.big!;
      const l = big.overview;
      expect(l.nodes.length + l.summaries.reduce((a, x) => a + x.count, 0)).toBe(s.detail.count);
      for (const id of s.highlight.changed) expect(typeof id).toBe('number');
    }
    const end = snap(h.handleNow({ v: 2, id: 5, type: 'move', move: 'end', ino: 1 }));
    // blocks 100 to 140 held 21 extents (even blocks)
    expect(end.detail.count).toBe(many.length - 21);
    // and the patched summaries draw what a fresh load draws
    const fresh = new EngineHost();
    const again = snap(
      fresh.handleNow({
        v: 2,
        id: 6,
        type: 'load',
        base: { inodes: 1 },
        ops: [...many, { op: 'remove', ino: 1, lblk: 100, len: 41 }],
        ino: 1,
      }),
    );
    expect(end.detail.big!.overview).toEqual(again.detail.big!.overview);
    expect(end.detail.big!.bins).toEqual(again.detail.big!.bins);
    expect(h.patched).toBeGreaterThan(0);
  });
});
