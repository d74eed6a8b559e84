import { memo, useLayoutEffect, useRef } from 'react';
import type { ZoomTransform } from 'd3-zoom';
import type { TreeRecords } from '../../store/treeRecords.ts';
import { NODE_H, NODE_W, nodeX, nodeY } from './geometry.ts';
import { canvas2d, useSchemeVersion } from '../shared/canvas.ts';

interface SketchInk {
  edge: string;
  black: string;
  red: string;
  cache: string;
}

function readInk(el: Element): SketchInk {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    edge: v('--edge', '#9aa4b2'),
    black: v('--node-black', '#1a1e24'),
    red: v('--node-red', '#cc2f2a'),
    cache: v('--cache', '#8a3ffc'),
  };
}

interface Props {
  tree: TreeRecords;
  t: ZoomTransform;
  width: number;
  height: number;
}

/**
 * The whole tree at a far zoom, where a node is a few pixels wide, drawn on a canvas under the
 * SVG: a thousand nodes as DOM (or as SVG paths rebuilt on every op) would cost each op more
 * than the frame it has. Black nodes are filled, red ones only outlined, so they stay apart
 * without colour; cache_es keeps its ring. The SVG above keeps the keyboard, the zoom and the
 * label, so the canvas is hidden from screen readers.
 */
export const TreeSketch = memo(function TreeSketch({ tree, t, width, height }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const ink = useRef<SketchInk | null>(null);
  // the colour scheme can change under us: read the colours again
  const theme = useSchemeVersion(() => (ink.current = null));

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas2d(canvas, width, height);
    if (!canvas || !ctx) return;
    const c = (ink.current ??= readInk(canvas));
    ctx.clearRect(0, 0, width, height);
    const k = t.k;
    const X = (x: number) => t.x + nodeX(x) * k;
    const Y = (depth: number) => t.y + nodeY(depth) * k;
    const w = Math.max(1, NODE_W * k);
    const h = Math.max(1, NODE_H * k);

    ctx.beginPath();
    for (const id of tree.ids) {
      const n = tree.byId[id];
      const p = n && tree.byId[n.parent];
      if (!n || !p) continue;
      ctx.moveTo(X(p.x), Y(p.depth));
      ctx.lineTo(X(n.x), Y(n.depth));
    }
    ctx.strokeStyle = c.edge;
    ctx.lineWidth = 1;
    ctx.stroke();

    ctx.fillStyle = c.black;
    ctx.beginPath();
    const red: number[] = [];
    for (const id of tree.ids) {
      const n = tree.byId[id];
      if (!n) continue;
      if (n.red) red.push(id);
      else ctx.rect(X(n.x) - w / 2, Y(n.depth) - h / 2, w, h);
    }
    ctx.fill();
    ctx.beginPath();
    for (const id of red) {
      const n = tree.byId[id]!;
      ctx.rect(X(n.x) - w / 2, Y(n.depth) - h / 2, w, h);
    }
    ctx.strokeStyle = c.red;
    ctx.lineWidth = 1.2;
    ctx.stroke();

    const cache = tree.byId[tree.cacheId];
    if (cache) {
      // at least 14 pixels across, so the ring stays visible however far out
      const rw = Math.max((NODE_W + 24) * k, 14);
      const rh = Math.max((NODE_H + 24) * k, 14);
      ctx.beginPath();
      ctx.roundRect(X(cache.x) - rw / 2, Y(cache.depth) - rh / 2, rw, rh, rh / 4);
      ctx.strokeStyle = c.cache;
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
  }, [tree, t, width, height, theme]);

  return <canvas ref={ref} className="tree-sketch" style={{ width, height }} aria-hidden="true" />;
});
