/**
 * Seeded workload generators: op streams shaped like the way ext4's 3.9 callers drive the extent
 * status tree (see the kernel notes: ext4_da_map_blocks, ext4_map_blocks, writeback, fallocate,
 * punch hole, truncate, eviction, the shrinker). They yield ops one by one, so a host can run
 * them in chunks with progress and cancellation; the same parameters give the same ops.
 */
import type { Op } from './ops.ts';
import { EXT_MAX_BLOCKS } from './superblock.ts';

export type WorkloadKind =
  | 'sequential-write'
  | 'random-write'
  | 'fallocate-convert'
  | 'punch-hole'
  | 'truncate'
  | 'sparse-read'
  | 'eviction'
  | 'mixed-pressure';

export const WORKLOAD_KINDS: readonly { kind: WorkloadKind; title: string; about: string }[] = [
  {
    kind: 'sequential-write',
    title: 'Sequential buffered write, then writeback',
    about:
      'Each block: a lookup misses, a delayed block is inserted and merges with the one before; writeback turns the delayed extent into a written one.',
  },
  {
    kind: 'random-write',
    title: 'Random writes',
    about: 'Delayed writes to random blocks, then writeback of what was written, range by range.',
  },
  {
    kind: 'fallocate-convert',
    title: 'fallocate, then writes convert unwritten to written',
    about:
      'fallocate caches the file as unwritten; each write converts a piece to written, splitting the unwritten extent.',
  },
  {
    kind: 'punch-hole',
    title: 'Punch holes',
    about:
      'A written file, then holes punched at random: removes that trim, split and erase extents.',
  },
  {
    kind: 'truncate',
    title: 'Truncate',
    about:
      'A written file cut shorter and shorter: remove from the new end to the end of the block space.',
  },
  {
    kind: 'sparse-read',
    title: 'Reading a sparse file',
    about:
      'Lookups in a sparse file: each miss in a gap caches a hole extent up to the next allocated block.',
  },
  {
    kind: 'eviction',
    title: 'Eviction',
    about: 'Files are written, then evicted: remove(0, EXT_MAX_BLOCKS) and off the LRU.',
  },
  {
    kind: 'mixed-pressure',
    title: 'Many files under memory pressure',
    about:
      'Writes, reads and writebacks over several files while the VM calls the shrinker (count, then scan).',
  },
];

export interface WorkloadParams {
  kind: WorkloadKind;
  /** Files (inodes) it uses, numbered from `firstIno`. */
  files: number;
  firstIno: number;
  /** Blocks per file. */
  fileSize: number;
  /** At most this many ops. */
  maxOps: number;
  seed: number;
  /** Call the shrinker every this many ops (0: never). */
  shrinkEvery: number;
  /** Objects the shrinker is asked to scan. */
  shrinkNr: number;
}

export const DEFAULT_WORKLOAD: WorkloadParams = {
  kind: 'sequential-write',
  files: 2,
  firstIno: 1,
  fileSize: 64,
  maxOps: 1000,
  seed: 1,
  shrinkEvery: 0,
  shrinkNr: 16,
};

/** Checks parameters; returns a message for the first bad one, or null. */
export function checkWorkload(p: WorkloadParams): string | null {
  if (!WORKLOAD_KINDS.some((w) => w.kind === p.kind)) return `unknown workload ${String(p.kind)}`;
  const int = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;
  if (!int(p.files, 1, 4096)) return 'files must be from 1 to 4096';
  if (!int(p.firstIno, 1, 1 << 20)) return 'the first inode must be from 1';
  if (!int(p.fileSize, 1, 1 << 24)) return 'file size must be from 1 to 16777216 blocks';
  if (!int(p.maxOps, 1, 10_000_000)) return 'op count must be from 1 to 10,000,000';
  if (!int(p.seed, 0, 0xffffffff)) return 'seed must be a 32-bit unsigned integer';
  if (!int(p.shrinkEvery, 0, 10_000_000)) return 'shrink frequency must be 0 or more';
  if (!int(p.shrinkNr, 1, 0x7fffffff)) return 'objects to scan must be from 1';
  return null;
}

/** mulberry32: small, fast and seeded; the engine never uses Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The physical start of file `ino`'s blocks: files sit apart so their blocks never meet. */
function physBase(ino: number): number {
  return 1_000_000 + ino * 16_777_216;
}

/**
 * The ops of a workload, lazily. Stops after `maxOps` ops. Delayed and hole extents carry no
 * physical block; written and unwritten ones map block b of file i to physBase(i) + b, so
 * neighbouring blocks are physically contiguous and merge as the kernel would merge them.
 */
