/**
 * Time travel over an op log. The state after k ops is a function of (base, ops[0..k)); History
 * keeps the log, each op's result, and a checkpoint (a full copy of the superblock) every
 * `interval` ops, so seeking to any op restores the nearest checkpoint at or before it and
 * replays at most `interval` ops on the fast path. Seek is O(state + interval). When the
 * checkpoints outgrow their memory budget, every other one is dropped and the interval doubles,
 * so memory stays bounded for any history length while seeks get at most proportionally longer.
 */
import { applyOp, type Op, type OpResult } from './ops.ts';
import { recordOp, type RecordedOp } from './steps.ts';
import type { Superblock } from './superblock.ts';

export const DEFAULT_CHECKPOINT_INTERVAL = 2000;
/** Bytes the checkpoints may hold before they are thinned out. */
export const DEFAULT_CHECKPOINT_BUDGET = 256 * 1024 * 1024;

export class History {
  /** The op log and each op's result. */
  readonly ops: Op[] = [];
  readonly results: OpResult[] = [];
  /** The reclaimable count (what the shrinker would report) after each op. */
  readonly reclaimable: number[] = [];
  /** Bumped whenever the log changes (append, truncate), so derived data can be cached. */
  revision = 0;
  /** checkpoints[j] is the state after j × interval ops (checkpoints[0] is the base). */
  private readonly checkpoints: Superblock[] = [];
  /** The live engine and how many ops it has applied. */
  private engine: Superblock;
  private at = 0;

  private checkpointSize = 0;
  private _interval: number;

  constructor(
    base: Superblock,
    interval = DEFAULT_CHECKPOINT_INTERVAL,
    private readonly budget = DEFAULT_CHECKPOINT_BUDGET,
  ) {
    this._interval = interval;
    this.checkpoints.push(base.clone());
    this.checkpointSize = sizeOf(this.checkpoints[0]!);
    this.engine = base.clone();
  }

  /** Ops between checkpoints (doubles when the checkpoints outgrow their budget). */
  get interval(): number {
    return this._interval;
  }

  /** The state the log starts from (a copy). */
  base(): Superblock {
    return this.checkpoints[0]!.clone();
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
    this.ops.push(op);
    this.results.push(result);
    this.reclaimable.push(this.engine.reclaimableCount());
    this.revision++;
    this.at++;
    this.checkpointIfDue();
    return result;
  }

  private checkpointIfDue(): void {
    if (this.at % this._interval === 0 && this.checkpoints.length === this.at / this._interval) {
      const c = this.engine.clone();
      this.checkpoints.push(c);
      this.checkpointSize += sizeOf(c);
      if (this.checkpointSize > this.budget && this.checkpoints.length > 2) this.thin();
    }
  }

  /**
   * Like `append`, with micro-step recording of the op (for the op the explorer shows next).
   */
  appendRecorded(op: Op): RecordedOp {
    this.seek(this.ops.length);
    const rec = recordOp(this.engine, op);
    this.ops.push(op);
    this.results.push(rec.result);
    this.reclaimable.push(this.engine.reclaimableCount());
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
    this.reclaimable.length = n;
    this.revision++;
    this.checkpoints.length = Math.min(this.checkpoints.length, Math.floor(n / this._interval) + 1);
    this.checkpointSize = this.checkpoints.reduce((t, c) => t + sizeOf(c), 0);
    if (this.at > n) this.restore(n);
  }

  /**
   * The engine with exactly `k` ops applied (0 ≤ k ≤ length). The returned object is the live
   * engine: read it, or apply op k to it through `stepInto`; do not keep it across calls.
   */
  seek(k: number): Superblock {
    if (!Number.isInteger(k) || k < 0 || k > this.ops.length)
      throw new RangeError(`seek: ${k} is not in 0..${this.ops.length}`);
    if (k < this.at || Math.floor(k / this._interval) > Math.floor(this.at / this._interval))
      this.restore(k);
    const e = this.engine;
    while (this.at < k) applyOp(e, this.ops[this.at++]!);
    return e;
  }

  /** Bytes held by the checkpoints (typed arrays only). */
  checkpointBytes(): number {
    return this.checkpointSize;
  }

  /** Keeps every other checkpoint and doubles the interval. */
  private thin(): void {
    const kept = this.checkpoints.filter((_, j) => j % 2 === 0);
    this.checkpoints.length = 0;
    this.checkpoints.push(...kept);
    this._interval *= 2;
    this.checkpointSize = kept.reduce((t, c) => t + sizeOf(c), 0);
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

  private restore(k: number): void {
    const j = Math.min(Math.floor(k / this._interval), this.checkpoints.length - 1);
    this.engine = this.checkpoints[j]!.clone();
    this.at = j * this._interval;
  }
}

function sizeOf(sb: Superblock): number {
  return sb.pool.byteSize() + sb.cacheEs.byteLength * 4;
}
