import { useLayoutEffect, useMemo, useRef, type PointerEvent } from 'react';
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
  /** Changes when the colour scheme does, so the overview is drawn again. */
  theme: number;
}

/**
 * The whole tree in a corner: the worker's coarse overview of it, and a frame for the part in
 * view. Clicking or dragging in it moves the view there. (Keyboard users pan the main view with
 * the arrow keys; this is a pointer shortcut, so it is hidden from assistive technology.)
 */
export function Minimap({ big, count, levels, view, onCentre, theme }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const sxr = (rank: number) => 4 + ((rank + 0.5) / Math.max(1, count)) * (W - 8);
  const syd = (d: number) => 6 + (d / Math.max(1, levels - 1)) * (H - 12);

  // the overview is drawn once per tree into a canvas of its own; each frame copies it
  const base = useMemo(() => {
    const c = document.createElement('canvas');
    const dpr = window.devicePixelRatio || 1;
    c.width = W * dpr;
    c.height = H * dpr;
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const pal = readPalette(document.documentElement);
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
    return { canvas: c, found: pal.found };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawn from the overview alone
  }, [big.overview, count, levels, theme]);

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (!base) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== W * dpr) canvas.width = W * dpr;
    if (canvas.height !== H * dpr) canvas.height = H * dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(base.canvas, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // the part in view
    const fx0 = Math.max(1, sxr(view.x0));
    const fx1 = Math.min(W - 1, Math.max(fx0 + 2, sxr(view.x1)));
    const fy0 = Math.max(1, syd(view.d0));
    const fy1 = Math.min(H - 1, Math.max(fy0 + 2, syd(view.d1)));
    ctx.strokeStyle = base.found;
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
