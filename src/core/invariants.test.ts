import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants.ts';
import { applyOp, newSuperblock } from './ops.ts';
import { BLACK, RED } from './rbtree.ts';

function sample() {
  const sb = newSuperblock(3);
  for (const [lblk, st] of [
    [10, 'W'],
    [20, 'D'],
    [30, 'W'],
    [40, 'U'],
    [50, 'H'],
  ] as const) {
    applyOp(sb, { op: 'insert', ino: 1, lblk, len: 5, pblk: lblk * 10, status: st });
  }
  applyOp(sb, { op: 'lookup', ino: 2, lblk: 0 });
  return sb;
}

describe('checkInvariants', () => {
  it('checkInvariants finds nothing wrong in a valid state', () => {
    expect(checkInvariants(sample())).toEqual([]);
  });
  it('checkInvariants reports a red root, a red-red edge and a black-height difference', () => {
    const sb = sample();
    const root = sb.pool.root[1]!;
    sb.pool.color[root] = RED;
    expect(checkInvariants(sb).join()).toMatch(/root is red/);
    sb.pool.color[root] = BLACK;
    const l = sb.pool.left[root]!;
    sb.pool.color[l] = sb.pool.color[l] === RED ? BLACK : RED;
    expect(checkInvariants(sb).join()).toMatch(/black height|red child/);
  });
  it('checkInvariants reports overlap, a wrong lru_nr, a stray cache_es and a broken LRU', () => {
    let sb = sample();
    const first = sb.pool.rbFirst(1);
    sb.pool.len[first] = 100;
    expect(checkInvariants(sb).join()).toMatch(/overlaps/);

    sb = sample();
    sb.lruNr[1] = 9;
    expect(checkInvariants(sb).join()).toMatch(/lru_nr 9/);

    sb = sample();
    sb.cacheEs[2] = sb.pool.root[1]!;
    expect(checkInvariants(sb).join()).toMatch(/cache_es is not in its tree/);

    sb = sample();
    sb.lruPrev[1] = 2;
    expect(checkInvariants(sb).join()).toMatch(/LRU/);

    sb = sample();
    sb.lruNext[0] = 3;
    expect(checkInvariants(sb).join()).toMatch(/LRU|off the LRU/);
  });
  it('checkInvariants reports a bad parent link and a leaked node', () => {
    let sb = sample();
    const root = sb.pool.root[1]!;
    sb.pool.parent[sb.pool.right[root]!] = 0;
    expect(checkInvariants(sb).join()).toMatch(/parent link/);
    sb = sample();
    sb.pool.alloc();
    expect(checkInvariants(sb).join()).toMatch(/nodes allocated/);
  });
});
