import { memo } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { STATUS_LABEL, statusFill } from '../shared/status.ts';
import { NODE_H, NODE_W, nodeX, nodeY } from './geometry.ts';

/** The step debugger's mark: the node the current step is about, or one the step/op changed. */
export type NodeMark = 'focus' | 'changed' | 'found' | null;

interface Props {
  id: number;
  cached: boolean;
  mark: NodeMark;
}

/**
 * One red-black node. Red and black differ in three ways besides colour: the badge letter (R/B),
 * the outline (red nodes dashed, black solid and heavier) and the badge fill. cache_es gets a
 * thick ring and a tag above the node. The step debugger's marks differ by shape too: the node a
 * step is about gets a thick solid frame with corner ticks, a changed node a dotted frame.
 */
export const TreeNodeView = memo(function TreeNodeView({ id, cached, mark }: Props) {
  const node = useEsx((s) => s.tree.byId[id]);
  const parentLblk = useEsx((s) => (node ? s.tree.byId[node.parent]?.lblk : undefined));
  if (!node) return null;
  const color = node.red ? 'red' : 'black';
  const x = nodeX(node.x);
  const y = nodeY(node.depth);
  const w2 = NODE_W / 2;
  const h2 = NODE_H / 2;
  const status = STATUS_LABEL[node.status] ?? node.status;
  const where = node.side === 'root' ? 'root' : `${node.side} child of ${parentLblk ?? '?'}`;
  const label = `[${node.lblk}/${node.len}) ${status}${node.pblk === null ? '' : ` at ${node.pblk}`}, ${color}, ${where}${cached ? ', cache_es' : ''}`;
  return (
    <g
      className={`rb-node ${color}${cached ? ' cached' : ''}${mark ? ` mark-${mark}` : ''}`}
      style={{ transform: `translate(${x}px, ${y}px)` }}
      data-id={node.id}
      data-lblk={node.lblk}
      data-len={node.len}
      data-status={node.status}
      data-color={color}
      data-parent={node.parent}
      data-side={node.side}
      data-cache={cached ? 'true' : undefined}
      data-mark={mark ?? undefined}
      role="img"
      aria-label={label}
      aria-description={
        mark === 'focus'
          ? 'in the current step'
          : mark === 'changed'
            ? 'changed'
            : mark === 'found'
              ? 'found by Go to block'
              : undefined
      }
    >
      {mark && (
        <rect
          className="step-ring"
          x={-w2 - 11}
          y={-h2 - 11}
          width={NODE_W + 22}
          height={NODE_H + 22}
          rx={14}
        />
      )}
      {cached && (
        <rect
          className="cache-ring"
          x={-w2 - 6}
          y={-h2 - 6}
          width={NODE_W + 12}
          height={NODE_H + 12}
          rx={11}
        />
      )}
      <rect className="box" x={-w2} y={-h2} width={NODE_W} height={NODE_H} rx={7} />
      <rect
        className="strip"
        x={-w2 + 1.5}
        y={-h2 + 1.5}
        width={14}
        height={NODE_H - 3}
        rx={5}
        fill={statusFill(node.status)}
      />
      <text className="range" x={-w2 + 22} y={-3}>
        [{node.lblk}/{node.len})
      </text>
      <text className="meta" x={-w2 + 22} y={13}>
        {node.status}
        {node.pblk === null ? '' : ` → ${node.pblk}`}
      </text>
      <g className="badge" transform={`translate(${w2 - 2}, ${-h2 + 2})`}>
        <circle r={9} />
        <text y={3.5}>{node.red ? 'R' : 'B'}</text>
      </g>
      {cached && (
        <text className="cache-tag" y={-h2 - 11}>
          cache_es
        </text>
      )}
    </g>
  );
});
