import { describe, expect, it } from 'vitest';
import { dumpInode, dumpState } from './dump.ts';
import { checkInvariants } from './invariants.ts';
import { applyOp, newSuperblock, type Op } from './ops.ts';
import {
  checkWorkload,
  DEFAULT_WORKLOAD,
  generateWorkload,
  WORKLOAD_KINDS,
  type WorkloadParams,
} from './workloads.ts';

function run(p: Partial<WorkloadParams>, inodes = 8) {
  const params = { ...DEFAULT_WORKLOAD, ...p };
  const sb = newSuperblock(inodes);
  const ops: Op[] = [];
  for (const op of generateWorkload(params)) {
    ops.push(op);
    const r = applyOp(sb, op);
    expect(r.err, JSON.stringify(op)).toBeUndefined();
  }
  expect(checkInvariants(sb)).toEqual([]);
  return { sb, ops };
}

describe('generateWorkload', () => {
  for (const seed of [1, 2, 3]) {
    it(`generateWorkload sequential-write leaves one delayed extent [0/N) before writeback and one written extent after, seed ${seed}`, () => {
      const n = 20 + seed * 7;
      const params = {
        ...DEFAULT_WORKLOAD,
        kind: 'sequential-write' as const,
        files: 1,
        fileSize: n,
        seed,
        maxOps: 10_000,
      };
      const ops = [...generateWorkload(params)];
      const sb = newSuperblock(1);
      // before writeback: everything but the last two ops (find_delayed, writeback)
      for (const op of ops.slice(0, -2)) applyOp(sb, op);
      expect(dumpInode(sb, 1).extents).toEqual([[0, n, 'D', null]]);
      expect(applyOp(sb, ops.at(-2)!)).toEqual({ es: [0, n] });
      applyOp(sb, ops.at(-1)!);
      expect(dumpInode(sb, 1)).toMatchObject({
        extents: [[0, n, 'W', 1_000_000 + 16_777_216]],
        lru_nr: 1,
      });
    });
  }
  it('generateWorkload eviction leaves empty trees and the inodes off the LRU', () => {
    const { sb } = run({ kind: 'eviction', files: 3, fileSize: 40, maxOps: 100_000 }, 3);
    expect(dumpState(sb)).toMatchObject({ lru: [] });
    for (const i of dumpState(sb).inodes) expect(i.extents).toEqual([]);
  });
  it('generateWorkload fallocate-convert turns unwritten into written pieces with exact physical blocks', () => {
    const { sb } = run(
      { kind: 'fallocate-convert', files: 1, fileSize: 200, maxOps: 400, seed: 5 },
      1,
    );
    const ext = dumpInode(sb, 1).extents;
    const covered = ext.reduce((s, e) => s + e[1], 0);
    expect(covered).toBe(200); // conversion never loses or adds blocks
    for (const [lblk, , st, pblk] of ext) {
      expect(['U', 'W']).toContain(st);
      expect(pblk).toBe(1_000_000 + 16_777_216 + lblk);
    }
    expect(ext.some((e) => e[2] === 'W')).toBe(true);
  });
  it('generateWorkload sparse-read caches holes that end where allocated blocks start', () => {
    const { sb } = run({ kind: 'sparse-read', files: 1, fileSize: 500, maxOps: 300, seed: 3 }, 1);
    const ext = dumpInode(sb, 1).extents;
    expect(ext.some((e) => e[2] === 'H')).toBe(true);
    for (let k = 0; k + 1 < ext.length; k++)
      if (ext[k]![2] === 'H') expect(ext[k]![0] + ext[k]![1]).toBeLessThanOrEqual(ext[k + 1]![0]);
  });
  it('generateWorkload truncate ends with every file empty', () => {
    const { sb } = run({ kind: 'truncate', files: 2, fileSize: 100, maxOps: 10_000 }, 2);
    for (const i of dumpState(sb).inodes) expect(i.extents).toEqual([]);
  });
  it('generateWorkload punch-hole and random-write keep the blocks inside the file', () => {
    for (const kind of ['punch-hole', 'random-write'] as const) {
      const { sb } = run({ kind, files: 2, fileSize: 300, maxOps: 2000, seed: 9 }, 2);
      for (const i of dumpState(sb).inodes)
        for (const e of i.extents) expect(e[0] + e[1]).toBeLessThanOrEqual(300);
    }
  });
  it('generateWorkload mixed-pressure calls the shrinker at its cadence: count then scan', () => {
    const { ops } = run(
      {
        kind: 'mixed-pressure',
        files: 4,
        fileSize: 1000,
        maxOps: 5000,
        shrinkEvery: 100,
        shrinkNr: 32,
      },
      4,
    );
    const shrinks = ops.filter((o) => o.op === 'shrink');
    expect(shrinks.length).toBeGreaterThan(40);
    expect(shrinks.slice(0, 2)).toEqual([
      { op: 'shrink', nr: 0 },
      { op: 'shrink', nr: 32 },
    ]);
  });
  it('generateWorkload is deterministic, honours maxOps and every kind runs clean', () => {
    for (const { kind } of WORKLOAD_KINDS) {
      const p = { ...DEFAULT_WORKLOAD, kind, files: 3, maxOps: 777, shrinkEvery: 50 };
      const a = [...generateWorkload(p)];
      expect(a.length).toBeLessThanOrEqual(777);
      expect([...generateWorkload(p)]).toEqual(a);
      run(p, 3);
    }
  });
  it('checkWorkload explains bad parameters', () => {
    expect(checkWorkload(DEFAULT_WORKLOAD)).toBeNull();
    expect(checkWorkload({ ...DEFAULT_WORKLOAD, files: 0 })).toMatch(/files/);
    expect(checkWorkload({ ...DEFAULT_WORKLOAD, fileSize: 1.5 })).toMatch(/file size/);
    expect(checkWorkload({ ...DEFAULT_WORKLOAD, kind: 'nope' as never })).toMatch(/unknown/);
    expect(checkWorkload({ ...DEFAULT_WORKLOAD, seed: -1 })).toMatch(/seed/);
  });
  it('generateWorkload makes 100,000 ops that apply in well under a second', () => {
    const sb = newSuperblock(8);
    const t0 = performance.now();
    let n = 0;
    for (const op of generateWorkload({
      ...DEFAULT_WORKLOAD,
      kind: 'mixed-pressure',
      files: 8,
      fileSize: 100_000,
      maxOps: 100_000,
      shrinkEvery: 1000,
    })) {
      applyOp(sb, op);
      n++;
    }
    expect(n).toBe(100_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
