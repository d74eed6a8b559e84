/**
 * Tree layout for the drawing: d3-hierarchy's tidy tree (Reingold-Tilford, with Buchheim,
 * Jünger and Leipert's linear-time refinement, as d3.tree implements it) over an inode's
 * red-black tree. A lone child gets an invisible sibling on the other side, so it sits on its own
 * side of its parent instead of centred under it: `10b(,20r)` and `10b(20r,)` look different.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import { NIL, RED, type RbPool } from '../core/rbtree.ts';
import { hasPblk, statusName } from '../core/status.ts';
import type { TreeNode } from './protocol.ts';

interface Slot {
  /** Engine node index, or 0 for the invisible sibling of a lone child. */
  id: number;
  children?: Slot[];
}

/** A phantom slot is narrower than a node, so a lone child leans out without a wide gap. */
const PHANTOM_WEIGHT = 0.6;

function separation(a: HierarchyPointNode<Slot>, b: HierarchyPointNode<Slot>): number {
  const w = a.data.id === NIL || b.data.id === NIL ? PHANTOM_WEIGHT : 1;
  return a.parent === b.parent ? w : w * 1.15;
}

const layoutTree = tree<Slot>().nodeSize([1, 1]).separation(separation);

export interface Layout {
  nodes: TreeNode[];
  minX: number;
  maxX: number;
  maxDepth: number;
}

/** Lays out tree `t` of `pool`; nodes come back in preorder. O(n). */
export function layoutRbTree(pool: RbPool, t: number): Layout {
  const root = pool.root[t]!;
  if (root === NIL) return { nodes: [], minX: 0, maxX: 0, maxDepth: 0 };

  // Build the slot tree iteratively: a deep tree must not overflow the stack.
  const top: Slot = { id: root };
  const stack: Slot[] = [top];
  while (stack.length > 0) {
    const s = stack.pop()!;
    const l = pool.left[s.id]!;
    const r = pool.right[s.id]!;
    if (l === NIL && r === NIL) continue;
    const ls: Slot = { id: l };
    const rs: Slot = { id: r };
    s.children = [ls, rs];
    if (l !== NIL) stack.push(ls);
    if (r !== NIL) stack.push(rs);
  }

  const laid = layoutTree(hierarchy(top));
  const pos = new Map<number, HierarchyPointNode<Slot>>();
  laid.each((n) => {
    if (n.data.id !== NIL) pos.set(n.data.id, n);
  });

  const nodes: TreeNode[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let maxDepth = 0;
  laid.eachBefore((n) => {
    const id = n.data.id;
    if (id === NIL) return;
    const parent = pool.parent[id]!;
    const st = pool.status[id]!;
    nodes.push({
      id,
      lblk: pool.lblk[id]!,
      len: pool.len[id]!,
      pblk: hasPblk(st) ? pool.pblk[id]! : null,
      status: statusName(st),
      red: pool.color[id] === RED,
      parent,
      side: parent === NIL ? 'root' : pool.left[parent] === id ? 'left' : 'right',
      x: n.x,
      depth: n.depth,
    });
    if (n.x < minX) minX = n.x;
    if (n.x > maxX) maxX = n.x;
    if (n.depth > maxDepth) maxDepth = n.depth;
  });
  return { nodes, minX, maxX, maxDepth };
}
