/**
 * The step debugger's model in the worker: a History (op log with checkpoints) plus a cursor
 * (op, step) that moves by micro-step or by op, forward and backward, and runs to breakpoints.
 * The state at (k, 0) is the state after k ops; at (k, s) with s > 0 it is the state before op k
 * with the first s micro-steps of op k applied (a tree shown mid-operation).
 */
import { firstHit, type Breakpoint } from '../core/breakpoints.ts';
import type { SbState } from '../core/dump.ts';
import { History } from '../core/history.ts';
import { applyOp, newSuperblock, type Op, type OpResult } from '../core/ops.ts';
import { restoreState } from '../core/restore.ts';
import type { RbPool } from '../core/rbtree.ts';
import type { NodeRec } from '../core/snapshot.ts';
import type { RecordedOp, Step } from '../core/steps.ts';
import type { Superblock } from '../core/superblock.ts';

export type TimelineBase = { inodes: number } | { state: SbState };

export interface Cursor {
  op: number;
  step: number;
}

export type Move = 'next' | 'prev' | 'nextOp' | 'prevOp' | 'start' | 'end';

/** Recorded ops kept for quick stepping (each holds its steps and their node records). */
const REC_CACHE = 256;
/**
 * Ops the kept state before an op is brought forward by replaying them on it; past this many, a
 * copy of the whole state is cheaper. An op on the fast path costs microseconds, a copy of a
 * million-node state milliseconds.
 */
const PRE_REPLAY = 1024;

export interface MidOpInode {
  /** The pool of the state before the op, and the records the op's steps have changed. */
  pool: RbPool;
  overlay: Map<number, NodeRec>;
  root: number;
  cache: number;
  lruNr: number;
}

export class Timeline {
  history: History;
  base: TimelineBase;
  cursor: Cursor = { op: 0, step: 0 };
  private recs = new Map<number, RecordedOp>();
  /**
   * The state before op `k`, kept while the cursor is inside op k, and after each op (the one
   * before it) so that stepping back into the op just done needs no seek in the history.
   */
  private pre: { k: number; sb: Superblock } | null = null;
  private preBuf: Superblock | null = null;

  constructor(base: TimelineBase = { inodes: 1 }) {
    this.base = base;
    this.history = new History(baseSuperblock(base));
  }

  get length(): number {
    return this.history.length;
  }

  get ops(): readonly Op[] {
    return this.history.ops;
  }

  get results(): readonly OpResult[] {
    return this.history.results;
  }

  /** Starts over from `base` and applies `ops`; the cursor goes to the end. */
  load(base: TimelineBase, ops: readonly Op[]): OpResult[] {
    const h = new History(baseSuperblock(base));
    const n = ops.length;
    ops.forEach((op, i) => {
      if (i === n - 1) this.remember(n - 1, h.appendRecorded(op));
      else h.append(op);
    });
    this.recs.clear();
    this.pre = null;
    this.base = base;
    this.history = h;
    this.cursor = { op: n, step: 0 };
    this.keepPreAtEnd();
    return [...h.results];
  }

  /**
   * Applies `ops` at the cursor: ops after the cursor (and the op the cursor is inside) are
   * dropped first and returned, so the caller can offer them back. The cursor goes to the end.
   * Unless `bulk`, the state before the last op is kept, so that stepping back into the op just
   * done needs no seek in the history: usually by replaying the op before it on the state kept
   * for that one, O(op), else by a copy of the whole state.
   */
  apply(ops: readonly Op[], bulk = false): { results: OpResult[]; dropped: Op[] } {
    const at = this.cursor.op;
    const dropped = this.history.ops.slice(at);
    if (dropped.length) {
      this.history.truncate(at);
      for (const k of [...this.recs.keys()]) if (k >= at) this.recs.delete(k);
      // the state before op k depends only on the ops before it
      if (this.pre && this.pre.k > at) this.pre = null;
    }
    const results: OpResult[] = [];
    ops.forEach((op, i) => {
      if (i === ops.length - 1) {
        if (!bulk) this.keepPre(this.history.length);
        const rec = this.history.appendRecorded(op);
        this.remember(this.history.length - 1, rec);
        results.push(rec.result);
      } else {
        results.push(this.history.append(op));
      }
    });
    this.cursor = { op: this.history.length, step: 0 };
    return { results, dropped };
  }

