import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { zoomIdentity } from 'd3-zoom';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectCache,
  selectDetailIno,
  selectExtents,
  selectLookup,
} from '../../store/selectors.ts';
import { useSize } from '../shared/useSize.ts';
import { useZoom } from '../shared/useZoom.ts';
import { baseDomain, visibleBars } from './scale.ts';
import { BarView } from './BarView.tsx';
import { BigBlockMap } from './BigBlockMap.tsx';
import { useStepMarks } from '../timeline/useStepMarks.ts';

const AXIS_Y = 20;
import { TRACK_H, TRACK_Y } from './BarView.tsx';

const HEIGHT = 112;

/** The selected inode's logical blocks: extents as bars, gaps as "not in the tree", the last lookup marked. */
export function BlockMap() {
  const isBig = useEsx((s) => (s.snapshot?.detail.big ?? null) !== null);
  return isBig ? <BigBlockMap /> : <SmallBlockMap />;
}

function SmallBlockMap() {
  const extents = useEsx(selectExtents) ?? [];
  const ino = useEsx(selectDetailIno);
  const cache = useEsx(selectCache);
  const lookup = useEsx(selectLookup);
  const marks = useStepMarks();
  const mark = lookup && lookup.ino === ino ? lookup.lblk : null;
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { width } = useSize(boxRef);
  const [d0, d1] = baseDomain(extents, mark);
  const maxZoom = Math.max(2, (d1 - d0) / 4);
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
  const sc = zoom.transform.rescaleX(base);
  const bars = visibleBars(extents, sc, width);
  const ticks = sc.ticks(Math.max(2, Math.floor(width / 110))).filter((t) => Number.isInteger(t));

  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => zoom.translateBy(60 / zoom.transform.k, 0),
      ArrowRight: () => zoom.translateBy(-60 / zoom.transform.k, 0),
      '+': () => zoom.scaleBy(1.5),
      '=': () => zoom.scaleBy(1.5),
      '-': () => zoom.scaleBy(1 / 1.5),
      '0': () => setTransform(zoomIdentity),
    };
    const f = keys[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  const [v0, v1] = sc.domain() as [number, number];
  return (
    <section className="panel map-panel" aria-labelledby="map-title">
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
          <button type="button" className="quiet" onClick={() => setTransform(zoomIdentity)}>
            Fit blocks
          </button>
        </div>
      </div>
      <div className="map-canvas" ref={boxRef}>
        <svg
          ref={svgRef}
          width={width}
          height={HEIGHT}
          tabIndex={0}
          role="group"
          aria-label={`Block map of inode ${ino}: ${extents.length} extents. Left and right pan, + and - zoom, 0 fits.`}
          className="map-svg"
          onKeyDown={onKeyDown}
        >
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
          <g className="bars">
            {bars.map(({ index, x0, x1 }) => {
              const [lblk, len, status, pblk] = extents[index]!;
              return (
                <BarView
                  key={lblk}
                  lblk={lblk}
                  len={len}
                  status={status}
                  pblk={pblk}
                  x0={x0}
                  x1={x1}
                  cached={lblk === cache}
                  mark={marks.get(lblk) ?? null}
                />
              );
            })}
          </g>
          {mark !== null && (
            <g
              className="lookup-mark"
              transform={`translate(${sc(mark + 0.5)},0)`}
              data-lblk={mark}
              role="img"
              aria-label={`last lookup: block ${mark}`}
            >
              <line y1={TRACK_Y - 4} y2={TRACK_Y + TRACK_H + 6} />
              <path
                d={`M -6 ${TRACK_Y + TRACK_H + 14} L 6 ${TRACK_Y + TRACK_H + 14} L 0 ${TRACK_Y + TRACK_H + 6} Z`}
              />
              <text y={TRACK_Y + TRACK_H + 27}>lookup {mark}</text>
            </g>
          )}
        </svg>
      </div>
    </section>
  );
}
