import type { ZoomTransform } from 'd3-zoom';
import type { TreeRecords } from '../../store/treeRecords.ts';
import { NODE_H, NODE_W, nodeX, nodeY } from './geometry.ts';

/**
 * Ids of the nodes to draw: those whose box or link to the parent crosses the visible area.
 * O(n) per call; drawing only these keeps a big tree cheap at a close zoom.
 */
export function visibleIds(
  tree: TreeRecords,
  t: ZoomTransform,
  width: number,
  height: number,
): number[] {
  const mx = (NODE_W / 2 + 8) * t.k;
  const my = (NODE_H / 2 + 24) * t.k;
  const out: number[] = [];
  for (const id of tree.ids) {
    const n = tree.byId[id];
    if (!n) continue;
    let x0 = t.applyX(nodeX(n.x));
    let x1 = x0;
    let y0 = t.applyY(nodeY(n.depth));
    const y1 = y0;
    const p = tree.byId[n.parent];
    if (p) {
      const px = t.applyX(nodeX(p.x));
      x0 = Math.min(x0, px);
      x1 = Math.max(x1, px);
      y0 = t.applyY(nodeY(p.depth));
    }
    if (x1 + mx < 0 || x0 - mx > width || y1 + my < 0 || y0 - my > height) continue;
    out.push(id);
  }
  return out;
}
