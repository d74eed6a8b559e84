/**
 * What the block maps of small and big trees share: the header with its zoom toolbar, the keys,
 * the "not in the tree" track, the axis and the mark of the last lookup.
 */
import { useEffect, useMemo, type KeyboardEvent, type RefObject } from 'react';
import { zoomIdentity } from 'd3-zoom';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useZoom, type ZoomApi } from '../shared/useZoom.ts';
import { TRACK_H, TRACK_Y } from './BarView.tsx';

export const AXIS_Y = 20;
export const MAP_HEIGHT = 112;

/** The panel's heading, the range in view and the zoom buttons. */
export function MapHead({
  ino,
  v0,
  v1,
  zoom,
}: {
  ino: number;
  v0: number;
  v1: number;
  zoom: ZoomApi;
}) {
  return (
    <div className="panel-head">
      <h2 id="map-title">Block map · inode {ino}</h2>
      <span className="pill">
        blocks {Math.max(0, Math.floor(v0))} to {Math.ceil(v1)}
      </span>
      <div className="tools" role="toolbar" aria-label="Block map view">
        <button
          type="button"
          className="icon"
          aria-label="Zoom block map in"
          onClick={() => zoom.scaleBy(1.5)}
        >
          +
        </button>
        <button
          type="button"
          className="icon"
          aria-label="Zoom block map out"
          onClick={() => zoom.scaleBy(1 / 1.5)}
        >
          −
        </button>
        <button type="button" className="quiet" onClick={() => zoom.setTransform(zoomIdentity)}>
          Fit blocks
        </button>
      </div>
    </div>
  );
}

/** Left and right pan, + and - zoom, 0 fits. */
export function mapKeys(zoom: ZoomApi) {
  return (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => zoom.translateBy(60 / zoom.transform.k, 0),
      ArrowRight: () => zoom.translateBy(-60 / zoom.transform.k, 0),
      '+': () => zoom.scaleBy(1.5),
      '=': () => zoom.scaleBy(1.5),
      '-': () => zoom.scaleBy(1 / 1.5),
      '0': () => zoom.setTransform(zoomIdentity),
    };
    const f = keys[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };
}

/** The empty track (blocks the tree does not hold) and the axis ticks. */
export function MapTrack({ sc, width }: { sc: ScaleLinear<number, number>; width: number }) {
  const ticks = sc.ticks(Math.max(2, Math.floor(width / 110))).filter((t) => Number.isInteger(t));
  return (
    <>
      <rect
        className="not-cached"
        x={0}
        y={TRACK_Y}
        width={width}
        height={TRACK_H}
        fill="url(#not-cached)"
      />
      <g className="axis" aria-hidden="true">
        {ticks.map((t) => (
          <g key={t} transform={`translate(${sc(t)},0)`}>
            <line y1={AXIS_Y - 4} y2={TRACK_Y + TRACK_H + 4} />
            <text y={AXIS_Y - 8}>{t}</text>
          </g>
        ))}
      </g>
    </>
  );
}

/** The block of the last lookup, marked under the track. */
export function LookupMark({ sc, block }: { sc: ScaleLinear<number, number>; block: number }) {
  return (
    <g
      className="lookup-mark"
      transform={`translate(${sc(block + 0.5)},0)`}
      data-lblk={block}
      role="img"
      aria-label={`last lookup: block ${block}`}
    >
      <line y1={TRACK_Y - 4} y2={TRACK_Y + TRACK_H + 6} />
      <path
        d={`M -6 ${TRACK_Y + TRACK_H + 14} L 6 ${TRACK_Y + TRACK_H + 14} L 0 ${TRACK_Y + TRACK_H + 6} Z`}
      />
      <text y={TRACK_Y + TRACK_H + 27}>lookup {block}</text>
    </g>
  );
}

/**
 * The block axis: a linear scale from [d0, d1] to the width, zoomed by d3-zoom (up to `maxZoom`),
 * back to the whole range when the inode changes.
 */
export function useBlockScale(
  svgRef: RefObject<SVGSVGElement | null>,
  d0: number,
  d1: number,
  width: number,
  maxZoom: number,
  ino: number,
) {
  const zoom = useZoom(svgRef, [1, maxZoom]);
  const { setTransform } = zoom;
  useEffect(() => {
    setTransform(zoomIdentity);
  }, [ino, setTransform]);
  const base = useMemo(
    () =>
      scaleLinear()
        .domain([d0, d1])
        .range([10, Math.max(11, width - 10)]),
    [d0, d1, width],
  );
  return { zoom, base, sc: zoom.transform.rescaleX(base) };
}
