/**
 * The reclaimable chart's geometry, kept pure for tests: a step line over the downsampled series
 * (point i is the largest count after ops i·every .. i·every + every - 1), drawn with d3-scale and
 * a path written by hand (d3-shape is not a dependency).
 */
import { scaleLinear } from 'd3-scale';

export interface ChartGeometry {
  line: string;
  area: string;
  max: number;
  /** x of the boundary after `ops` ops. */
  x(ops: number): number;
  y(v: number): number;
  /** The cursor (ops applied) a click at x seeks to. */
  opAt(x: number): number;
}

export function chartGeometry(
  points: readonly number[],
  every: number,
  length: number,
  width: number,
  height: number,
  pad = { left: 4, right: 4, top: 6, bottom: 4 },
): ChartGeometry {
  const max = Math.max(1, ...points);
  const total = Math.max(1, length);
  const xs = scaleLinear()
    .domain([0, total])
    .range([pad.left, width - pad.right]);
  const ys = scaleLinear()
    .domain([0, max])
    .range([height - pad.bottom, pad.top]);
  const f = (n: number) => Math.round(n * 10) / 10;
  let line = '';
  points.forEach((v, i) => {
    const x0 = f(xs(i * every));
    const x1 = f(xs(Math.min(total, (i + 1) * every)));
    const y = f(ys(v));
    line += `${i === 0 ? 'M' : 'L'}${x0},${y}H${x1}`;
  });
  const base = f(ys(0));
  const area = points.length ? `${line}V${base}H${f(xs(0))}Z` : '';
  return {
    line,
    area,
    max,
    x: (ops) => xs(ops),
    y: (v) => ys(v),
    opAt(x) {
      const raw = xs.invert(x);
      // a click on bucket i shows the state after its last op
      const bucket = Math.min(points.length - 1, Math.max(0, Math.floor(raw / every)));
      return Math.min(total, (bucket + 1) * every);
    },
  };
}
