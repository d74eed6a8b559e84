/**
 * Draws a big tree's level of detail on a 2D canvas: edges, collapsed subtrees (a trapezoid over
 * the ranks they cover, with their extent count, height and status mix), nodes (box, status
 * strip, R/B letter, red dashed and black solid outlines), and the marks: cache_es, the step's
 * nodes, the node "Go to block" found. What is drawn is also returned, for hit tests.
 */
import type { Lod, LodNode, LodSummary } from '../../worker/bigTree.ts';
import { NODE_H, NODE_W } from './geometry.ts';
import { sx, sy, type Camera } from './bigGeometry.ts';

export interface Palette {
  ink: string;
  muted: string;
  surface: string;
  surface2: string;
  edge: string;
  red: string;
  black: string;
  nodeFill: string;
  cache: string;
  step: string;
  found: string;
  /** Status fills in CATEGORIES order (W U D H WD UD other). */
  status: string[];
}

export function readPalette(el: Element): Palette {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const w = v('--st-w', '#3b73d9');
  const u = v('--st-u', '#0f8f78');
  const d = v('--st-d', '#c77d00');
  const h = v('--st-h', '#6f7986');
  return {
    ink: v('--ink', '#1a1e24'),
    muted: v('--muted', '#5a6472'),
    surface: v('--surface', '#fff'),
    surface2: v('--surface-2', '#f7f8fa'),
    edge: v('--edge', '#9aa4b2'),
    red: v('--node-red', '#cc2f2a'),
    black: v('--node-black', '#1a1e24'),
    nodeFill: v('--node-fill', '#fff'),
    cache: v('--cache', '#8a3ffc'),
    step: v('--step', '#2b8a3e'),
    found: v('--lookup', '#c0267a'),
    status: [w, u, d, h, w, u, h],
  };
}

export interface Marks {
  cacheId: number;
  focus: ReadonlySet<number>;
  changed: ReadonlySet<number>;
  foundId: number;
}

export interface Drawn {
  nodes: { n: LodNode; x: number; y: number; w: number; h: number }[];
  summaries: { s: LodSummary; x0: number; x1: number; y0: number; y1: number }[];
}

const STATUS_INDEX: Record<string, number> = { W: 0, U: 1, D: 2, H: 3, WD: 4, UD: 5 };

