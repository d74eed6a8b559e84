/**
 * Statistics for the explorer's panel: extents per status, tree height against the red-black
 * bound 2·log2(n+1), the share of lookups cache_es answered, and the reclaimable count.
 */
import { NIL } from './rbtree.ts';
import { statusName } from './status.ts';
import type { Superblock } from './superblock.ts';

export interface TreeStats {
  ino: number;
  extents: number;
  /** extents per status name ("W", "UD", ...) */
  byStatus: Record<string, number>;
  /** nodes on the longest root-to-leaf path (0 for an empty tree) */
  height: number;
  /** the red-black bound on the height: 2·log2(n+1) */
  bound: number;
  blocks: number;
}

/** Stats of one inode's tree. O(n), iterative. */
export function treeStats(sb: Superblock, ino: number): TreeStats {
  const p = sb.pool;
  const byStatus: Record<string, number> = {};
  let extents = 0;
  let blocks = 0;
  let height = 0;
  const stack: [number, number][] = [];
  if (p.root[ino] !== NIL) stack.push([p.root[ino]!, 1]);
  while (stack.length) {
    const [n, d] = stack.pop()!;
    extents++;
    blocks += p.len[n]!;
    const st = statusName(p.status[n]!);
    byStatus[st] = (byStatus[st] ?? 0) + 1;
    if (d > height) height = d;
    if (p.left[n] !== NIL) stack.push([p.left[n]!, d + 1]);
    if (p.right[n] !== NIL) stack.push([p.right[n]!, d + 1]);
  }
  return { ino, extents, byStatus, height, bound: 2 * Math.log2(extents + 1), blocks };
}

export interface SbStats {
  lookups: number;
  cacheHits: number;
  /** cacheHits / lookups, or null before the first lookup */
  hitRatio: number | null;
  reclaimable: number;
  liveExtents: number;
}

/** Superblock-wide counters. O(inodes on the LRU). */
export function sbStats(sb: Superblock): SbStats {
  return {
    lookups: sb.lookups,
    cacheHits: sb.cacheHits,
    hitRatio: sb.lookups ? sb.cacheHits / sb.lookups : null,
    reclaimable: sb.reclaimableCount(),
    liveExtents: sb.pool.live,
  };
}
