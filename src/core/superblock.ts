/**
 * The extent status trees of a superblock's inodes, its LRU list of inodes and its shrinker:
 * fs/ext4/extents_status.c as it stood in the Linux 3.9 merge window, step for step.
 *
 * Inodes are numbered 1..N; inode `i` owns tree `i` of the node pool. Results of the kernel
 * entry points land in the `r*` fields (no allocation on the hot path); `src/core/ops.ts` turns
 * them into result objects.
 */
import type { EsErrorCode } from './errors.ts';
import {
  BLACK,
  NIL,
  RbPool,
  columnsBytes,
  composeColumns,
  composePoolDeltas,
  copyColumn,
  diffColumns,
  patchColumns,
  resized,
  type Column,
  type ColumnsDelta,
  type PoolDelta,
  type RbTracer,
} from './rbtree.ts';
import { ST_DELAYED, ST_UNWRITTEN, ST_WRITTEN } from './status.ts';

/** EXT_MAX_BLOCKS: a range is valid when lblk + len <= this, so its last block is <= 0xfffffffe. */
export const EXT_MAX_BLOCKS = 0xffffffff;
/** Physical blocks are 48-bit in ext4; the engine keeps them exactly below 2^48. */
export const PBLK_LIMIT = 2 ** 48;
/** Inodes a superblock may hold (a bound for input checks, not a kernel limit). */
export const MAX_INODES = 1 << 20;
/** `nr_to_scan` is an int in the kernel. */
export const MAX_NR_TO_SCAN = 0x7fffffff;

const MAPPED = ST_WRITTEN | ST_UNWRITTEN;

/** The extent-level steps the engine reports to a tracer. */
export type EsStepKind =
  | 'search_visit' // __es_tree_search looks at `node`; arg: -1 left, 1 right, 0 it holds lblk
  | 'search_next' // __es_tree_search ends past `node` and returns its successor
  | 'insert_visit' // __es_insert_extent looks at `node`; arg: -1 left, 1 right
  | 'lookup_visit' // ext4_es_lookup_extent's loop looks at `node`; arg as search_visit
  | 'cache_hit' // cache_es holds lblk
  | 'cache_miss' // cache_es is empty or does not hold lblk (`node` is cache_es or NIL)
  | 'walk' // ext4_es_find_delayed_extent steps to the next extent `node`
  | 'found' // the op's answer is `node`
  | 'not_found' // the op found nothing
  | 'merge_into' // `node` absorbed newes; arg 0: newes was before it, 1: after it
  | 'merge_left' // `node` (the predecessor) absorbed `arg`, which will be erased
  | 'merge_right' // `node` absorbed its successor `arg`, which will be erased
  | 'alloc' // a new node `node` (counted in lru_nr unless delayed)
  | 'link' // `node` linked under `arg` (NIL: as root), red
  | 'free' // `node` freed (uncounted from lru_nr unless delayed)
  | 'cache_set' // cache_es = `node`
  | 'cache_clear' // cache_es = NULL
  | 'trim_end' // `node` keeps only its first `arg` blocks
  | 'split' // `node` keeps its first blocks; the rest from block `arg` is re-inserted
  | 'trim_start' // `node` now starts at block `arg`
  | 'erase' // `node` lies inside the range and will be erased
  | 'lru_add' // the inode moved to the LRU tail
  | 'lru_del' // the inode left the LRU list
  | 'scan' // the shrinker moved the inode to its scanned list; arg: its lru_nr
  | 'skip' // the inode has lru_nr 0: nothing to reclaim
  | 'reclaim' // the shrinker reclaims `node`
  | 'stop' // nr_to_scan is used up
  | 'splice' // the scanned inodes (arg of them) go to the LRU tail
  | 'count' // the reclaimable count, arg
  | 'noop'; // len 0: the kernel returns at once

/**
 * Receives an op's steps, for micro-step recording (src/core/steps.ts). Each call comes after the
 * change it names, with the nodes whose fields changed since the previous call in `touched`.
 * Null on the fast path.
 */
export interface EsTracer extends RbTracer {
  es(kind: EsStepKind, ino: number, node: number, arg: number, touched: number[] | null): void;
}

