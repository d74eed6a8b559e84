/**
 * Time travel over an op log. The state after k ops is a function of (base, ops[0..k)); History
 * keeps the log, each op's result, and a checkpoint every `interval` ops, so seeking to any op
 * restores the nearest checkpoint at or before it and replays at most `interval` ops on the fast
 * path.
 *
 * A checkpoint is a delta from the one before (the nodes and inodes that changed: a few thousand
 * ops touch a few thousand nodes of half a million), and now and then also a full copy. A seek
 * copies the last full copy at or before its checkpoint into the live engine's own arrays
 * (allocating nothing: a fresh 16 MB copy per seek set off collections of the whole heap, which
 * made the slowest seeks), patches the deltas after it, then replays. A full copy is taken once
 * the deltas since the last one add up to the state's size, so the patching costs about as much
 * as a copy or two: seek is O(state + interval).
 *
 * Taking a checkpoint compares the state with the one before, O(state), so the interval doubles
 * as the state grows (see DIFF_NODES_PER_OP). When the checkpoints outgrow their memory budget,
 * every other full copy is dropped, or every other checkpoint is merged into the next and the
 * interval doubles, so memory stays bounded for any history length while seeks get at most
 * proportionally longer.
 */
import { applyOp, type Op, type OpResult } from './ops.ts';
import { PeakSeries } from './peaks.ts';
import { recordOp, type RecordedOp } from './steps.ts';
import { composeDeltas, deltaBytes, type SbDelta, type Superblock } from './superblock.ts';

export const DEFAULT_CHECKPOINT_INTERVAL = 2000;
/** Bytes the checkpoints may hold before they are thinned out. */
export const DEFAULT_CHECKPOINT_BUDGET = 256 * 1024 * 1024;
/**
 * Taking a checkpoint compares every node with the checkpoint before; the interval doubles while
 * that would cost more than this many nodes per op, so that appending stays O(op) amortised.
 */
const DIFF_NODES_PER_OP = 64;

export class History {
  /** The op log and each op's result. */
  readonly ops: Op[] = [];
  readonly results: OpResult[] = [];
  /** The reclaimable count (what the shrinker would report) after each op, with range maxima. */
  readonly reclaimable = new PeakSeries();
  /**
   * Indices of the shrinks that reclaim (nr > 0), in order: the explorer replays the last one
   * before the cursor, and finding it must not scan a million ops.
   */
  readonly sweeps: number[] = [];
  /** Bumped whenever the log changes (append, truncate), so derived data can be cached. */
  revision = 0;
  /** checkpoints[j] is the state after j × interval ops (checkpoints[0] is the base). */
  private checkpoints: Checkpoint[] = [];
  /** The state at the last checkpoint, patched forward as checkpoints are added. */
  private readonly tail: Superblock;
  /** The live engine and how many ops it has applied. */
  private readonly engine: Superblock;
  private at = 0;

  private checkpointSize = 0;
  /** Bytes of the deltas after the last full copy. */
  private sinceFull = 0;
  private _interval: number;

  constructor(
    base: Superblock,
    interval = DEFAULT_CHECKPOINT_INTERVAL,
    private readonly budget = DEFAULT_CHECKPOINT_BUDGET,
  ) {
    this._interval = interval;
    this.checkpoints.push({ delta: null, full: base.clone() });
    this.tail = base.clone();
    this.engine = base.clone();
    this.measure();
  }

  /** Ops between checkpoints (doubles as the state grows, or when the budget is outgrown). */
  get interval(): number {
    return this._interval;
  }

  /** The state the log starts from (a copy). */
  base(): Superblock {
    return this.checkpoints[0]!.full!.clone();
  }

  /** Number of ops in the log. */
  get length(): number {
    return this.ops.length;
  }

  /** How many ops the live engine has applied (its cursor). */
  get cursor(): number {
    return this.at;
  }

  /**
   * Appends `op` at the end of the log and applies it (seeking to the end first). Returns its
   * result. Amortised O(op + state / interval).
   */
  append(op: Op): OpResult {
    this.seek(this.ops.length);
    const result = applyOp(this.engine, op);
    this.logged(op, result);
    this.revision++;
    this.at++;
    this.checkpointIfDue();
    return result;
  }

