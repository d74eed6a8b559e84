/**
 * Time travel over an op log. The state after k ops is a function of (base, ops[0..k)); History
 * keeps the log, each op's result, and a checkpoint (a full copy of the superblock) every
 * `interval` ops, so seeking to any op restores the nearest checkpoint at or before it and
 * replays at most `interval` ops on the fast path. Seek is O(state + interval); memory is
 * O(state × ops / interval).
 */
import { applyOp, type Op, type OpResult } from './ops.ts';
import { recordOp, type RecordedOp } from './steps.ts';
import type { Superblock } from './superblock.ts';

export const DEFAULT_CHECKPOINT_INTERVAL = 2000;

export class History {
  /** The op log and each op's result. */
  readonly ops: Op[] = [];
  readonly results: OpResult[] = [];
  /** checkpoints[j] is the state after j × interval ops (checkpoints[0] is the base). */
  private readonly checkpoints: Superblock[] = [];
  /** The live engine and how many ops it has applied. */
  private engine: Superblock;
  private at = 0;

  constructor(
    base: Superblock,
    readonly interval = DEFAULT_CHECKPOINT_INTERVAL,
  ) {
    this.checkpoints.push(base.clone());
    this.engine = base.clone();
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
    this.at++;
    if (this.at % this.interval === 0 && this.checkpoints.length === this.at / this.interval) {
      this.checkpoints.push(this.engine.clone());
    }
    return result;
  }

  /** Drops every op from index `n` on (and the checkpoints past it). O(dropped). */
  truncate(n: number): void {
    if (n >= this.ops.length) return;
    this.ops.length = n;
    this.results.length = n;
    this.checkpoints.length = Math.floor(n / this.interval) + 1;
    if (this.at > n) this.restore(n);
  }

  /**
   * The engine with exactly `k` ops applied (0 ≤ k ≤ length). The returned object is the live
   * engine: read it, or apply op k to it through `stepInto`; do not keep it across calls.
   */
  seek(k: number): Superblock {
    if (!Number.isInteger(k) || k < 0 || k > this.ops.length)
      throw new RangeError(`seek: ${k} is not in 0..${this.ops.length}`);
    if (k < this.at || Math.floor(k / this.interval) > Math.floor(this.at / this.interval))
      this.restore(k);
    const e = this.engine;
    while (this.at < k) applyOp(e, this.ops[this.at++]!);
    return e;
  }

  /** Bytes held by the checkpoints (typed arrays only). */
  checkpointBytes(): number {
    let n = 0;
    for (const c of this.checkpoints) n += c.pool.byteSize() + c.cacheEs.byteLength * 4;
    return n;
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
    const j = Math.min(Math.floor(k / this.interval), this.checkpoints.length - 1);
    this.engine = this.checkpoints[j]!.clone();
    this.at = j * this.interval;
  }
}