export class Superblock {
  readonly pool: RbPool;
  /** Number of inodes; valid inode numbers are 1..inodeCount. */
  inodeCount: number;
  /** Per inode (index = ino): `i_es_tree.cache_es` (a node or NIL) and `i_es_lru_nr`. */
  cacheEs: Int32Array;
  lruNr: Uint32Array;
  /** Per inode: how many extents its tree holds (kept as nodes come and go; not a kernel field). */
  extCount: Uint32Array;
  /** `s_es_lru`: a circular doubly linked list through slot 0 (the head). Off-list: prev = -1. */
  lruPrev: Int32Array;
  lruNext: Int32Array;
  private tracerRef: EsTracer | null = null;

  /** Lookups since the start and how many of them cache_es answered (for statistics). */
  lookups = 0;
  cacheHits = 0;

  /** Results of the last entry point. */
  rFound = 0;
  rLblk = 0;
  rLen = 0;
  rStatus = 0;
  rPblk = 0;
  rRet = 0;
  rShrunk = 0;

  /** The extent being inserted (`newes` in the kernel), kept in fields to avoid allocation. */
  nLblk = 0;
  nLen = 0;
  nPblk = 0;
  nStatus = 0;

  /** The tracer that records steps; null on the fast path. */
  get tracer(): EsTracer | null {
    return this.tracerRef;
  }
  set tracer(t: EsTracer | null) {
    this.tracerRef = t;
    this.pool.tracer = t;
  }

  constructor(inodes: number) {
    this.inodeCount = 0;
    this.pool = new RbPool(inodes + 1);
    this.cacheEs = new Int32Array(inodes + 1);
    this.lruNr = new Uint32Array(inodes + 1);
    this.extCount = new Uint32Array(inodes + 1);
    this.lruPrev = new Int32Array(inodes + 1).fill(-1);
    this.lruNext = new Int32Array(inodes + 1).fill(-1);
    this.lruPrev[0] = 0;
    this.lruNext[0] = 0;
    this.inodeCount = inodes;
  }

  /**
   * An independent copy of the whole state (trees, caches, counters, LRU), with room for `room`
   * more nodes than are in use (see RbPool.clone). O(nodes + inodes).
   */
  clone(room = 0): Superblock {
    const c = Object.create(Superblock.prototype) as Superblock;
    Object.assign(c, this);
    (c as { pool: RbPool }).pool = this.pool.clone(room);
    c.tracerRef = null;
    c.cacheEs = this.cacheEs.slice();
    c.lruNr = this.lruNr.slice();
    c.extCount = this.extCount.slice();
    c.lruPrev = this.lruPrev.slice();
    c.lruNext = this.lruNext.slice();
    return c;
  }

  /**
   * Makes this superblock an exact copy of `src` (trees, caches, counters, LRU, last results),
   * reusing its own arrays where they fit, so that restoring a checkpoint allocates nothing.
   * O(nodes + inodes). The tracer is kept.
   */
  copyFrom(src: Superblock): void {
    this.pool.copyFrom(src.pool);
    this.cacheEs = copyColumn(this.cacheEs, src.cacheEs);
    this.lruNr = copyColumn(this.lruNr, src.lruNr);
    this.extCount = copyColumn(this.extCount, src.extCount);
    this.lruPrev = copyColumn(this.lruPrev, src.lruPrev);
    this.lruNext = copyColumn(this.lruNext, src.lruNext);
    for (const k of SCALARS) this[k] = src[k];
  }

  /**
   * What changed from `prev`, an earlier state of this superblock, to this one: the nodes and
   * inodes whose fields differ, with their new values, and every counter. O(nodes + inodes).
   */
  diff(prev: Superblock): SbDelta {
    return {
      pool: this.pool.diff(prev.pool),
      inodes: diffColumns(
        this.inodeColumns(),
        this.cacheEs.length,
        prev.inodeColumns(),
        prev.cacheEs.length,
      ),
      scalars: Float64Array.from(SCALARS, (k) => this[k]),
    };
  }

