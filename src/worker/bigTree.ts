/**
 * Big trees, answered by window. A tree of a million nodes never travels to the page whole: the
 * worker keeps, per node, its subtree's size, height, extent count per status and block count
 * (`TreeAug`, indexed by engine node id like the pool), and answers what the page looks at:
 * the nodes and collapsed subtrees of the tree view (`lod`), a page of table rows (`rowsAt`), the
 * block map's bins (`blockBins`) and "Go to block" (`findBlock`), each in O(what is shown × depth).
 *
 * The drawing's geometry is the in-order layout: a node's x is its in-order rank (its place in
 * logical order), its y its depth. A subtree then covers a contiguous range of x, so a collapsed
 * subtree is drawn exactly where its nodes would be, and zooming in only adds detail.
 *
 * After a step or an op only the nodes the step records name (and their ancestors) can have
 * changed their summaries, so `TreeAug.patch` brings the summaries up to date in
 * O(changed × depth); anything else (a load, a far seek, another inode) rebuilds them in O(n).
 */
import type { ExtentTuple } from '../core/dump.ts';
import { NIL, RED, type RbPool } from '../core/rbtree.ts';
import type { NodeRec } from '../core/snapshot.ts';
import { hasPblk, parseStatus, statusName } from '../core/status.ts';

/** Status categories counted per subtree, in the legend's order. */
export const CATEGORIES = ['W', 'U', 'D', 'H', 'WD', 'UD', 'other'] as const;
const CAT_OF = new Uint8Array(16).fill(6);
CATEGORIES.slice(0, 6).forEach((name, i) => (CAT_OF[parseStatus(name)] = i));
const NCAT = CATEGORIES.length;

/**
 * One inode's tree as the state holds it: the pool, optionally overlaid with node records (a
 * tree in the middle of an op, over the pool of the state before it).
 */
export class TreeView {
  private readonly ov: ReadonlyMap<number, NodeRec> | null;
  constructor(
    readonly pool: RbPool,
    readonly root: number,
    overlay: ReadonlyMap<number, NodeRec> | null = null,
  ) {
    this.ov = overlay && overlay.size > 0 ? overlay : null;
  }
  left(n: number): number {
    const r = this.ov?.get(n);
    return r ? r.left : this.pool.left[n]!;
  }
  right(n: number): number {
    const r = this.ov?.get(n);
    return r ? r.right : this.pool.right[n]!;
  }
  parent(n: number): number {
    const r = this.ov?.get(n);
    return r ? r.parent : this.pool.parent[n]!;
  }
  lblk(n: number): number {
    const r = this.ov?.get(n);
    return r ? r.lblk : this.pool.lblk[n]!;
  }
  len(n: number): number {
    const r = this.ov?.get(n);
    return r ? r.len : this.pool.len[n]!;
  }
  /** Status bits. */
  status(n: number): number {
    const r = this.ov?.get(n);
    if (!r) return this.pool.status[n]!;
    return r.status === '' ? 0 : parseStatus(r.status);
  }
  pblk(n: number): number | null {
    const r = this.ov?.get(n);
    if (r) return r.pblk;
    return hasPblk(this.pool.status[n]!) ? this.pool.pblk[n]! : null;
  }
  red(n: number): boolean {
    const r = this.ov?.get(n);
    return r ? r.color === 'r' : this.pool.color[n] === RED;
  }
  tuple(n: number): ExtentTuple {
    return [this.lblk(n), this.len(n), statusName(this.status(n)), this.pblk(n)];
  }
  /** True when `n` hangs from the root through consistent parent and child links. O(depth). */
  linked(n: number): boolean {
    let v = n;
    for (let guard = 0; guard < 200; guard++) {
      if (v === NIL) return false;
      const p = this.parent(v);
      if (p === NIL) return v === this.root;
      if (this.left(p) !== v && this.right(p) !== v) return false;
      v = p;
    }
    return false;
  }
}

/** Per-node summaries of the subtree below it, indexed by engine node id (0, NIL, stays 0). */
export class TreeAug {
  size = new Int32Array(0);
  height = new Uint8Array(0);
  blocks = new Float64Array(0);
  /** cat[c][n]: extents of status category c in the subtree at n. */
  cat: Int32Array[] = [];

