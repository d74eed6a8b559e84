/**
 * Rebuilds the vectors' preorder shape string (`10b(,20r)`) from drawn nodes, given only what a
 * reader of the drawing can see: each node's lblk, colour, parent and side. Tests use it to check
 * that the drawing is exactly the engine's tree.
 */
export interface ShapeNode {
  id: number;
  lblk: number;
  red: boolean;
  /** Parent id, 0 for the root. */
  parent: number;
  side: 'root' | 'left' | 'right';
}

/** The shape string, or an error message starting with `!` when the nodes are not one tree. */
export function shapeFromNodes(nodes: readonly ShapeNode[]): string {
  if (nodes.length === 0) return '';
  const kids = new Map<number, { left?: ShapeNode; right?: ShapeNode }>();
  let root: ShapeNode | undefined;
  for (const n of nodes) {
    if (n.side === 'root') {
      if (root) return '!two roots';
      root = n;
      continue;
    }
    const k = kids.get(n.parent) ?? {};
    if (k[n.side]) return `!two ${n.side} children under ${n.parent}`;
    k[n.side] = n;
    kids.set(n.parent, k);
  }
  if (!root) return '!no root';
  const out: string[] = [];
  let seen = 0;
  const stack: (ShapeNode | ',' | ')')[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === ',' || n === ')') {
      out.push(n);
      continue;
    }
    seen++;
    out.push(`${n.lblk}${n.red ? 'r' : 'b'}`);
    const k = kids.get(n.id);
    if (k && (k.left || k.right)) {
      out.push('(');
      stack.push(')');
      if (k.right) stack.push(k.right);
      stack.push(',');
      if (k.left) stack.push(k.left);
    }
  }
  if (seen !== nodes.length) return `!${nodes.length - seen} nodes not reachable from the root`;
  return out.join('');
}