  /**
   * Turns the state `d` was taken from (which this superblock must hold) into the state it was
   * taken to. O(changes), bar growing the arrays.
   */
  patch(d: SbDelta): void {
    this.pool.patch(d.pool);
    const rows = d.inodes.rows;
    if (this.cacheEs.length !== rows) {
      // the new rows are all in the delta, so the fill does not matter
      this.cacheEs = resized(this.cacheEs, rows);
      this.lruNr = resized(this.lruNr, rows);
      this.extCount = resized(this.extCount, rows);
      this.lruPrev = resized(this.lruPrev, rows);
      this.lruNext = resized(this.lruNext, rows);
    }
    patchColumns(this.inodeColumns(), d.inodes);
    SCALARS.forEach((k, i) => (this[k] = d.scalars[i]!));
  }

  /** The per-inode arrays, in a fixed order (the order of a delta's columns). */
  private inodeColumns(): Column[] {
    return [this.cacheEs, this.lruNr, this.extCount, this.lruPrev, this.lruNext];
  }

  /** Adds inodes up to `n` (never removes any): each new inode has an empty tree, off the LRU. */
  setInodeCount(n: number): void {
    if (n <= this.inodeCount) return;
    this.pool.setTreeCount(n + 1);
    if (n + 1 > this.cacheEs.length) {
      const cap = Math.max(n + 1, this.cacheEs.length * 2);
      const grow32 = (a: Int32Array, fill: number) => {
        const b = new Int32Array(cap).fill(fill);
        b.set(a);
        return b;
      };
      this.cacheEs = grow32(this.cacheEs, 0);
      this.lruPrev = grow32(this.lruPrev, -1);
      this.lruNext = grow32(this.lruNext, -1);
      const nr = new Uint32Array(cap);
      nr.set(this.lruNr);
      this.lruNr = nr;
      const ec = new Uint32Array(cap);
      ec.set(this.extCount);
      this.extCount = ec;
    }
    this.inodeCount = n;
  }

  // ---------------------------------------------------------------------------------------------
  // Checked entry points: validate like the kernel's callers must, then run the kernel code.
  // Each returns null or an error code; on an error nothing changes.

  /** Checks an inode number. */
  checkIno(ino: number): EsErrorCode | null {
    if (!Number.isInteger(ino)) return 'EBADARG';
    if (ino < 1 || ino > this.inodeCount) return 'ENOINODE';
    return null;
  }

  /** Checks a range: integers in u32, then the EXT_MAX_BLOCKS bound (EINVAL). */
  static checkRange(lblk: number, len: number): EsErrorCode | null {
    if (!isU32(lblk) || !isU32(len)) return 'EBADARG';
    // The 3.9 code only BUG()s on a wrapping range, and accepts one that ends on 0xffffffff;
    // every later search that passes such an extent trips BUG_ON in ext4_es_end. Refuse both.
    if (lblk + len > EXT_MAX_BLOCKS) return 'EINVAL';
    return null;
  }

  insert(ino: number, lblk: number, len: number, pblk: number, status: number): EsErrorCode | null {
    const e =
      this.checkIno(ino) ??
      Superblock.checkRange(lblk, len) ??
      (Number.isInteger(pblk) && pblk >= 0 && pblk < PBLK_LIMIT ? null : 'EBADARG') ??
      (Number.isInteger(status) && status > 0 && status < 16 ? null : 'EBADSTATUS');
    if (e) return e;
    this.esInsertExtent(ino, lblk, len, pblk, status);
    return null;
  }

  remove(ino: number, lblk: number, len: number): EsErrorCode | null {
    const e = this.checkIno(ino) ?? Superblock.checkRange(lblk, len);
    if (e) return e;
    this.esRemoveExtent(ino, lblk, len);
    return null;
  }

  lookup(ino: number, lblk: number): EsErrorCode | null {
    const e = this.checkIno(ino) ?? (isU32(lblk) ? null : 'EBADARG');
    if (e) return e;
    this.esLookupExtent(ino, lblk);
    return null;
  }

  findDelayed(ino: number, lblk: number): EsErrorCode | null {
    const e = this.checkIno(ino) ?? (isU32(lblk) ? null : 'EBADARG');
    if (e) return e;
    this.esFindDelayedExtent(ino, lblk);
    return null;
  }

  shrink(nr: number): EsErrorCode | null {
    if (!Number.isInteger(nr) || nr < 0 || nr > MAX_NR_TO_SCAN) return 'EBADARG';
    this.esShrink(nr);
    return null;
  }

