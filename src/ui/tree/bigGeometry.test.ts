import { describe, expect, it } from 'vitest';
import { zoomIdentity } from 'd3-zoom';
import { BOTTOM_PAD, TOP_PAD, camera, centreX, fitScale, lodView, sx, sy } from './bigGeometry.ts';
import { LEVEL_Y, SLOT_X } from './geometry.ts';

describe('big tree geometry', () => {
  it('fitScale puts every rank across the width, and centreX centres a rank', () => {
    const k = fitScale(1_000_000, 1224);
    const t = zoomIdentity.translate(centreX((1_000_000 - 1) / 2, k, 1224), 0).scale(k);
    const c = camera(t, 600, 40);
    expect(sx(c, 0)).toBeGreaterThanOrEqual(23);
    expect(sx(c, 999_999)).toBeLessThanOrEqual(1224 - 23);
    expect(sx(c, 499_999.5)).toBeCloseTo(612, 6);
  });

  it('camera keeps the whole height in view far out, and scales levels with the zoom close in', () => {
    const far = camera(zoomIdentity.scale(1e-5), 600, 40);
    expect(sy(far, 0)).toBe(TOP_PAD);
    expect(sy(far, 39)).toBeCloseTo(600 - BOTTOM_PAD, 6);
    const near = camera(zoomIdentity.scale(1), 600, 40);
    expect(near.level).toBe(LEVEL_Y);
    expect(near.slot).toBe(SLOT_X);
    // panned down by hand, the top of a tall tree scrolls away, but never past its bottom
    const down = camera(zoomIdentity.translate(0, -10_000).scale(1), 600, 40);
    expect(sy(down, 39)).toBeCloseTo(600 - BOTTOM_PAD, 6);
  });

  it('lodView asks for the view plus half a screen each side, in ranks per pixel', () => {
    const c = camera(zoomIdentity.translate(-1240, 0).scale(1), 600, 10);
    const v = lodView(c, 1240, 600);
    expect(v.perPx).toBeCloseTo(1 / SLOT_X, 9);
    expect(v.x0).toBeCloseTo(10 - 5, 6);
    expect(v.x1).toBeCloseTo(20 + 5, 6);
    expect(v.d0).toBe(0);
    // levels 0 to 6 and a bit fit below the top pad; one more is asked for
    expect(v.d1).toBe(Math.ceil((600 - TOP_PAD) / LEVEL_Y) + 1);
  });
});