  /**
   * Room for node ids below `need` (the pool's high-water mark, not its array length: the copy of
   * the state before an op may have longer arrays than the live pool), growing at least twofold
   * and leaving room past `need`: summaries sized exactly to a tree just built would grow (a
   * copy of tens of MB) at the first op that allocates a node.
   */
  private ensure(need: number): void {
    if (this.size.length >= need) return;
    const capacity = Math.max(need + (need >> 3) + 64, this.size.length * 2);
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (n: number) => T,
    ) => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.size = grow(this.size, (n) => new Int32Array(n));
    this.height = grow(this.height, (n) => new Uint8Array(n));
    this.blocks = grow(this.blocks, (n) => new Float64Array(n));
    const cat: Int32Array[] = [];
    for (let c = 0; c < NCAT; c++)
      cat.push(grow(this.cat[c] ?? new Int32Array(0), (n) => new Int32Array(n)));
    this.cat = cat;
  }

  /** Recomputes node `n` from its children's summaries. */
  private update(t: TreeView, n: number): void {
    // a node allocated mid-op lives in the overlay, past the pool's high-water mark
    if (n >= this.size.length) this.ensure(n + 1);
    const l = t.left(n);
    const r = t.right(n);
    this.size[n] = 1 + this.size[l]! + this.size[r]!;
    this.height[n] = 1 + Math.max(this.height[l]!, this.height[r]!);
    this.blocks[n] = t.len(n) + this.blocks[l]! + this.blocks[r]!;
    const mine = CAT_OF[t.status(n) & 15]!;
    for (let c = 0; c < NCAT; c++) {
      const a = this.cat[c]!;
      a[n] = (c === mine ? 1 : 0) + a[l]! + a[r]!;
    }
  }

  /** Summaries of every node of `t`. O(n). */
  rebuild(t: TreeView): void {
    this.ensure(t.pool.highWater);
    if (t.root === NIL) return;
    // preorder into a list, then children before parents by walking it backwards
    const order: number[] = [];
    const stack = [t.root];
    while (stack.length) {
      const n = stack.pop()!;
      order.push(n);
      const l = t.left(n);
      const r = t.right(n);
      if (l !== NIL) stack.push(l);
      if (r !== NIL) stack.push(r);
    }
    for (let i = order.length - 1; i >= 0; i--) this.update(t, order[i]!);
  }

  /**
   * Brings the summaries from a state where they were right to the state `t`, given every node
   * whose links or payload differ between the two (`touched`, freed nodes included) and the ones
   * of them that `t` does not hold (`dead`). Nodes not touched and with no touched node below
   * them have the same subtree in both states, so only the touched nodes and their ancestors are
   * recomputed, deepest first. O(touched × depth). Ancestors are found by searching down from
   * the root by lblk (a tree in the middle of a rotation may have stale parent links); when a
   * touched node cannot be found that way, nothing is changed and false is returned: rebuild.
   */
  patch(t: TreeView, touched: Iterable<number>, dead: ReadonlySet<number>): boolean {
    this.ensure(t.pool.highWater);
    const depthOf = new Map<number, number>();
    for (const n of touched) {
      if (n === NIL || dead.has(n) || depthOf.has(n)) continue;
      const key = t.lblk(n);
      let v = t.root;
      let d = 0;
      const path: number[] = [];
      while (v !== NIL && v !== n) {
        path.push(v);
        v = key < t.lblk(v) ? t.left(v) : t.right(v);
      }
      if (v !== n) return false;
      path.push(n);
      for (const u of path) depthOf.set(u, d++);
    }
    const nodes = [...depthOf.keys()].sort((a, b) => depthOf.get(b)! - depthOf.get(a)!);
    for (const n of nodes) this.update(t, n);
    return true;
  }
}

/** What the page looks at in the tree view, in layout units (x: in-order rank, y: depth). */
export interface LodView {
  /** Visible x range. */
  x0: number;
  x1: number;
  /** Visible depth range. */
  d0: number;
  d1: number;
  /** Ranks per screen pixel: a subtree narrower than EXPAND_PX pixels is drawn collapsed. */
  perPx: number;
}

export interface LodNode {
  id: number;
  rank: number;
  depth: number;
  lblk: number;
  len: number;
  status: string;
  pblk: number | null;
  red: boolean;
  side: 'root' | 'left' | 'right';
  /** Rank of the parent (-1 for the root). */
  prank: number;
}

