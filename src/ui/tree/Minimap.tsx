import { useLayoutEffect, useRef, type PointerEvent } from 'react';
import type { BigDetail } from '../../worker/protocol.ts';
import { readPalette } from './drawBig.ts';

const W = 180;
const H = 64;

interface Props {
  big: BigDetail;
  count: number;
  levels: number;
  /** The main view, in ranks and levels. */
  view: { x0: number; x1: number; d0: number; d1: number };
  onCentre(rank: number): void;
}

/**
 * The whole tree in a corner: the worker's coarse overview of it, and a frame for the part in
 * view. Clicking or dragging in it moves the view there. (Keyboard users pan the main view with
 * the arrow keys; this is a pointer shortcut, so it is hidden from assistive technology.)
 */
export function Minimap({ big, count, levels, view, onCentre }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const sxr = (rank: number) => 4 + ((rank + 0.5) / Math.max(1, count)) * (W - 8);
  const syd = (d: number) => 6 + (d / Math.max(1, levels - 1)) * (H - 12);

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W * dpr;
    canvas.height = H * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const pal = readPalette(canvas);
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = pal.surface;
    ctx.fillRect(0, 0, W, H);
    ctx.strokeStyle = pal.edge;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const n of big.overview.nodes) {
      if (n.prank < 0) continue;
      ctx.moveTo(sxr(n.prank), syd(n.depth - 1));
      ctx.lineTo(sxr(n.rank), syd(n.depth));
    }
    ctx.stroke();
    ctx.fillStyle = pal.muted;
    for (const s of big.overview.summaries) {
      const x0 = sxr(s.lo);
      const x1 = sxr(s.lo + s.count - 1);
      ctx.beginPath();
      ctx.moveTo(sxr(s.rank), syd(s.depth));
      ctx.lineTo(x1 + 0.5, syd(s.depth + s.height - 1));
      ctx.lineTo(x0 - 0.5, syd(s.depth + s.height - 1));
      ctx.closePath();
      ctx.globalAlpha = 0.35;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    // the part in view
    const fx0 = Math.max(1, sxr(view.x0));
    const fx1 = Math.min(W - 1, Math.max(fx0 + 2, sxr(view.x1)));
    const fy0 = Math.max(1, syd(view.d0));
    const fy1 = Math.min(H - 1, Math.max(fy0 + 2, syd(view.d1)));
    ctx.strokeStyle = pal.found;
    ctx.lineWidth = 2;
    ctx.strokeRect(fx0, fy0, fx1 - fx0, fy1 - fy0);
  });

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.type === 'pointermove' && e.buttons !== 1) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    onCentre(((x - 4) / (W - 8)) * count - 0.5);
  };
  return (
    <canvas
      ref={ref}
      className="minimap"
      style={{ width: W, height: H }}
      aria-hidden="true"
      data-testid="minimap"
      onPointerDown={move}
      onPointerMove={move}
    />
  );
}
