/**
 * The drawn tree as ids plus one record per node, with structural sharing: a node whose fields
 * did not change keeps its old object, so its component (subscribed to that record) skips render.
 */
import type { InodeDetail, TreeNode } from '../worker/protocol.ts';

export interface TreeRecords {
  ino: number;
  ids: number[];
  byId: Record<number, TreeNode>;
  cacheId: number;
  minX: number;
  maxX: number;
  maxDepth: number;
}

export const EMPTY_TREE: TreeRecords = {
  ino: 0,
  ids: [],
  byId: {},
  cacheId: 0,
  minX: 0,
  maxX: 0,
  maxDepth: 0,
};

function sameNode(a: TreeNode, b: TreeNode): boolean {
  return (
    a.id === b.id &&
    a.lblk === b.lblk &&
    a.len === b.len &&
    a.pblk === b.pblk &&
    a.status === b.status &&
    a.red === b.red &&
    a.parent === b.parent &&
    a.side === b.side &&
    a.x === b.x &&
    a.depth === b.depth
  );
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Records for `detail`, reusing every unchanged object of `prev`. O(n). */
export function toTreeRecords(prev: TreeRecords, detail: InodeDetail): TreeRecords {
  const byId: Record<number, TreeNode> = {};
  const ids: number[] = [];
  const sameInode = prev.ino === detail.ino;
  for (const n of detail.nodes) {
    const old = sameInode ? prev.byId[n.id] : undefined;
    byId[n.id] = old && sameNode(old, n) ? old : n;
    ids.push(n.id);
  }
  return {
    ino: detail.ino,
    ids: sameInode && sameIds(prev.ids, ids) ? prev.ids : ids,
    byId,
    cacheId: detail.cacheId,
    minX: detail.minX,
    maxX: detail.maxX,
    maxDepth: detail.maxDepth,
  };
}
