/**
 * A read-only view of one tree, whatever holds it: the engine's node pool (the state at an op
 * boundary) or a map of node records (the tree in the middle of an op, rebuilt from micro-steps).
 * Layout, extents and shape are computed from a TreeSource, so both draw the same way.
 */
import { preorderShape, type ExtentTuple } from '../core/dump.ts';
import { NIL, RED, type RbPool } from '../core/rbtree.ts';
import type { NodeRec } from '../core/snapshot.ts';
import { hasPblk, statusName } from '../core/status.ts';

export interface NodeInfo {
  lblk: number;
  len: number;
  pblk: number | null;
  status: string;
  red: boolean;
}

export interface TreeSource {
  root: number;
  left(id: number): number;
  right(id: number): number;
  rec(id: number): NodeInfo;
}

export function poolSource(pool: RbPool, t: number): TreeSource {
  return {
    root: pool.root[t]!,
    left: (id) => pool.left[id]!,
    right: (id) => pool.right[id]!,
    rec: (id) => {
      const st = pool.status[id]!;
      return {
        lblk: pool.lblk[id]!,
        len: pool.len[id]!,
        pblk: hasPblk(st) ? pool.pblk[id]! : null,
        status: statusName(st),
        red: pool.color[id] === RED,
      };
    },
  };
}

export function recordSource(nodes: ReadonlyMap<number, NodeRec>, root: number): TreeSource {
  const get = (id: number) => nodes.get(id);
  return {
    root,
    left: (id) => get(id)?.left ?? NIL,
    right: (id) => get(id)?.right ?? NIL,
    rec: (id) => {
      const n = get(id)!;
      return { lblk: n.lblk, len: n.len, pblk: n.pblk, status: n.status, red: n.color === 'r' };
    },
  };
}

/**
 * A pool overlaid with node records: a tree in the middle of an op, where the pool is the state
 * before the op and `overlay` holds every node the op's steps have changed so far.
 */
export function overlaySource(
  pool: RbPool,
  overlay: ReadonlyMap<number, NodeRec>,
  root: number,
): TreeSource {
  const base = poolSource(pool, 0);
  return {
    root,
    left: (id) => overlay.get(id)?.left ?? base.left(id),
    right: (id) => overlay.get(id)?.right ?? base.right(id),
    rec: (id) => {
      const n = overlay.get(id);
      if (!n) return base.rec(id);
      return { lblk: n.lblk, len: n.len, pblk: n.pblk, status: n.status, red: n.color === 'r' };
    },
  };
}

/** Extents in logical (in-order) order. Iterative. O(n). */
export function sourceExtents(src: TreeSource): ExtentTuple[] {
  const out: ExtentTuple[] = [];
  const stack: number[] = [];
  let n = src.root;
  while (n !== NIL || stack.length) {
    while (n !== NIL) {
      stack.push(n);
      n = src.left(n);
    }
    const m = stack.pop()!;
    const r = src.rec(m);
    out.push([r.lblk, r.len, r.status, r.pblk]);
    n = src.right(m);
  }
  return out;
}

/** The vectors' preorder shape string. O(n). */
export function sourceShape(src: TreeSource): string {
  return preorderShape({
    root: src.root,
    left: src.left,
    right: src.right,
    lblk: (n) => src.rec(n).lblk,
    red: (n) => src.rec(n).red,
  });
}