export function drawBig(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  lod: Lod,
  cam: Camera,
  marks: Marks,
  pal: Palette,
): Drawn {
  const drawn: Drawn = { nodes: [], summaries: [] };
  ctx.clearRect(0, 0, width, height);
  const boxW = Math.min(NODE_W * (cam.slot / 124), cam.slot * 0.9);
  const boxH = Math.max(2, Math.min(NODE_H, cam.level * 0.55, Math.max(boxW, 4)));
  const w = Math.max(2, boxW);

  // edges first, under everything
  ctx.strokeStyle = pal.edge;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const edge = (prank: number, rank: number, depth: number) => {
    if (prank < 0) return;
    const x0 = sx(cam, prank);
    const x1 = sx(cam, rank);
    if ((x0 < 0 && x1 < 0) || (x0 > width && x1 > width)) return;
    ctx.moveTo(x0, sy(cam, depth - 1));
    ctx.lineTo(x1, sy(cam, depth));
  };
  for (const n of lod.nodes) edge(n.prank, n.rank, n.depth);
  for (const s of lod.summaries) edge(s.prank, s.rank, s.depth);
  ctx.stroke();

  // collapsed subtrees
  ctx.font = '11px ui-monospace, Menlo, Consolas, monospace';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const s of lod.summaries) {
    const xt = sx(cam, s.rank);
    const x0 = sx(cam, s.lo) - cam.slot / 2;
    const x1 = sx(cam, s.lo + s.count - 1) + cam.slot / 2;
    const y0 = sy(cam, s.depth);
    const y1 = sy(cam, s.depth + Math.max(1, s.height - 1));
    if (x1 < 0 || x0 > width || y0 > height || y1 < 0) continue;
    drawn.summaries.push({ s, x0, x1, y0, y1 });
    ctx.beginPath();
    ctx.moveTo(xt, y0);
    ctx.lineTo(Math.max(x1, xt + 1), y1);
    ctx.lineTo(Math.min(x0, xt - 1), y1);
    ctx.closePath();
    ctx.fillStyle = pal.surface2;
    ctx.fill();
    ctx.strokeStyle = pal.edge;
    ctx.stroke();
    // the status mix as a band along the base
    const total = s.mix.reduce((a, b) => a + b, 0) || 1;
    let bx = x0;
    for (let c = 0; c < s.mix.length; c++) {
      const bw = ((x1 - x0) * s.mix[c]!) / total;
      if (bw <= 0) continue;
      ctx.fillStyle = pal.status[c]!;
      ctx.fillRect(bx, y1, bw, 4);
      bx += bw;
    }
    if (x1 - x0 > 44 && y1 - y0 > 26) {
      ctx.fillStyle = pal.ink;
      ctx.fillText(s.count.toLocaleString('en-US'), xt, (y0 + 2 * y1) / 3 - 6);
      ctx.fillStyle = pal.muted;
      ctx.fillText(`h ${s.height}`, xt, (y0 + 2 * y1) / 3 + 8);
    }
  }

  // nodes
  const labels = w >= 84 && boxH >= 16;
  const twoLines = labels && boxH >= 34;
  ctx.textAlign = 'left';
  for (const n of lod.nodes) {
    const x = sx(cam, n.rank);
    const y = sy(cam, n.depth);
    if (x + w < 0 || x - w > width || y + boxH < 0 || y - boxH > height) continue;
    drawn.nodes.push({ n, x, y, w, h: boxH });
    const left = x - w / 2;
    const top = y - boxH / 2;
    if (n.id === marks.foundId) ring(ctx, left, top, w, boxH, 9, pal.found, 3.5, []);
    if (marks.focus.has(n.id)) ring(ctx, left, top, w, boxH, 6, pal.step, 3, []);
    else if (marks.changed.has(n.id)) ring(ctx, left, top, w, boxH, 6, pal.step, 2, [3, 3]);
    if (n.id === marks.cacheId) ring(ctx, left, top, w, boxH, 3, pal.cache, 2.5, []);
    ctx.fillStyle = pal.nodeFill;
    ctx.fillRect(left, top, w, boxH);
    if (w >= 6) {
      ctx.fillStyle = pal.status[STATUS_INDEX[n.status] ?? 6]!;
      ctx.fillRect(left, top, Math.max(2, Math.min(12, w * 0.12)), boxH);
    }
    ctx.strokeStyle = n.red ? pal.red : pal.black;
    ctx.lineWidth = n.red ? 1.5 : 2;
    ctx.setLineDash(n.red && w >= 8 ? [4, 3] : []);
    ctx.strokeRect(left, top, w, boxH);
    ctx.setLineDash([]);
    if (w < 6 && n.red) {
      // too small for an outline to tell: red nodes get a notch
      ctx.fillStyle = pal.red;
      ctx.fillRect(left, top, w, Math.max(1, boxH / 3));
    }
    if (labels) {
      ctx.fillStyle = pal.ink;
      ctx.fillText(`[${n.lblk}/${n.len})`, left + 16, twoLines ? y - 7 : y, w - 30);
      if (twoLines) {
        ctx.fillStyle = pal.muted;
        ctx.fillText(
          `${n.status}${n.pblk === null ? '' : ` → ${n.pblk}`}`,
          left + 16,
          y + 9,
          w - 30,
        );
      }
      ctx.fillStyle = n.red ? pal.red : pal.black;
      ctx.fillText(n.red ? 'R' : 'B', left + w - 12, top + 9);
    }
  }
  return drawn;
}

function ring(
  ctx: CanvasRenderingContext2D,
  left: number,
  top: number,
  w: number,
  h: number,
  gap: number,
  color: string,
  lineWidth: number,
  dash: number[],
): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  ctx.setLineDash(dash);
  ctx.strokeRect(left - gap, top - gap, w + 2 * gap, h + 2 * gap);
  ctx.setLineDash([]);
}

/** The summary or node under point (x, y), summaries first (they are the bigger targets). */
export function hitTest(
  d: Drawn,
  x: number,
  y: number,
): { kind: 'summary'; s: LodSummary } | { kind: 'node'; n: LodNode } | null {
  for (const n of d.nodes) {
    if (Math.abs(x - n.x) <= Math.max(4, n.w / 2) && Math.abs(y - n.y) <= Math.max(4, n.h / 2))
      return { kind: 'node', n: n.n };
  }
  for (const s of d.summaries) {
    if (x >= s.x0 - 3 && x <= s.x1 + 3 && y >= s.y0 - 3 && y <= s.y1 + 6)
      return { kind: 'summary', s: s.s };
  }
  return null;
}