export function* generateWorkload(p: WorkloadParams): Generator<Op, void, undefined> {
  const rnd = mulberry32(p.seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  let emitted = 0;
  let sinceShrink = 0;
  const files = Array.from({ length: p.files }, (_, i) => p.firstIno + i);
  const size = p.fileSize;

  function* shrinkMaybe(): Generator<Op, void, undefined> {
    if (p.shrinkEvery > 0 && ++sinceShrink >= p.shrinkEvery) {
      sinceShrink = 0;
      yield { op: 'shrink', nr: 0 };
      yield { op: 'shrink', nr: p.shrinkNr };
    }
  }
  // every op goes through here so that maxOps and the shrinker cadence hold for all kinds
  const stream = body();
  for (const op of stream) {
    if (emitted >= p.maxOps) return;
    yield op;
    emitted++;
    if (op.op !== 'shrink') {
      for (const s of shrinkMaybe()) {
        if (emitted >= p.maxOps) return;
        yield s;
        emitted++;
      }
    }
  }

  /** ext4_da_map_blocks for one block: lookup; on a miss or a hole, a delayed block. */
  function* delayedWrite(ino: number, b: number): Generator<Op, void, undefined> {
    yield { op: 'lookup', ino, lblk: b };
    yield { op: 'insert', ino, lblk: b, len: 1, status: 'D' };
  }

  /** Writeback maps a delayed range to written blocks. */
  function writeback(ino: number, lblk: number, len: number): Op {
    return { op: 'insert', ino, lblk, len, pblk: physBase(ino) + lblk, status: 'W' };
  }

  /** Writes a whole file as written extents (a file that was already on disk and read). */
  function* writtenFile(ino: number): Generator<Op, void, undefined> {
    yield { op: 'lookup', ino, lblk: 0 };
    yield writeback(ino, 0, size);
  }

  function* body(): Generator<Op, void, undefined> {
    switch (p.kind) {
      case 'sequential-write':
        for (const ino of files) {
          for (let b = 0; b < size; b++) yield* delayedWrite(ino, b);
          yield { op: 'find_delayed', ino, lblk: 0 };
          yield writeback(ino, 0, size);
        }
        return;
      case 'random-write':
        for (;;) {
          const ino = files[pick(files.length)]!;
          const written: number[] = [];
          for (let k = 0; k < 16; k++) {
            const b = pick(size);
            written.push(b);
            yield* delayedWrite(ino, b);
          }
          written.sort((a, c) => a - c);
          // writeback: each run of consecutive blocks is mapped in one go
          let start = written[0]!;
          let end = start;
          for (const b of written.slice(1)) {
            if (b <= end + 1) end = Math.max(end, b);
            else {
              yield writeback(ino, start, end - start + 1);
              start = end = b;
            }
          }
          yield writeback(ino, start, end - start + 1);
        }
      case 'fallocate-convert':
        for (const ino of files) {
          yield { op: 'insert', ino, lblk: 0, len: size, pblk: physBase(ino), status: 'U' };
        }
        for (;;) {
          const ino = files[pick(files.length)]!;
          const b = pick(size);
          const len = Math.min(1 + pick(8), size - b);
          yield { op: 'lookup', ino, lblk: b };
          yield writeback(ino, b, len);
        }
      case 'punch-hole':
        for (const ino of files) yield* writtenFile(ino);
        for (;;) {
          const ino = files[pick(files.length)]!;
          const b = pick(size);
          yield { op: 'remove', ino, lblk: b, len: 1 + pick(Math.max(1, Math.floor(size / 8))) };
          yield { op: 'lookup', ino, lblk: pick(size) };
        }
      case 'truncate':
        for (const ino of files) yield* writtenFile(ino);
        for (let end = size - 1; end >= 0; end -= 1 + pick(Math.max(1, Math.floor(size / 16)))) {
          for (const ino of files)
            yield { op: 'remove', ino, lblk: end, len: EXT_MAX_BLOCKS - end };
        }
        for (const ino of files) yield { op: 'remove', ino, lblk: 0, len: EXT_MAX_BLOCKS };
        return;
      case 'sparse-read': {
        // each file has a few allocated islands; reading the gaps caches holes up to the next one
        const islands = new Map<number, number[]>();
        for (const ino of files) {
          const starts = Array.from({ length: 4 }, () => pick(size)).sort((a, c) => a - c);
          islands.set(ino, starts);
          for (const s of starts)
            yield { op: 'insert', ino, lblk: s, len: 1, pblk: physBase(ino) + s, status: 'W' };
        }
        for (;;) {
          const ino = files[pick(files.length)]!;
          const b = pick(size * 2);
          yield { op: 'lookup', ino, lblk: b };
          const starts = islands.get(ino)!;
          if (starts.includes(b)) continue;
          const next = starts.find((s) => s > b);
          yield { op: 'insert', ino, lblk: b, len: (next ?? EXT_MAX_BLOCKS) - b, status: 'H' };
        }
      }
      case 'eviction':
        for (const ino of files) {
          for (let b = 0; b < Math.min(size, 64); b++) yield* delayedWrite(ino, b);
          yield writeback(ino, 0, Math.min(size, 64));
        }
        for (const ino of files) {
          yield { op: 'remove', ino, lblk: 0, len: EXT_MAX_BLOCKS };
          yield { op: 'lru_del', ino };
        }
        return;
      case 'mixed-pressure':
        for (;;) {
          const ino = files[pick(files.length)]!;
          const r = rnd();
          const b = pick(size);
          if (r < 0.4) yield* delayedWrite(ino, b);
          else if (r < 0.6) yield writeback(ino, b, Math.min(1 + pick(16), size - b));
          else if (r < 0.85) yield { op: 'lookup', ino, lblk: b };
          else if (r < 0.95) yield { op: 'find_delayed', ino, lblk: b };
          else yield { op: 'remove', ino, lblk: b, len: 1 + pick(8) };
        }
    }
  }
}
