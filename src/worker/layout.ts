/**
 * Tree layout for the drawing: d3-hierarchy's tidy tree (Reingold-Tilford, with Buchheim,
 * Jünger and Leipert's linear-time refinement, as d3.tree implements it) over an inode's
 * red-black tree. A lone child gets an invisible sibling on the other side, so it sits on its own
 * side of its parent instead of centred under it: `10b(,20r)` and `10b(20r,)` look different.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import { NIL, type RbPool } from '../core/rbtree.ts';
import { poolSource, type TreeSource } from './treeSource.ts';
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

const tidyTree = tree<Slot>().nodeSize([1, 1]).separation(separation);

export interface Layout {
  nodes: TreeNode[];
  minX: number;
  maxX: number;
  maxDepth: number;
}

/** Lays out tree `t` of `pool`; nodes come back in preorder. O(n). */
export function layoutRbTree(pool: RbPool, t: number): Layout {
  return layoutTree(poolSource(pool, t));
}

/** Lays out any tree given by a TreeSource; nodes come back in preorder. O(n). */
export function layoutTree(src: TreeSource): Layout {
  const root = src.root;
  if (root === NIL) return { nodes: [], minX: 0, maxX: 0, maxDepth: 0 };

  // Build the slot tree iteratively: a deep tree must not overflow the stack.
  const top: Slot = { id: root };
  const stack: Slot[] = [top];
  while (stack.length > 0) {
    const s = stack.pop()!;
    const l = src.left(s.id);
    const r = src.right(s.id);
    if (l === NIL && r === NIL) continue;
    const ls: Slot = { id: l };
    const rs: Slot = { id: r };
    s.children = [ls, rs];
    if (l !== NIL) stack.push(ls);
    if (r !== NIL) stack.push(rs);
  }

  const laid = tidyTree(hierarchy(top));
  const nodes: TreeNode[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let maxDepth = 0;
  laid.eachBefore((n) => {
    const id = n.data.id;
    if (id === NIL) return;
    const parent = n.parent && n.parent.data.id !== NIL ? n.parent.data.id : NIL;
    const r = src.rec(id);
    nodes.push({
      id,
      lblk: r.lblk,
      len: r.len,
      pblk: r.pblk,
      status: r.status,
      red: r.red,
      parent,
      side: parent === NIL ? 'root' : src.left(parent) === id ? 'left' : 'right',
      x: n.x,
      depth: n.depth,
    });
    if (n.x < minX) minX = n.x;
    if (n.x > maxX) maxX = n.x;
    if (n.depth > maxDepth) maxDepth = n.depth;
  });
  return { nodes, minX, maxX, maxDepth };
}