  /** The recorded steps of op `k` (cached). */
  stepsOf(k: number): RecordedOp {
    const hit = this.recs.get(k);
    if (hit) return hit;
    const rec = this.history.record(k);
    this.remember(k, rec);
    return rec;
  }

  private remember(k: number, rec: RecordedOp): void {
    if (this.recs.size >= REC_CACHE) {
      const oldest = this.recs.keys().next().value;
      if (oldest !== undefined) this.recs.delete(oldest);
    }
    this.recs.set(k, rec);
  }

  /** Moves the cursor to `c`, normalised: within the log, and (k, steps of k) becomes (k+1, 0). */
  seek(c: Cursor): Cursor {
    let op = Math.max(0, Math.min(Math.trunc(c.op) || 0, this.length));
    let step = Math.max(0, Math.trunc(c.step) || 0);
    if (op === this.length) step = 0;
    if (step > 0) {
      const n = this.stepsOf(op).steps.length;
      if (step >= n) {
        op++;
        step = 0;
      }
    }
    this.cursor = { op, step };
    return this.cursor;
  }

  /** One move of the step debugger. */
  move(m: Move): Cursor {
    const { op, step } = this.cursor;
    switch (m) {
      case 'start':
        return this.seek({ op: 0, step: 0 });
      case 'end':
        return this.seek({ op: this.length, step: 0 });
      case 'nextOp':
        return this.seek({ op: Math.min(op + 1, this.length), step: 0 });
      case 'prevOp':
        return this.seek({ op: step > 0 ? op : Math.max(0, op - 1), step: 0 });
      case 'next':
        if (op >= this.length) return this.cursor;
        return this.seek({ op, step: step + 1 });
      case 'prev': {
        if (step > 0) return this.seek({ op, step: step - 1 });
        if (op === 0) return this.cursor;
        const n = this.stepsOf(op - 1).steps.length;
        return this.seek({ op: op - 1, step: Math.max(0, n - 1) });
      }
    }
  }

  /**
   * Runs forward (dir 1) or backward (dir -1) to the next step that hits a breakpoint and stops
   * right after it. Returns the breakpoint and step hit, or null when it ran off the end (the
   * cursor is then at the end or the start). O(ops scanned × their steps).
   */
  continueTo(dir: 1 | -1, bps: readonly Breakpoint[]): { bp: Breakpoint; step: Step } | null {
    if (bps.length === 0) {
      this.move(dir > 0 ? 'end' : 'start');
      return null;
    }
    const { op, step } = this.cursor;
    if (dir > 0) {
      // positions after step i of op k are (k, i + 1); look for i >= step
      for (let k = op; k < this.length; k++) {
        const steps = this.scanSteps(k);
        for (let i = k === op ? step : 0; i < steps.length; i++) {
          const bp = firstHit(bps, steps[i]!);
          if (bp) return { bp, step: this.stopAt(k, i) };
        }
      }
      this.move('end');
      return null;
    }
    // backward: the last hit strictly before the cursor. Scan forward block by block (from a
    // checkpoint boundary), so each op is replayed once rather than re-seeking for every op.
    const block = this.history.interval;
    // the cursor (op, 0) is the position after the last step of op - 1: hits must come before it
    let hi = step > 0 ? op : op - 1;
    if (hi < 0) {
      this.move('start');
      return null;
    }
    const limit = step > 0 ? step - 1 : this.scanSteps(hi).length - 1;
    const curK = hi;
    while (hi >= 0) {
      const lo = Math.max(0, Math.floor(hi / block) * block);
      let found: { k: number; i: number; bp: Breakpoint } | null = null;
      for (let k = lo; k <= hi; k++) {
        const steps = this.scanSteps(k);
        const end = k === curK ? Math.min(limit, steps.length) : steps.length;
        for (let i = 0; i < end; i++) {
          const bp = firstHit(bps, steps[i]!);
          if (bp) found = { k, i, bp };
        }
      }
      if (found) return { bp: found.bp, step: this.stopAt(found.k, found.i) };
      hi = lo - 1;
    }
    this.move('start');
    return null;
  }