  /** Adds op `op`, just applied to the engine, to the log and what is derived from it. */
  private logged(op: Op, result: OpResult): void {
    if (op.op === 'shrink' && op.nr > 0) this.sweeps.push(this.ops.length);
    this.ops.push(op);
    this.results.push(result);
    this.reclaimable.push(this.engine.reclaimableCount());
  }

  /** The last shrink that reclaims (nr > 0) among the first `n` ops, or null. O(log shrinks). */
  lastSweep(n: number): number | null {
    const s = this.sweeps;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? s[lo - 1]! : null;
  }

  /** Adds the checkpoint at the engine's position when it is the next one due. O(state). */
  private checkpointIfDue(): void {
    if (this.at % this._interval !== 0 || this.checkpoints.length !== this.at / this._interval)
      return;
    const delta = this.engine.diff(this.tail);
    const tailBefore = sizeOf(this.tail);
    this.tail.patch(delta);
    const bytes = deltaBytes(delta);
    this.sinceFull += bytes;
    this.checkpointSize += bytes + sizeOf(this.tail) - tailBefore;
    let full: Superblock | null = null;
    if (this.sinceFull >= this.engine.pool.usedBytes()) {
      full = this.engine.clone();
      this.checkpointSize += sizeOf(full);
      this.sinceFull = 0;
    }
    this.checkpoints.push({ delta, full });
    while (
      this.checkpoints.length > 2 &&
      delta.pool.nodes.rows > this._interval * DIFF_NODES_PER_OP
    ) {
      this.halve();
      this.measure();
    }
    if (this.checkpointSize > this.budget) this.thin();
  }

  /**
   * Like `append`, with micro-step recording of the op (for the op the explorer shows next).
   */
  appendRecorded(op: Op): RecordedOp {
    this.seek(this.ops.length);
    const rec = recordOp(this.engine, op);
    this.logged(op, rec.result);
    this.revision++;
    this.at++;
    this.checkpointIfDue();
    return rec;
  }

  /** Drops every op from index `n` on (and the checkpoints past it). O(dropped). */
  truncate(n: number): void {
    if (n >= this.ops.length) return;
    this.ops.length = n;
    this.results.length = n;
    this.reclaimable.truncate(n);
    while (this.sweeps.length && this.sweeps[this.sweeps.length - 1]! >= n) this.sweeps.pop();
    this.revision++;
    const keep = Math.floor(n / this._interval) + 1;
    if (keep < this.checkpoints.length) {
      this.checkpoints.length = keep;
      this.materialize(keep - 1, this.tail);
      this.measure();
    }
    if (this.at > n) this.restore(n);
  }

  /**
   * The engine with exactly `k` ops applied (0 ≤ k ≤ length). The returned object is the live
   * engine: read it, or apply op k to it through `stepInto`; do not keep it across calls.
   */
  seek(k: number): Superblock {
    if (!Number.isInteger(k) || k < 0 || k > this.ops.length)
      throw new RangeError(`seek: ${k} is not in 0..${this.ops.length}`);
    // Replaying forward is cheaper when the engine is already past k's checkpoint, and about as
    // cheap up to one interval short of it (a restore copies the whole state): stepping across a
    // checkpoint then costs one op, not a restore.
    const iv = this._interval;
    if (k < this.at || (Math.floor(k / iv) > Math.floor(this.at / iv) && k - this.at > iv))
      this.restore(k);
    const e = this.engine;
    while (this.at < k) applyOp(e, this.ops[this.at++]!);
    return e;
  }

  /** Bytes held by the checkpoints (typed arrays only). */
  checkpointBytes(): number {
    return this.checkpointSize;
  }

  /** The checkpoints: how many, how many are full copies (the base's too), spacing, bytes. */
  checkpointStats(): { checkpoints: number; fullCopies: number; interval: number; bytes: number } {
    return {
      checkpoints: this.checkpoints.length,
      fullCopies: this.checkpoints.filter((c) => c.full).length,
      interval: this._interval,
      bytes: this.checkpointSize,
    };
  }

