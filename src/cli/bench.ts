/** `esx bench`: runs the seeded workload on the engine and prints ops/s and memory. */
import { writeFileSync } from 'node:fs';
import { DEFAULT_CHECKPOINT_BUDGET, History } from '../core/history.ts';
import type { Op } from '../core/ops.ts';
import { statusName } from '../core/status.ts';
import { Superblock } from '../core/superblock.ts';
import {
  makeWorkload,
  workloadLine,
  W_FIND_DELAYED,
  W_INSERT,
  W_LOOKUP,
  W_LRU_DEL,
  W_REMOVE,
  W_SHRINK,
  type Workload,
} from './workload.ts';

function apply(sb: Superblock, w: Workload, k: number): void {
  const ino = w.ino[k]!;
  switch (w.kind[k]) {
    case W_INSERT:
      sb.insert(ino, w.lblk[k]!, w.len[k]!, w.pblk[k]!, w.status[k]!);
      break;
    case W_REMOVE:
      sb.remove(ino, w.lblk[k]!, w.len[k]!);
      break;
    case W_LOOKUP:
      sb.lookup(ino, w.lblk[k]!);
      break;
    case W_FIND_DELAYED:
      sb.findDelayed(ino, w.lblk[k]!);
      break;
    case W_SHRINK:
      sb.shrink(w.len[k]!);
      break;
    case W_LRU_DEL:
      sb.lruDel(ino);
      break;
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export function runBench(count: number, seed: number, write: (s: string) => void): void {
  const w = makeWorkload(count, seed);
  const mix = new Map<number, number>();
  for (let k = 0; k < count; k++) mix.set(w.kind[k]!, (mix.get(w.kind[k]!) ?? 0) + 1);
  const names = ['', 'insert', 'remove', 'lookup', 'find_delayed', 'shrink', 'lru_del'];
  write(`workload: ${count} ops, seed ${seed}, 4 inodes, span 4M blocks\n`);
  write(
    `  mix: ${[...mix]
      .sort((a, b) => a[0] - b[0])
      .map(([k, n]) => `${names[k]} ${n}`)
      .join(', ')}\n`,
  );

  let peakRss = process.memoryUsage().rss;
  const rounds = 3;
  const times: number[] = [];
  let sb = new Superblock(w.inodes);
  for (let round = 0; round < rounds; round++) {
    sb = new Superblock(w.inodes);
    const t0 = performance.now();
    for (let k = 0; k < count; k++) {
      apply(sb, w, k);
      if ((k & 0xffff) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    times.push(performance.now() - t0);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  times.sort((a, b) => a - b);
  const best = times[0]!;
  const median = times[Math.floor(rounds / 2)]!;
  let live = 0;
  for (let i = 1; i <= w.inodes; i++)
    for (let n = sb.pool.rbFirst(i); n; n = sb.pool.rbNext(n)) live++;
  write(`engine (fast path, no recording), ${rounds} rounds:\n`);
  write(
    `  best ${best.toFixed(0)} ms = ${Math.round(count / (best / 1000)).toLocaleString('en')} ops/s; median ${median.toFixed(0)} ms = ${Math.round(count / (median / 1000)).toLocaleString('en')} ops/s\n`,
  );
  write(`  live extents at the end: ${live}; engine arrays: ${mb(sb.pool.byteSize())}\n`);
  write(`  peak RSS ${mb(peakRss)}; heap used now ${mb(process.memoryUsage().heapUsed)}\n`);
}

export function writeWorkload(file: string, count: number, seed: number): void {
  const w = makeWorkload(count, seed);
  const lines = [JSON.stringify({ format: 'esx-ops/1', inodes: w.inodes, seed, ops: count })];
  for (let k = 0; k < count; k++) lines.push(workloadLine(w, k));
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Op `k` of the workload as an op object. */
function workloadOp(w: Workload, k: number): Op {
  const ino = w.ino[k]!;
  switch (w.kind[k]) {
    case W_INSERT:
      return {
        op: 'insert',
        ino,
        lblk: w.lblk[k]!,
        len: w.len[k]!,
        pblk: w.pblk[k]!,
        status: statusName(w.status[k]!),
      };
    case W_REMOVE:
      return { op: 'remove', ino, lblk: w.lblk[k]!, len: w.len[k]! };
    case W_LOOKUP:
      return { op: 'lookup', ino, lblk: w.lblk[k]! };
    case W_FIND_DELAYED:
      return { op: 'find_delayed', ino, lblk: w.lblk[k]! };
    case W_SHRINK:
      return { op: 'shrink', nr: w.len[k]! };
    default:
      return { op: 'lru_del', ino };
  }
}

/** Seek figures: a history of `count` ops, random seeks, percentiles and memory. */
export function runSeekBench(count: number, seed: number, write: (s: string) => void): void {
  const heap0 = process.memoryUsage();
  const w = makeWorkload(count, seed);
  const h = new History(new Superblock(w.inodes));
  const t0 = performance.now();
  for (let k = 0; k < count; k++) h.append(workloadOp(w, k));
  const buildMs = performance.now() - t0;
  const end = h.seek(count);
  const live = end.pool.live;
  let x = seed * 7919;
  const times: number[] = [];
  const t1 = performance.now();
  for (let i = 0; i < 300; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const k = x % (count + 1);
    const s = performance.now();
    h.seek(k);
    times.push(performance.now() - s);
  }
  const seekMs = performance.now() - t1;
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
  const mem = process.memoryUsage();
  const cp = h.checkpointStats();
  write(
    `history: ${count} ops (${live} live extents at the end), built in ${buildMs.toFixed(0)} ms\n`,
  );
  write(
    `  seek to a random op: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${times.at(-1)!.toFixed(2)} ms (300 seeks in ${seekMs.toFixed(0)} ms)\n`,
  );
  write(
    `  checkpoints: ${cp.checkpoints}, one every ${cp.interval} ops, ${cp.fullCopies} of them full copies, the rest deltas: ${mb(cp.bytes)} (budget ${mb(DEFAULT_CHECKPOINT_BUDGET)})\n`,
  );
  write(
    `  memory: checkpoints ${mb(h.checkpointBytes())}; heap used ${mb(mem.heapUsed - heap0.heapUsed)} + array buffers ${mb(mem.arrayBuffers - heap0.arrayBuffers)} over the start\n`,
  );
}

/** Scale figures: engine memory at 1,000,000 live extents. */
export function runScaleBench(write: (s: string) => void): void {
  const before = process.memoryUsage();
  const sb = new Superblock(4);
  const t0 = performance.now();
  // 250,000 extents per inode, a block apart so that none merge
  for (let k = 0; k < 1_000_000; k++) sb.insert(1 + (k & 3), (k >> 2) * 2, 1, k * 7, 8);
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  write(`scale: 1,000,000 live extents inserted in ${ms.toFixed(0)} ms\n`);
  write(
    `  engine arrays ${mb(sb.pool.byteSize())}; heap + array buffers grew ${mb(after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers)}; RSS ${mb(after.rss)}\n`,
  );
  const t1 = performance.now();
  let found = 0;
  for (let k = 0; k < 100_000; k++) {
    sb.lookup(1 + (k & 3), ((k * 7919) % 250_000) * 2);
    found += sb.rFound;
  }
  write(
    `  100,000 lookups on those trees: ${(performance.now() - t1).toFixed(0)} ms (${found} hits)\n`,
  );
}
