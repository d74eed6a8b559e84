/**
 * The canonical state dump of the conformance vectors (`esx-vector/1`): the LRU order and, per
 * inode, lru_nr, the lblk of cache_es, the extents in order and the tree's preorder shape.
 */
import { NIL, RED } from './rbtree.ts';
import { hasPblk, statusName } from './status.ts';
import type { Superblock } from './superblock.ts';

/** `[lblk, len, status, pblk]`; pblk is null unless the status has W or U. */
export type ExtentTuple = [number, number, string, number | null];

export interface InodeState {
  ino: number;
  lru_nr: number;
  cache: number | null;
  extents: ExtentTuple[];
  shape: string;
}

export interface SbState {
  lru: number[];
  inodes: InodeState[];
}

/** The extent tuple of node `n`. */
export function extentTuple(sb: Superblock, n: number): ExtentTuple {
  const p = sb.pool;
  const st = p.status[n]!;
  return [p.lblk[n]!, p.len[n]!, statusName(st), hasPblk(st) ? p.pblk[n]! : null];
}

/** Extents of inode `ino` in logical order. O(n). */
export function dumpExtents(sb: Superblock, ino: number): ExtentTuple[] {
  const out: ExtentTuple[] = [];
  for (let n = sb.pool.rbFirst(ino); n !== NIL; n = sb.pool.rbNext(n)) out.push(extentTuple(sb, n));
  return out;
}

/**
 * The tree of inode `ino` in preorder: `lblk` then `r` or `b`, and `(LEFT,RIGHT)` after a node
 * with a child. Iterative, so a deep tree cannot overflow the stack. O(n).
 */
export function dumpShape(sb: Superblock, ino: number): string {
  const p = sb.pool;
  const root = p.root[ino]!;
  if (root === NIL) return '';
  const parts: string[] = [];
  // A stack of nodes (>0) and closing tokens: -1 writes ',', -2 writes ')'.
  const stack: number[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === -1) {
      parts.push(',');
      continue;
    }
    if (n === -2) {
      parts.push(')');
      continue;
    }
    parts.push(String(p.lblk[n]!), p.color[n] === RED ? 'r' : 'b');
    const l = p.left[n]!;
    const r = p.right[n]!;
    if (l !== NIL || r !== NIL) {
      parts.push('(');
      stack.push(-2);
      if (r !== NIL) stack.push(r);
      stack.push(-1);
      if (l !== NIL) stack.push(l);
    }
  }
  return parts.join('');
}

/** The state of one inode. O(n). */
export function dumpInode(sb: Superblock, ino: number): InodeState {
  const cache = sb.cacheEs[ino]!;
  return {
    ino,
    lru_nr: sb.lruNr[ino]!,
    cache: cache === NIL ? null : sb.pool.lblk[cache]!,
    extents: dumpExtents(sb, ino),
    shape: dumpShape(sb, ino),
  };
}

/** The whole canonical state. O(total extents + inodes). */
export function dumpState(sb: Superblock): SbState {
  const inodes: InodeState[] = [];
  for (let i = 1; i <= sb.inodeCount; i++) inodes.push(dumpInode(sb, i));
  return { lru: sb.lruOrder(), inodes };
}