  /**
   * Brings the checkpoints back within the budget: drops every other full copy (but the base's)
   * while they outweigh the deltas, else merges every other checkpoint into the next and doubles
   * the interval. Stops at two checkpoints, whatever their size.
   */
  private thin(): void {
    while (this.checkpointSize > this.budget && this.checkpoints.length > 2) {
      let fullBytes = 0;
      let deltaBytesAll = 0;
      for (const c of this.checkpoints.slice(1)) {
        if (c.full) fullBytes += sizeOf(c.full);
        deltaBytesAll += deltaBytes(c.delta!);
      }
      if (fullBytes > 0 && fullBytes >= deltaBytesAll) this.dropFulls();
      else this.halve();
      this.measure();
    }
  }

  /** Drops the first, third, fifth... full copy after the base's. */
  private dropFulls(): void {
    let odd = true;
    for (const c of this.checkpoints.slice(1)) {
      if (!c.full) continue;
      if (odd) c.full = null;
      odd = !odd;
    }
  }

  /** Keeps the even checkpoints, each with the deltas since the previous one merged. */
  private halve(): void {
    const old = this.checkpoints;
    const kept: Checkpoint[] = [old[0]!];
    for (let j = 2; j < old.length; j += 2) {
      const a = old[j - 1]!;
      const b = old[j]!;
      let full = b.full;
      if (!full && a.full) {
        // move the dropped checkpoint's full copy forward rather than lose it
        a.full.patch(b.delta!);
        full = a.full.clone();
      }
      kept.push({ delta: composeDeltas(a.delta!, b.delta!), full });
    }
    this.checkpoints = kept;
    this._interval *= 2;
    // an odd last checkpoint is gone: the tail goes back to the one before
    if (old.length % 2 === 0) this.materialize(kept.length - 1, this.tail);
  }

  /** Recounts the checkpoint bytes and the deltas since the last full copy. O(checkpoints). */
  private measure(): void {
    let size = sizeOf(this.tail);
    this.sinceFull = 0;
    for (const c of this.checkpoints) {
      if (c.full) {
        size += sizeOf(c.full);
        this.sinceFull = 0;
      }
      if (c.delta) {
        const d = deltaBytes(c.delta);
        size += d;
        if (!c.full) this.sinceFull += d;
      }
    }
    this.checkpointSize = size;
  }

  /**
   * Applies op `k` with micro-step recording, starting from the state before it; the live engine
   * is then at k + 1. O(seek + the op's steps).
   */
  record(k: number): RecordedOp {
    if (k >= this.ops.length) throw new RangeError(`record: no op ${k}`);
    const e = this.seek(k);
    const r = recordOp(e, this.ops[k]!);
    this.at++;
    return r;
  }

  /** Puts the engine on the last checkpoint at or before op k. O(state + deltas since a full copy). */
  private restore(k: number): void {
    const j = Math.min(Math.floor(k / this._interval), this.checkpoints.length - 1);
    if (j === this.checkpoints.length - 1) this.engine.copyFrom(this.tail);
    else this.materialize(j, this.engine);
    this.at = j * this._interval;
  }

  /** Makes `into` the state at checkpoint j: the full copy at or before it, then the deltas. */
  private materialize(j: number, into: Superblock): void {
    let i = j;
    while (!this.checkpoints[i]!.full) i--;
    // make room for the largest pool on the way first, so that the patches allocate nothing
    let nodes = 0;
    for (let m = i + 1; m <= j; m++)
      nodes = Math.max(nodes, this.checkpoints[m]!.delta!.pool.nodes.rows);
    into.pool.reserve(nodes);
    into.copyFrom(this.checkpoints[i]!.full!);
    for (let m = i + 1; m <= j; m++) into.patch(this.checkpoints[m]!.delta!);
  }
}

/** A checkpoint: how to get to it from the one before, and maybe a full copy of it. */
interface Checkpoint {
  /** The change since the previous checkpoint; null for the base. */
  delta: SbDelta | null;
  /** A full copy of the state, where a restore starts; always there for the base. */
  full: Superblock | null;
}

/** Bytes of a superblock's arrays: the pool's and the five per-inode ones. */
function sizeOf(sb: Superblock): number {
  return sb.pool.byteSize() + sb.cacheEs.byteLength * 5;
}
