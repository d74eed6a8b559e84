/**
 * Plain, serialisable pictures of an inode's tree with stable node ids (pool indices), for the
 * views and for micro-steps: a node keeps its id for as long as it lives, even when rb_erase
 * moves it into another place, so a view can animate it from its old place to its new one.
 */
import { NIL, RED } from './rbtree.ts';
import { hasPblk, statusName } from './status.ts';
import type { Superblock } from './superblock.ts';

export interface NodeRec {
  id: number;
  lblk: number;
  len: number;
  status: string;
  /** null unless the status has W or U */
  pblk: number | null;
  color: 'r' | 'b';
  /** ids of the children and parent; 0 for none */
  left: number;
  right: number;
  parent: number;
}

export interface InodeSnapshot {
  ino: number;
  root: number;
  /** id of cache_es, 0 for none */
  cache: number;
  lruNr: number;
  onLru: boolean;
  /** every node of the tree, in logical order */
  nodes: NodeRec[];
}

/** The record of node `n` as it is now. O(1). */
export function nodeRec(sb: Superblock, n: number): NodeRec {
  const p = sb.pool;
  const st = p.status[n]!;
  return {
    id: n,
    lblk: p.lblk[n]!,
    len: p.len[n]!,
    status: statusName(st),
    pblk: hasPblk(st) ? p.pblk[n]! : null,
    color: p.color[n] === RED ? 'r' : 'b',
    left: p.left[n]!,
    right: p.right[n]!,
    parent: p.parent[n]!,
  };
}

/** The whole tree of inode `ino`. O(n). */
export function snapshotInode(sb: Superblock, ino: number): InodeSnapshot {
  const nodes: NodeRec[] = [];
  for (let n = sb.pool.rbFirst(ino); n !== NIL; n = sb.pool.rbNext(n)) nodes.push(nodeRec(sb, n));
  return {
    ino,
    root: sb.pool.root[ino]!,
    cache: sb.cacheEs[ino]!,
    lruNr: sb.lruNr[ino]!,
    onLru: sb.onLru(ino),
    nodes,
  };
}

/** `[lblk/len)`, the kernel's way of writing an extent. */
export function fmtExtent(lblk: number, len: number): string {
  return `[${lblk}/${len})`;
}