export interface LodSummary {
  /** The subtree's root. */
  id: number;
  rank: number;
  depth: number;
  /** Ranks covered: [lo, lo + count). */
  lo: number;
  count: number;
  height: number;
  /** Extents per status category (CATEGORIES). */
  mix: number[];
  prank: number;
  side: 'root' | 'left' | 'right';
}

export interface Lod {
  nodes: LodNode[];
  summaries: LodSummary[];
  /** True when the item cap cut the drawing short. */
  capped: boolean;
}

/** A subtree narrower than this on screen is drawn as one summary. */
export const EXPAND_PX = 22;
const MAX_ITEMS = 6000;

/** The nodes and collapsed subtrees to draw for `view`. O(items × 1). */
export function lod(t: TreeView, aug: TreeAug, view: LodView): Lod {
  const nodes: LodNode[] = [];
  const summaries: LodSummary[] = [];
  const out: Lod = { nodes, summaries, capped: false };
  if (t.root === NIL) return out;
  const minSpan = EXPAND_PX * view.perPx;
  // stack entries: node, depth, first rank of its subtree, parent rank, side
  const stack: [number, number, number, number, LodNode['side']][] = [[t.root, 0, 0, -1, 'root']];
  while (stack.length) {
    const [n, d, lo, prank, side] = stack.pop()!;
    const size = aug.size[n]!;
    const h = aug.height[n]!;
    // off screen: the subtree's box [lo, lo + size) × [d, d + h) misses the view
    if (lo + size < view.x0 || lo > view.x1 || d > view.d1 || d + h - 1 < view.d0) continue;
    const l = t.left(n);
    const rank = lo + aug.size[l]!;
    if (nodes.length + summaries.length >= MAX_ITEMS) {
      out.capped = true;
      break;
    }
    if (size > 1 && size < minSpan) {
      const mix: number[] = [];
      for (let c = 0; c < NCAT; c++) mix.push(aug.cat[c]![n]!);
      summaries.push({ id: n, rank, depth: d, lo, count: size, height: h, mix, prank, side });
      continue;
    }
    nodes.push({
      id: n,
      rank,
      depth: d,
      lblk: t.lblk(n),
      len: t.len(n),
      status: statusName(t.status(n)),
      pblk: t.pblk(n),
      red: t.red(n),
      side,
      prank,
    });
    const r = t.right(n);
    if (r !== NIL) stack.push([r, d + 1, rank + 1, rank, 'right']);
    if (l !== NIL) stack.push([l, d + 1, lo, rank, 'left']);
  }
  return out;
}

/** The node of in-order rank `rank` and its depth, or null. O(depth). */
export function nodeAtRank(
  t: TreeView,
  aug: TreeAug,
  rank: number,
): { id: number; depth: number } | null {
  let n = t.root;
  let lo = 0;
  let d = 0;
  while (n !== NIL) {
    const l = t.left(n);
    const mine = lo + aug.size[l]!;
    if (rank === mine) return { id: n, depth: d };
    if (rank < mine) n = l;
    else {
      lo = mine + 1;
      n = t.right(n);
    }
    d++;
  }
  return null;
}

/** The in-order successor of `n`, by parent links. O(depth) worst, O(1) amortised. */
function next(t: TreeView, n: number): number {
  let r = t.right(n);
  if (r !== NIL) {
    while (t.left(r) !== NIL) r = t.left(r);
    return r;
  }
  let v = n;
  let p = t.parent(v);
  while (p !== NIL && t.right(p) === v) {
    v = p;
    p = t.parent(v);
  }
  return p;
}

/** `count` extents in logical order from rank `from`. O(depth + count). */
export function rowsAt(t: TreeView, aug: TreeAug, from: number, count: number): ExtentTuple[] {
  const rows: ExtentTuple[] = [];
  const first = nodeAtRank(t, aug, from);
  for (let n = first?.id ?? NIL; n !== NIL && rows.length < count; n = next(t, n))
    rows.push(t.tuple(n));
  return rows;
}

/**
 * Where logical block `b` falls: `rank` of the extent covering it (or -1), the number of extents
 * that start at or before it (`before`), and the found node and its depth. O(depth).
 */