  /** Steps of op k for scanning (recorded and cached). */
  private scanSteps(k: number): readonly Step[] {
    return this.stepsOf(k).steps;
  }

  private stopAt(k: number, i: number): Step {
    const rec = this.stepsOf(k);
    this.seek({ op: k, step: i + 1 });
    return rec.steps[i]!;
  }

  /** The state before op `k`: a copy kept while the cursor is inside op k. */
  preOf(k: number): Superblock {
    if (this.pre?.k !== k) this.keepPre(k);
    return this.pre!.sb;
  }

  /**
   * Keeps the state at the end of the log as the state before the next op, so that the first op
   * after a job (which appends in bulk and keeps nothing) does not copy the whole state. O(state).
   */
  keepPreAtEnd(): void {
    this.keepPre(this.length);
  }

  /**
   * Makes the kept state the state after `k` ops: replays the ops since the one it holds when
   * that is at most PRE_REPLAY ops back (the engine is deterministic, so this is exactly the
   * state the history holds), else copies the history's state into the reused buffer (a million
   * nodes: several ms).
   */
  private keepPre(k: number): void {
    const p = this.pre;
    if (p && p.k <= k && k - p.k <= PRE_REPLAY) {
      const ops = this.history.ops;
      for (let i = p.k; i < k; i++) applyOp(p.sb, ops[i]!);
      p.k = k;
      return;
    }
    const at = this.history.seek(k);
    // room for new nodes, so that replaying the next ops does not grow the copy at once
    const room = (at.pool.highWater >> 3) + 64;
    if (this.preBuf) {
      this.preBuf.pool.reserve(at.pool.highWater + room);
      this.preBuf.copyFrom(at);
    } else this.preBuf = at.clone(room);
    this.pre = { k, sb: this.preBuf };
  }

  /** The engine at an op boundary (valid until the next call into the timeline). */
  stateAt(k: number): Superblock {
    return this.history.seek(k);
  }

  /**
   * Inode `ino` in the middle of op k after `s` steps: its tree as node records, root, cache_es
   * and lru_nr, plus the LRU order and per-inode extent count changes. The tree is the pool of
   * the state before op k overlaid with the records the steps changed, so this is O(steps), not
   * O(n): stepping through an op on a million-node tree costs what the op costs.
   */
  midOp(
    k: number,
    s: number,
    ino: number,
  ): {
    inode: MidOpInode;
    lru: number[];
    countDelta: Map<number, number>;
    lruNr: Map<number, number>;
  } {
    const pre = this.preOf(k);
    const overlay = new Map<number, NodeRec>();
    const inode: MidOpInode = {
      pool: pre.pool,
      overlay,
      root: pre.pool.root[ino]!,
      cache: pre.cacheEs[ino]!,
      lruNr: pre.lruNr[ino]!,
    };
    let lru = pre.lruOrder();
    const countDelta = new Map<number, number>();
    const lruNr = new Map<number, number>();
    const steps = this.stepsOf(k).steps;
    for (let i = 0; i < s && i < steps.length; i++) {
      const st = steps[i]!;
      if (st.lru) lru = st.lru;
      if (!st.ino) continue;
      lruNr.set(st.ino, st.lruNr);
      if (st.kind === 'alloc') countDelta.set(st.ino, (countDelta.get(st.ino) ?? 0) + 1);
      if (st.kind === 'free') countDelta.set(st.ino, (countDelta.get(st.ino) ?? 0) - 1);
      if (st.ino !== ino) continue;
      // a freed node is no longer linked from the root, so it needs no entry of its own
      for (const c of st.changes) overlay.set(c.id, c);
      inode.root = st.root;
      inode.cache = st.cache;
      inode.lruNr = st.lruNr;
    }
    return { inode, lru, countDelta, lruNr };
  }
}

function baseSuperblock(base: TimelineBase): Superblock {
  return 'inodes' in base ? newSuperblock(base.inodes) : restoreState(base.state);
}
