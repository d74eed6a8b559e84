import { memo, useMemo } from 'react';
import type { TreeRecords } from '../../store/treeRecords.ts';
import { NODE_H, NODE_W, nodeX, nodeY } from './geometry.ts';

/**
 * The whole tree at a far zoom, where a node is a few pixels wide: three paths instead of
 * thousands of elements. Black nodes are filled, red ones only outlined, so they stay apart
 * without colour; cache_es keeps its ring.
 */
export const TreeSketch = memo(function TreeSketch({ tree, k }: { tree: TreeRecords; k: number }) {
  const { edges, black, red } = useMemo(() => {
    const e: string[] = [];
    const b: string[] = [];
    const r: string[] = [];
    for (const id of tree.ids) {
      const n = tree.byId[id];
      if (!n) continue;
      const x = nodeX(n.x);
      const y = nodeY(n.depth);
      const p = tree.byId[n.parent];
      if (p) e.push(`M${nodeX(p.x)} ${nodeY(p.depth)}L${x} ${y}`);
      (n.red ? r : b).push(`M${x - NODE_W / 2} ${y - NODE_H / 2}h${NODE_W}v${NODE_H}h${-NODE_W}z`);
    }
    return { edges: e.join(''), black: b.join(''), red: r.join('') };
  }, [tree]);
  const cache = tree.byId[tree.cacheId];
  // Keep the cache ring at least 14 screen pixels across.
  const rw = Math.max(NODE_W + 24, 14 / k);
  const rh = Math.max(NODE_H + 24, 14 / k);
  return (
    <g className="sketch" aria-hidden="true">
      <path className="sketch-edges" d={edges} />
      <path className="sketch-black" d={black} />
      <path className="sketch-red" d={red} />
      {cache && (
        <rect
          className="sketch-cache"
          x={nodeX(cache.x) - rw / 2}
          y={nodeY(cache.depth) - rh / 2}
          width={rw}
          height={rh}
          rx={rh / 4}
        />
      )}
    </g>
  );
});