  lruDel(ino: number): EsErrorCode | null {
    const e = this.checkIno(ino);
    if (e) return e;
    this.esLruDel(ino);
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // The kernel code. Callers have validated the arguments.

  /** Last block of node `n`. @see ext4_es_end */
  private end(n: number): number {
    return this.pool.lblk[n]! + this.pool.len[n]! - 1;
  }

  /**
   * The extent containing `lblk`, else the first one after it, else NIL. O(log n).
   * @see fs/ext4/extents_status.c __es_tree_search
   */
  esTreeSearch(t: number, lblk: number): number {
    const p = this.pool;
    const tr = this.tracerRef;
    let node = p.root[t]!;
    let es = NIL;
    while (node !== NIL) {
      es = node;
      if (lblk < p.lblk[es]!) {
        if (tr) tr.es('search_visit', t, es, -1, null);
        node = p.left[node]!;
      } else if (lblk > this.end(es)) {
        if (tr) tr.es('search_visit', t, es, 1, null);
        node = p.right[node]!;
      } else {
        if (tr) tr.es('search_visit', t, es, 0, null);
        return es;
      }
    }
    if (es !== NIL && lblk < p.lblk[es]!) return es;
    if (es !== NIL && lblk > this.end(es)) {
      const next = p.rbNext(es);
      if (tr) tr.es('search_next', t, es, next, null);
      return next;
    }
    return NIL;
  }

  /** @see ext4_es_alloc_extent: a new node; counts it in lru_nr unless delayed. */
  private allocExtent(t: number, lblk: number, len: number, pblk: number, status: number): number {
    const p = this.pool;
    const n = p.alloc();
    p.lblk[n] = lblk;
    p.len[n] = len;
    p.pblk[n] = pblk;
    p.status[n] = status;
    if (!(status & ST_DELAYED)) this.lruNr[t]!++;
    this.extCount[t]!++;
    if (this.tracerRef) this.tracerRef.es('alloc', t, n, 0, [n]);
    return n;
  }

  /** @see ext4_es_free_extent: uncounts a non-delayed node and frees it. */
  private freeExtent(t: number, n: number): void {
    const p = this.pool;
    if (!(p.status[n]! & ST_DELAYED)) this.lruNr[t]!--;
    this.extCount[t]!--;
    p.free(n);
    if (this.tracerRef) this.tracerRef.es('free', t, n, 0, [n]);
  }

  /**
   * Whether node `a` followed by node `b` can become one extent: adjacent, same status, and
   * physically contiguous when the status maps blocks. @see ext4_es_can_be_merged
   */
  private canMerge(a: number, b: number): boolean {
    const p = this.pool;
    if (p.lblk[a]! + p.len[a]! !== p.lblk[b]!) return false;
    const s = p.status[a]!;
    if (s !== p.status[b]!) return false;
    if (s & MAPPED && p.pblk[a]! + p.len[a]! !== p.pblk[b]!) return false;
    return true;
  }

  /** `newes` followed by node `b`. */
  private canMergeNewBefore(b: number): boolean {
    const p = this.pool;
    if (this.nLblk + this.nLen !== p.lblk[b]!) return false;
    if (this.nStatus !== p.status[b]!) return false;
    if (this.nStatus & MAPPED && this.nPblk + this.nLen !== p.pblk[b]!) return false;
    return true;
  }

  /** Node `a` followed by `newes`. */
  private canMergeNewAfter(a: number): boolean {
    const p = this.pool;
    if (p.lblk[a]! + p.len[a]! !== this.nLblk) return false;
    const s = p.status[a]!;
    if (s !== this.nStatus) return false;
    if (s & MAPPED && p.pblk[a]! + p.len[a]! !== this.nPblk) return false;
    return true;
  }

  /** Merges `es` into its predecessor when they can merge. @see ext4_es_try_to_merge_left */
  private tryToMergeLeft(t: number, es: number): number {
    const p = this.pool;
    const prev = p.rbPrev(es);
    if (prev === NIL) return es;
    if (this.canMerge(prev, es)) {
      p.len[prev] = p.len[prev]! + p.len[es]!;
      if (this.tracerRef) this.tracerRef.es('merge_left', t, prev, es, [prev]);
      p.rbErase(es, t);
      this.freeExtent(t, es);
      return prev;
    }
    return es;
  }

  /** Merges the successor into `es` when they can merge. @see ext4_es_try_to_merge_right */
  private tryToMergeRight(t: number, es: number): number {
    const p = this.pool;
    const next = p.rbNext(es);
    if (next === NIL) return es;
    if (this.canMerge(es, next)) {
      p.len[es] = p.len[es]! + p.len[next]!;
      if (this.tracerRef) this.tracerRef.es('merge_right', t, es, next, [es]);
      p.rbErase(next, t);
      this.freeExtent(t, next);
    }
    return es;
  }

  private setCache(t: number, es: number): void {
    this.cacheEs[t] = es;
    if (this.tracerRef) this.tracerRef.es('cache_set', t, es, 0, null);
  }

  /**
   * Puts `newes` (the n* fields) into tree `t`, whose range is free: merges into a neighbour met
   * on the way down, or links a new node; either way the result becomes `cache_es`. O(log n).
   * @see fs/ext4/extents_status.c __es_insert_extent
   */
  private esInsertNode(t: number): number {
    const p = this.pool;
    const tr = this.tracerRef;
    let parent = NIL;
    let goLeft = false;
    let node = p.root[t]!;
    let es = NIL;
    while (node !== NIL) {
      parent = node;
      if (this.nLblk < p.lblk[node]!) {
        if (this.canMergeNewBefore(node)) {
          // The node grows to the left; it cannot overlap anything, so its key may change.
          p.lblk[node] = this.nLblk;
          p.len[node] = p.len[node]! + this.nLen;
          if (p.status[node]! & MAPPED) p.pblk[node] = this.nPblk;
          if (tr) tr.es('merge_into', t, node, 0, [node]);
          es = this.tryToMergeLeft(t, node);
          this.setCache(t, es);
          return es;
        }
        if (tr) tr.es('insert_visit', t, node, -1, null);
        node = p.left[node]!;
        goLeft = true;
      } else if (this.nLblk > this.end(node)) {
        if (this.canMergeNewAfter(node)) {
          p.len[node] = p.len[node]! + this.nLen;
          if (tr) tr.es('merge_into', t, node, 1, [node]);
          es = this.tryToMergeRight(t, node);
          this.setCache(t, es);
          return es;
        }
        if (tr) tr.es('insert_visit', t, node, 1, null);
        node = p.right[node]!;
        goLeft = false;
      } else {
        // The caller removed the range first, so an overlap is a bug (BUG_ON in the kernel).
        throw new Error(`esInsertNode: [${this.nLblk}/${this.nLen}) overlaps node ${node}`);
      }
    }
    es = this.allocExtent(t, this.nLblk, this.nLen, this.nPblk, this.nStatus);
    p.rbLinkNode(t, es, parent, goLeft);
    if (tr) tr.es('link', t, es, parent, [es, parent]);
    p.rbInsertColor(es, t);
    this.setCache(t, es);
    return es;
  }

  /**
   * Removes blocks [lblk, end] from tree `t`: trims the extent that holds `lblk`, splits it when
   * the range is inside it, erases the extents covered, trims the one that holds `end`. O(k log n)
   * for k extents erased.
   * @see fs/ext4/extents_status.c __es_remove_extent
   */
  private esRemoveRange(t: number, lblk: number, end: number): void {
    const p = this.pool;
    const tr = this.tracerRef;
    let es = this.esTreeSearch(t, lblk);
    if (es === NIL) return;
    if (p.lblk[es]! > end) return;

    // Quirk kept on purpose: any overlap drops cache_es, even if the cached extent survives.
    this.cacheEs[t] = NIL;
    if (tr) tr.es('cache_clear', t, NIL, 0, null);

    const origLblk = p.lblk[es]!;
    const origLen = p.len[es]!;
    const origPblk = p.pblk[es]!;
    const origStatus = p.status[es]!;
    const origEnd = origLblk + origLen - 1;
    let len1 = lblk > origLblk ? lblk - origLblk : 0;
    const len2 = origEnd > end ? origEnd - end : 0;
    if (len1 > 0) p.len[es] = len1;
    if (len2 > 0) {
      if (len1 > 0) {
        // Split: the right piece goes back in through __es_insert_extent and so becomes
        // cache_es, which the kernel does and the engine keeps.
        this.nLblk = end + 1;
        this.nLen = len2;
        this.nPblk = origStatus & MAPPED ? origPblk + origLen - len2 : 0;
        this.nStatus = origStatus;
        if (tr) tr.es('split', t, es, end + 1, [es]);
        this.esInsertNode(t);
      } else {
        p.lblk[es] = end + 1;
        p.len[es] = len2;
        if (origStatus & MAPPED) p.pblk[es] = origPblk + origLen - len2;
        if (tr) tr.es('trim_start', t, es, end + 1, [es]);
      }
      return;
    }

    if (len1 > 0) {
      if (tr) tr.es('trim_end', t, es, len1, [es]);
      es = p.rbNext(es);
    }

    while (es !== NIL && this.end(es) <= end) {
      const next = p.rbNext(es);
      if (tr) tr.es('erase', t, es, 0, null);
      p.rbErase(es, t);
      this.freeExtent(t, es);
      es = next;
    }

    if (es !== NIL && p.lblk[es]! < end + 1) {
      const oldLen = p.len[es]!;
      len1 = this.end(es) - end;
      p.lblk[es] = end + 1;
      p.len[es] = len1;
      if (p.status[es]! & MAPPED) p.pblk[es] = p.pblk[es]! + oldLen - len1;
      if (tr) tr.es('trim_start', t, es, end + 1, [es]);
    }
  }

  /**
   * Caches blocks [lblk, lblk+len) with `status` in inode `ino`'s tree, replacing what was
   * there, then moves the inode to the LRU tail. O((k+1) log n).
   * @see fs/ext4/extents_status.c ext4_es_insert_extent
   */
  esInsertExtent(ino: number, lblk: number, len: number, pblk: number, status: number): void {
    this.rRet = 0;
    if (len === 0) {
      // before anything, the LRU included
      if (this.tracerRef) this.tracerRef.es('noop', ino, NIL, 0, null);
      return;
    }
    this.esRemoveRange(ino, lblk, lblk + len - 1);
    this.nLblk = lblk;
    this.nLen = len;
    this.nPblk = pblk;
    this.nStatus = status;
    this.esInsertNode(ino);
    this.esLruAdd(ino);
  }

  /**
   * Drops blocks [lblk, lblk+len) from inode `ino`'s tree. Leaves the LRU alone.
   * @see fs/ext4/extents_status.c ext4_es_remove_extent
   */
  esRemoveExtent(ino: number, lblk: number, len: number): void {
    this.rRet = 0;
    if (len === 0) {
      if (this.tracerRef) this.tracerRef.es('noop', ino, NIL, 0, null);
      return;
    }
    this.esRemoveRange(ino, lblk, lblk + len - 1);
  }

  /**
   * Finds the extent holding `lblk`: `cache_es` first, then a tree walk. Never updates
   * `cache_es` (the kernel's lookup only reads it). Moves the inode to the LRU tail. Sets rFound
   * and the rLblk/rLen/rStatus/rPblk of the extent. O(log n).
   * @see fs/ext4/extents_status.c ext4_es_lookup_extent
   */
  esLookupExtent(ino: number, lblk: number): void {
    const p = this.pool;
    const tr = this.tracerRef;
    let found = NIL;
    const cached = this.cacheEs[ino]!;
    this.lookups++;
    if (cached !== NIL && lblk >= p.lblk[cached]! && lblk <= this.end(cached)) {
      if (tr) tr.es('cache_hit', ino, cached, lblk, null);
      this.cacheHits++;
      found = cached;
    } else {
      if (tr) tr.es('cache_miss', ino, cached, lblk, null);
      let node = p.root[ino]!;
      while (node !== NIL) {
        if (lblk < p.lblk[node]!) {
          if (tr) tr.es('lookup_visit', ino, node, -1, null);
          node = p.left[node]!;
        } else if (lblk > this.end(node)) {
          if (tr) tr.es('lookup_visit', ino, node, 1, null);
          node = p.right[node]!;
        } else {
          if (tr) tr.es('lookup_visit', ino, node, 0, null);
          found = node;
          break;
        }
      }
    }
    this.setResult(found);
    if (tr) tr.es(found === NIL ? 'not_found' : 'found', ino, found, lblk, null);
    this.esLruAdd(ino);
  }

  /**
   * Finds the first delayed extent holding or following `lblk` (probing `cache_es` first) and
   * caches it when there is one. Moves the inode to the LRU tail. O(log n + k) for k non-delayed
   * extents walked over.
   * @see fs/ext4/extents_status.c ext4_es_find_delayed_extent
   */
  esFindDelayedExtent(ino: number, lblk: number): void {
    const p = this.pool;
    const tr = this.tracerRef;
    let es = this.cacheEs[ino]!;
    if (es !== NIL && lblk >= p.lblk[es]! && lblk <= this.end(es)) {
      if (tr) tr.es('cache_hit', ino, es, lblk, null);
    } else {
      if (tr) tr.es('cache_miss', ino, es, lblk, null);
      es = this.esTreeSearch(ino, lblk);
    }
    if (es !== NIL && !(p.status[es]! & ST_DELAYED)) {
      let next = p.rbNext(es);
      while (next !== NIL) {
        es = next;
        if (tr) tr.es('walk', ino, es, 0, null);
        if (p.status[es]! & ST_DELAYED) break;
        next = p.rbNext(es);
      }
    }
    if (es !== NIL && p.status[es]! & ST_DELAYED) {
      this.setResult(es);
      if (tr) tr.es('found', ino, es, lblk, null);
      this.setCache(ino, es);
    } else {
      this.setResult(NIL);
      if (tr) tr.es('not_found', ino, NIL, lblk, null);
    }
    this.esLruAdd(ino);
  }

  private setResult(n: number): void {
    const p = this.pool;
    if (n === NIL) {
      this.rFound = 0;
      this.rLblk = this.rLen = this.rPblk = this.rStatus = 0;
    } else {
      this.rFound = 1;
      this.rLblk = p.lblk[n]!;
      this.rLen = p.len[n]!;
      this.rStatus = p.status[n]!;
      this.rPblk = p.pblk[n]!;
    }
  }

  /** Moves inode `ino` to the LRU tail, adding it if absent. O(1). @see ext4_es_lru_add */
  esLruAdd(ino: number): void {
    const prev = this.lruPrev;
    const next = this.lruNext;
    if (prev[ino] !== -1) {
      if (next[ino] === 0) {
        // already the tail: the move changes nothing
        if (this.tracerRef) this.tracerRef.es('lru_add', ino, NIL, 0, null);
        return;
      }
      next[prev[ino]!] = next[ino]!;
      prev[next[ino]!] = prev[ino]!;
    }
    const tail = prev[0]!;
    prev[ino] = tail;
    next[ino] = 0;
    next[tail] = ino;
    prev[0] = ino;
    if (this.tracerRef) this.tracerRef.es('lru_add', ino, NIL, 1, null);
  }

  /** Takes inode `ino` off the LRU list, if on it. O(1). @see ext4_es_lru_del */
  esLruDel(ino: number): void {
    const prev = this.lruPrev;
    const next = this.lruNext;
    if (prev[ino] === -1) {
      if (this.tracerRef) this.tracerRef.es('lru_del', ino, NIL, 0, null);
      return;
    }
    next[prev[ino]!] = next[ino]!;
    prev[next[ino]!] = prev[ino]!;
    prev[ino] = -1;
    next[ino] = -1;
    if (this.tracerRef) this.tracerRef.es('lru_del', ino, NIL, 1, null);
  }

  /** Sum of lru_nr over the inodes on the LRU list. @see ext4_es_reclaim_extents_count */
  reclaimableCount(): number {
    let n = 0;
    for (let i = this.lruNext[0]!; i !== 0; i = this.lruNext[i]!) n += this.lruNr[i]!;
    return n;
  }

  /**
   * The shrinker callback. With `nr` 0 it only counts. Otherwise it walks the LRU from the head,
   * moving every inode it visits to a scanned list (those with lru_nr 0 too, skipped for
   * reclaim), reclaims non-delayed extents in tree order until `nr` are gone, and splices the
   * scanned inodes to the tail. Sets rRet (reclaimable left) and rShrunk. O(inodes + nr log n).
   * @see fs/ext4/extents_status.c ext4_es_shrink
   */
  esShrink(nr: number): void {
    const tr = this.tracerRef;
    this.rShrunk = 0;
    if (nr === 0) {
      this.rRet = this.reclaimableCount();
      if (tr) tr.es('count', 0, NIL, this.rRet, null);
      return;
    }
    const next = this.lruNext;
    const prev = this.lruPrev;
    const scanned: number[] = [];
    let shrunk = 0;
    let cur = next[0]!;
    while (cur !== 0) {
      const after = next[cur]!;
      // list_move_tail(cur, &scanned): off the LRU for now, marked as scanned
      next[prev[cur]!] = after;
      prev[after] = prev[cur]!;
      prev[cur] = -1;
      next[cur] = -1;
      scanned.push(cur);
      if (tr) tr.es('scan', cur, NIL, this.lruNr[cur]!, null);
      if (this.lruNr[cur] !== 0) {
        const got = this.esTryToReclaimExtents(cur, nr);
        shrunk += got;
        nr -= got;
        if (nr === 0) {
          if (tr) tr.es('stop', cur, NIL, shrunk, null);
          break;
        }
      } else if (tr) {
        tr.es('skip', cur, NIL, 0, null);
      }
      cur = after;
    }
    // list_splice_tail(&scanned, &sbi->s_es_lru)
    for (const ino of scanned) {
      const tail = prev[0]!;
      prev[ino] = tail;
      next[ino] = 0;
      next[tail] = ino;
      prev[0] = ino;
    }
    this.rShrunk = shrunk;
    this.rRet = this.reclaimableCount();
    if (tr) tr.es('splice', 0, NIL, scanned.length, null);
  }

  /**
   * Reclaims up to `nr` non-delayed extents of inode `ino` in tree order, then drops its
   * `cache_es`. Returns how many it reclaimed. @see __es_try_to_reclaim_extents
   */
  private esTryToReclaimExtents(ino: number, nr: number): number {
    const p = this.pool;
    const tr = this.tracerRef;
    let shrunk = 0;
    if (this.lruNr[ino] === 0) return 0;
    let node = p.rbFirst(ino);
    while (node !== NIL) {
      const es = node;
      node = p.rbNext(es);
      if (!(p.status[es]! & ST_DELAYED)) {
        if (tr) tr.es('reclaim', ino, es, 0, null);
        p.rbErase(es, ino);
        this.freeExtent(ino, es);
        shrunk++;
        if (--nr === 0) break;
      }
    }
    this.cacheEs[ino] = NIL;
    if (tr) tr.es('cache_clear', ino, NIL, 0, null);
    return shrunk;
  }

  /** Inodes on the LRU list, head first. O(inodes). */
  lruOrder(): number[] {
    const out: number[] = [];
    for (let i = this.lruNext[0]!; i !== 0; i = this.lruNext[i]!) out.push(i);
    return out;
  }

  /** True when inode `ino` is on the LRU list. */
  onLru(ino: number): boolean {
    return this.lruPrev[ino] !== -1;
  }

  /** Colour of node `n` as the shape string writes it. */
  isBlack(n: number): boolean {
    return this.pool.color[n] === BLACK;
  }
}

/** The number fields of a superblock: its state besides the arrays. */
const SCALARS = [
  'inodeCount',
  'lookups',
  'cacheHits',
  'rFound',
  'rLblk',
  'rLen',
  'rStatus',
  'rPblk',
  'rRet',
  'rShrunk',
  'nLblk',
  'nLen',
  'nPblk',
  'nStatus',
] as const;

/** How a superblock changed between two of its states (see `Superblock.diff`). */
export interface SbDelta {
  readonly pool: PoolDelta;
  /** Rows of the per-inode arrays: cacheEs, lruNr, extCount, lruPrev, lruNext. */
  readonly inodes: ColumnsDelta;
  /** The number fields, in SCALARS order. */
  readonly scalars: Float64Array;
}

/** The delta `a` then `b` (b taken from the state a leads to). O(|a| + |b|). */
export function composeDeltas(a: SbDelta, b: SbDelta): SbDelta {
  return {
    pool: composePoolDeltas(a.pool, b.pool),
    inodes: composeColumns(a.inodes, b.inodes),
    scalars: b.scalars,
  };
}

/** Bytes held by a delta's arrays. */
export function deltaBytes(d: SbDelta): number {
  return (
    columnsBytes(d.pool.nodes) +
    columnsBytes(d.pool.roots) +
    columnsBytes(d.inodes) +
    d.scalars.byteLength
  );
}

function isU32(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
}
