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

/** What `preorderShape` needs to read a tree: its root and, per node, children, key, colour. */
export interface ShapeReader {
  root: number;
  left(n: number): number;
  right(n: number): number;
  lblk(n: number): number;
  red(n: number): boolean;
}

/**
 * A tree in preorder: `lblk` then `r` or `b`, and `(LEFT,RIGHT)` after a node with a child.
 * Iterative, so a deep tree cannot overflow the stack. O(n).
 */
export function preorderShape(t: ShapeReader): string {
  if (t.root === NIL) return '';
  const parts: string[] = [];
  // A stack of nodes (>0) and closing tokens: -1 writes ',', -2 writes ')'.
  const stack: number[] = [t.root];
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
    parts.push(String(t.lblk(n)), t.red(n) ? 'r' : 'b');
    const l = t.left(n);
    const r = t.right(n);
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

/** The tree of inode `ino` in preorder, as the vectors write it. O(n). */
export function dumpShape(sb: Superblock, ino: number): string {
  const p = sb.pool;
  return preorderShape({
    root: p.root[ino]!,
    left: (n) => p.left[n]!,
    right: (n) => p.right[n]!,
    lblk: (n) => p.lblk[n]!,
    red: (n) => p.color[n] === RED,
  });
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
