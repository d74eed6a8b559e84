/** Tree drawing sizes, in SVG user units (pixels at zoom 1). */
export const NODE_W = 112;
export const NODE_H = 44;
/** One layout unit across and one level down. */
export const SLOT_X = 124;
export const LEVEL_Y = 84;
/** Above this many nodes the glide is turned off: thousands of moving nodes help nobody. */
export const MOTION_LIMIT = 1500;

export function nodeX(x: number): number {
  return x * SLOT_X;
}

export function nodeY(depth: number): number {
  return depth * LEVEL_Y;
}
