import { describe, expect, it } from 'vitest';
import { applyOp, newSuperblock } from './ops.ts';
import { sbStats, treeStats } from './stats.ts';

describe('treeStats', () => {
  it('treeStats counts extents per status and keeps the height within the red-black bound', () => {
    const sb = newSuperblock(1);
    for (let k = 0; k < 1000; k++)
      applyOp(sb, {
        op: 'insert',
        ino: 1,
        lblk: k * 2,
        len: 1,
        pblk: k * 7,
        status: k % 3 ? 'W' : 'D',
      });
    const s = treeStats(sb, 1);
    expect(s.extents).toBe(1000);
    expect(s.byStatus).toEqual({ W: 666, D: 334 });
    expect(s.blocks).toBe(1000);
    expect(s.height).toBeGreaterThanOrEqual(Math.ceil(Math.log2(1001)));
    expect(s.height).toBeLessThanOrEqual(s.bound);
    expect(treeStats(newSuperblock(1), 1)).toMatchObject({ extents: 0, height: 0, bound: 0 });
  });
});

describe('sbStats', () => {
  it('sbStats counts lookups answered by cache_es', () => {
    const sb = newSuperblock(1);
    expect(sbStats(sb).hitRatio).toBeNull();
    applyOp(sb, { op: 'insert', ino: 1, lblk: 10, len: 5, pblk: 100, status: 'W' });
    applyOp(sb, { op: 'insert', ino: 1, lblk: 20, len: 5, pblk: 300, status: 'W' });
    applyOp(sb, { op: 'lookup', ino: 1, lblk: 22 }); // cache_es is [20/5): hit
    applyOp(sb, { op: 'lookup', ino: 1, lblk: 11 }); // miss, and lookup does not move the cache
    applyOp(sb, { op: 'lookup', ino: 1, lblk: 12 }); // still a miss
    expect(sbStats(sb)).toMatchObject({ lookups: 3, cacheHits: 1, reclaimable: 2, liveExtents: 2 });
    expect(sbStats(sb).hitRatio).toBeCloseTo(1 / 3);
  });
});