export function findBlock(
  t: TreeView,
  aug: TreeAug,
  b: number,
): { rank: number; before: number; id: number; depth: number } {
  let n = t.root;
  let lo = 0;
  let d = 0;
  let best = { rank: -1, id: NIL, depth: 0 }; // last extent starting at or before b
  while (n !== NIL) {
    const l = t.left(n);
    const mine = lo + aug.size[l]!;
    if (t.lblk(n) <= b) {
      best = { rank: mine, id: n, depth: d };
      lo = mine + 1;
      n = t.right(n);
    } else n = l;
    d++;
  }
  const before = best.rank + 1;
  if (best.id !== NIL && b - t.lblk(best.id) < t.len(best.id)) return { ...best, before };
  return { rank: -1, before, id: best.id, depth: best.depth };
}

/** Summed summaries of the extents of rank below `rank`. O(depth). */
function prefix(t: TreeView, aug: TreeAug, rank: number): { blocks: number; cat: number[] } {
  const cat = new Array<number>(NCAT).fill(0);
  let blocks = 0;
  let n = t.root;
  let lo = 0;
  while (n !== NIL && rank > lo) {
    const l = t.left(n);
    const mine = lo + aug.size[l]!;
    if (rank <= mine) {
      n = l;
      continue;
    }
    // the left subtree and n itself are below rank
    blocks += aug.blocks[l]! + t.len(n);
    for (let c = 0; c < NCAT; c++) cat[c]! += aug.cat[c]![l]!;
    cat[CAT_OF[t.status(n) & 15]!]!++;
    lo = mine + 1;
    n = t.right(n);
  }
  return { blocks, cat };
}

export interface Bins {
  b0: number;
  b1: number;
  /** Blocks in the tree within each bin. */
  covered: number[];
  /** Extents starting in each bin per status category (a bin inside one extent counts it). */
  mix: number[][];
  /** The extents themselves, when the range holds few enough to draw one by one. */
  extents: ExtentTuple[] | null;
}

/**
 * The block range a big tree's block map fits: from the first extent to the end of the last, 2%
 * wider on each side (and at least 16 blocks). The page's scale and the worker's answer to a view
 * given as a share of it (BigWindow.bins u0, u1) both start from here.
 */
export function mapDomain(first: number, end: number): [number, number] {
  const span = Math.max(16, end - first);
  return [Math.max(0, first - span * 0.02), end + span * 0.02];
}

/** At most this many extents in a block range come as extents instead of only bins. */
export const BIN_EXTENTS = 600;

/**
 * The block range [b0, b1) cut into `n` bins: blocks covered and the status mix of each, from
 * prefix sums down the tree. O(n × depth).
 */
export function blockBins(t: TreeView, aug: TreeAug, b0: number, b1: number, n: number): Bins {
  const covered: number[] = [];
  const mix: number[][] = [];
  // cumulative blocks covered below block c, and categories of extents starting below c
  const at = (c: number) => {
    const f = findBlock(t, aug, c - 1);
    const p = prefix(t, aug, f.before);
    let blocks = p.blocks;
    // the last extent starting below c may run past it
    if (f.id !== NIL) {
      const over = t.lblk(f.id) + t.len(f.id) - c;
      if (over > 0) blocks -= over;
    }
    return { blocks, cat: p.cat, id: f.id };
  };
  let prev = at(b0);
  for (let i = 1; i <= n; i++) {
    const c = b0 + ((b1 - b0) * i) / n;
    const cur = at(Math.ceil(c));
    covered.push(Math.max(0, cur.blocks - prev.blocks));
    const m: number[] = cur.cat.map((v, j) => v - prev.cat[j]!);
    // a bin that lies inside one long extent counts that extent
    const none = !m.some((v) => v !== 0);
    if (none && cur.blocks > prev.blocks && prev.id !== NIL) m[CAT_OF[t.status(prev.id) & 15]!] = 1;
    mix.push(m);
    prev = cur;
  }
  // few extents in range: send them too (from the one covering b0, if any)
  const f0 = findBlock(t, aug, b0);
  const first = f0.rank >= 0 ? f0.rank : f0.before;
  const last = findBlock(t, aug, b1 - 1).before;
  const extents = last - first <= BIN_EXTENTS ? rowsAt(t, aug, first, last - first) : null;
  return { b0, b1, covered, mix, extents };
}

/** Extents per status name, for the statistics panel. O(1). */
export function statusCounts(aug: TreeAug, root: number): Record<string, number> {
  const out: Record<string, number> = {};
  CATEGORIES.forEach((name, c) => {
    const v = aug.cat[c]?.[root] ?? 0;
    if (v) out[name] = v;
  });
  return out;
}
