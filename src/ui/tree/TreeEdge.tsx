import { memo, type CSSProperties } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { NODE_H, nodeX, nodeY } from './geometry.ts';

/** The link from a node up to its parent, as a CSS `d` path so it glides with the nodes. */
export const TreeEdge = memo(function TreeEdge({ id }: { id: number }) {
  const node = useEsx((s) => s.tree.byId[id]);
  const parent = useEsx((s) => (node ? s.tree.byId[node.parent] : undefined));
  if (!node || !parent) return null;
  const x1 = nodeX(parent.x);
  const y1 = nodeY(parent.depth) + NODE_H / 2;
  const x2 = nodeX(node.x);
  const y2 = nodeY(node.depth) - NODE_H / 2;
  const my = (y1 + y2) / 2;
  const d = `path("M ${x1} ${y1} C ${x1} ${my}, ${x2} ${my}, ${x2} ${y2}")`;
  return <path className={`rb-edge ${node.side}`} style={{ d } as CSSProperties} />;
});
