/**
 * Geometry of the big tree's canvas. x is the in-order rank, scaled by the zoom like any map;
 * y is the depth, with a level never shorter than what fits the whole height in the view, so a
 * million-node tree zoomed out is still a tree and not a line. Pure functions, unit tested.
 */
import type { ZoomTransform } from 'd3-zoom';
import type { LodView } from '../../worker/bigTree.ts';
import { LEVEL_Y, SLOT_X } from './geometry.ts';

export const TOP_PAD = 34;
export const BOTTOM_PAD = 26;
export const SIDE_PAD = 24;

export interface Camera {
  /** Pixels per rank. */
  slot: number;
  /** Pixels per level. */
  level: number;
  /** Screen x of rank 0's left edge, screen y of depth 0. */
  ox: number;
  oy: number;
}

/** The camera for zoom transform `t` on a canvas of `width` × `height` showing a tree `levels` deep. */
export function camera(t: ZoomTransform, height: number, levels: number): Camera {
  const fitLevel = Math.min(LEVEL_Y, (height - TOP_PAD - BOTTOM_PAD) / Math.max(1, levels - 1));
  const level = Math.max(LEVEL_Y * t.k, fitLevel);
  const content = (levels - 1) * level;
  const room = height - TOP_PAD - BOTTOM_PAD;
  const oy =
    content <= room
      ? TOP_PAD
      : Math.min(TOP_PAD, Math.max(height - BOTTOM_PAD - content, t.y + TOP_PAD));
  return { slot: SLOT_X * t.k, level, ox: t.x, oy };
}

export function sx(c: Camera, rank: number): number {
  return c.ox + (rank + 0.5) * c.slot;
}

export function sy(c: Camera, depth: number): number {
  return c.oy + depth * c.level;
}

/** The zoom that shows all `count` ranks across `width`. */
export function fitScale(count: number, width: number): number {
  return Math.max(1e-9, (width - 2 * SIDE_PAD) / (Math.max(1, count) * SLOT_X));
}

/** What to ask the worker for: the view plus half a screen on each side, so a pan finds detail. */
export function lodView(c: Camera, width: number, height: number): LodView {
  const r0 = (0 - c.ox) / c.slot;
  const r1 = (width - c.ox) / c.slot;
  const pad = (r1 - r0) / 2;
  return {
    x0: r0 - pad,
    x1: r1 + pad,
    d0: Math.max(0, Math.floor((0 - c.oy) / c.level) - 1),
    d1: Math.ceil((height - c.oy) / c.level) + 1,
    perPx: 1 / c.slot,
  };
}

/** The x translation that puts rank `rank` at the centre of a `width` wide view at scale `k`. */
export function centreX(rank: number, k: number, width: number): number {
  return width / 2 - (rank + 0.5) * SLOT_X * k;
}
