/**
 * The benchmark workload: a seeded op stream like the kernel oracle's "perf" profile (4 inodes,
 * a 4M-block logical span, about 50% insert, 10% remove, 30% lookup, 5% find_delayed, rare
 * shrink and lru_del), generated into typed arrays so that generating it costs no objects.
 */
import { ST_DELAYED, ST_HOLE, ST_UNWRITTEN, ST_WRITTEN, statusName } from '../core/status.ts';
import { mulberry32 } from '../core/workloads.ts';

export const W_INSERT = 1;
export const W_REMOVE = 2;
export const W_LOOKUP = 3;
export const W_FIND_DELAYED = 4;
export const W_SHRINK = 5;
export const W_LRU_DEL = 6;

export interface Workload {
  inodes: number;
  count: number;
  kind: Uint8Array;
  ino: Uint8Array;
  lblk: Uint32Array;
  len: Uint32Array;
  pblk: Float64Array;
  status: Uint8Array;
}

/** The engine's seeded PRNG (mulberry32), as `prng` for the benchmark. */
export const prng = mulberry32;

const STATUSES = [
  ST_WRITTEN,
  ST_WRITTEN,
  ST_WRITTEN,
  ST_UNWRITTEN,
  ST_UNWRITTEN,
  ST_DELAYED,
  ST_DELAYED,
  ST_HOLE,
];
const SHRINK_NR = [0, 1, 2, 3, 5, 8, 16, 64];

export function makeWorkload(
  count: number,
  seed: number,
  inodes = 4,
  span = 4_000_000,
  maxLen = 16,
): Workload {
  const rnd = prng(seed);
  const w: Workload = {
    inodes,
    count,
    kind: new Uint8Array(count),
    ino: new Uint8Array(count),
    lblk: new Uint32Array(count),
    len: new Uint32Array(count),
    pblk: new Float64Array(count),
    status: new Uint8Array(count),
  };
  const base = [0];
  for (let i = 1; i <= inodes; i++) base.push(Math.floor(rnd() * (1 << 20)) * 8);
  for (let k = 0; k < count; k++) {
    const r = rnd() * 95.03;
    const ino = 1 + Math.floor(rnd() * inodes);
    const lblk = Math.floor(rnd() * span);
    const len = rnd() < 0.01 ? 0 : 1 + Math.floor(rnd() * maxLen);
    w.ino[k] = ino;
    w.lblk[k] = lblk;
    w.len[k] = len;
    if (r < 50) {
      const st = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
      w.kind[k] = W_INSERT;
      w.status[k] = st;
      w.pblk[k] =
        st === ST_DELAYED || st === ST_HOLE
          ? 0
          : rnd() < 0.6
            ? base[ino]! + lblk
            : Math.floor(rnd() * 2 ** 32);
    } else if (r < 60) w.kind[k] = W_REMOVE;
    else if (r < 90) w.kind[k] = W_LOOKUP;
    else if (r < 95) w.kind[k] = W_FIND_DELAYED;
    else if (r < 95.02) {
      w.kind[k] = W_SHRINK;
      w.len[k] = SHRINK_NR[Math.floor(rnd() * SHRINK_NR.length)]!;
    } else w.kind[k] = W_LRU_DEL;
  }
  return w;
}

/** Op `k` of the workload as an esx-ops/1 line. */
export function workloadLine(w: Workload, k: number): string {
  const ino = w.ino[k]!;
  switch (w.kind[k]) {
    case W_INSERT:
      return `{"op":"insert","ino":${ino},"lblk":${w.lblk[k]},"len":${w.len[k]},"pblk":${w.pblk[k]},"status":"${statusName(w.status[k]!)}"}`;
    case W_REMOVE:
      return `{"op":"remove","ino":${ino},"lblk":${w.lblk[k]},"len":${w.len[k]}}`;
    case W_LOOKUP:
      return `{"op":"lookup","ino":${ino},"lblk":${w.lblk[k]}}`;
    case W_FIND_DELAYED:
      return `{"op":"find_delayed","ino":${ino},"lblk":${w.lblk[k]}}`;
    case W_SHRINK:
      return `{"op":"shrink","nr":${w.len[k]}}`;
    default:
      return `{"op":"lru_del","ino":${ino}}`;
  }
}
