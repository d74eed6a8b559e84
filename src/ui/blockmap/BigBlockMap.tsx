import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { scaleLinear } from 'd3-scale';
import { zoomIdentity } from 'd3-zoom';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectBig,
  selectCache,
  selectDetailCount,
  selectDetailIno,
  selectFound,
  selectFoundSeq,
  selectLookup,
  selectSetBigWindow,
} from '../../store/selectors.ts';
import type { BigDetail } from '../../worker/protocol.ts';
import { CATEGORIES } from '../../worker/bigTree.ts';
import { useSize } from '../shared/useSize.ts';
import { useZoom } from '../shared/useZoom.ts';
import { statusFill } from '../shared/status.ts';
import { BarView, TRACK_H, TRACK_Y } from './BarView.tsx';

const AXIS_Y = 20;
const HEIGHT = 112;
/** Pixels per bin. */
const BIN_PX = 3;
/** Height of the strip that shows how much of a bin the tree covers. */
const COVER_H = 8;

/**
 * The block map of a big tree: the worker sums the blocks covered and the status mix of each bin
 * of the range in view; each bin with extents is a column split by their statuses, over a strip
 * as tall as the share of the bin's blocks in the tree. Zoomed in far enough that the range holds a few hundred extents, the extents
 * themselves are drawn, as on a small tree.
 */
export function BigBlockMap() {
  const big = useEsx(selectBig) as BigDetail;
  const count = useEsx(selectDetailCount);
  const ino = useEsx(selectDetailIno);
  const cache = useEsx(selectCache);
  const lookup = useEsx(selectLookup);
  const found = useEsx(selectFound);
  const foundSeq = useEsx(selectFoundSeq);
  const setWindow = useEsx(selectSetBigWindow);
  const mark = lookup && lookup.ino === ino ? lookup.lblk : null;
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { width } = useSize(boxRef);
  const span = Math.max(16, big.end - big.first);
  const d0 = Math.max(0, big.first - span * 0.02);
  const d1 = big.end + span * 0.02;
  const zoom = useZoom(svgRef, [1, Math.max(2, (d1 - d0) / 8)]);
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
  const [v0, v1] = sc.domain() as [number, number];

  // ask for the bins of the range in view
  useEffect(() => {
    if (width === 0) return;
    setWindow({
      bins: {
        b0: Math.max(0, Math.floor(v0)),
        b1: Math.ceil(v1),
        n: Math.max(1, Math.floor((width - 20) / BIN_PX)),
      },
    });
  }, [v0, v1, width, setWindow]);

  // "Go to block": bring the block into view
  const seen = useRef(foundSeq);
  useEffect(() => {
    if (seen.current === foundSeq || !found || found.ino !== ino || !found.extent || width === 0)
      return;
    seen.current = foundSeq;
    const [l, len] = found.extent;
    // about eight times the extent's length in view, within the zoom's limits
    const kk = Math.min(Math.max(2, (d1 - d0) / 8), Math.max(1, (d1 - d0) / Math.max(64, len * 8)));
    const x = base(l + len / 2);
    setTransform(zoomIdentity.translate(width / 2 - x * kk, 0).scale(kk));
  }, [found, foundSeq, ino, width, base, d0, d1, zoom.transform.k, setTransform]);

  const bins = big.bins;
  const n = bins.covered.length;
  const binW = (bins.b1 - bins.b0) / n;
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

  // columns depend on the bins and the block range in view only: a pan of the tree re-renders
  // this panel with the same bins, and React skips the same elements
  const columns = useMemo(() => {
    const out: ReactNode[] = [];
    if (bins.extents) return out;
    for (let i = 0; i < n; i++) {
      const cov = bins.covered[i]!;
      if (cov <= 0) continue;
      const x0 = sc(bins.b0 + i * binW);
      const x1 = sc(bins.b0 + (i + 1) * binW);
      if (x1 < 0 || x0 > width) continue;
      // the column: the status mix of the bin's extents, full height; the strip under it: the
      // share of the bin's blocks that the tree holds
      const h = TRACK_H - COVER_H - 1;
      const mix = bins.mix[i]!;
      const total = mix.reduce((a, b) => a + b, 0) || 1;
      let y = TRACK_Y + h;
      const w = Math.max(1, x1 - x0 - 0.5);
      mix.forEach((m, c) => {
        if (!m) return;
        const sh = (h * m) / total;
        y -= sh;
        out.push(
          <rect
            key={`${i}-${c}`}
            x={x0}
            y={y}
            width={w}
            height={sh}
            fill={statusFill(CATEGORIES[c] === 'other' ? '' : CATEGORIES[c]!)}
          />,
        );
      });
      const share = Math.min(1, cov / binW);
      out.push(
        <rect
          key={`${i}-cover`}
          className="bin-cover"
          x={x0}
          y={TRACK_Y + TRACK_H - 1 - COVER_H * share}
          width={w}
          height={Math.max(1, COVER_H * share)}
        />,
      );
    }
    return out;
    // sc is a function of the zoom transform and the base scale, both in the deps
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bins, n, binW, width, zoom.transform, base]);
  const perBin = Math.max(1, Math.round(binW));
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
          aria-label={`Block map of inode ${ino}: ${count.toLocaleString('en-US')} extents in blocks ${big.first} to ${big.end - 1}, ${bins.extents ? `${bins.extents.length} extents in view` : `drawn as ${n} bins of about ${perBin.toLocaleString('en-US')} blocks: each bin's column is split by the statuses of its extents, and a strip under it is as tall as the share of its blocks in the tree`}. Left and right pan, + and - zoom, 0 fits.`}
          className="map-svg"
          data-bins={bins.extents ? 0 : n}
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
          {bins.extents ? (
            <g className="bars">
              {bins.extents.map(([lblk, len, status, pblk]) => {
                const x0 = Math.max(-2, sc(lblk));
                const x1 = Math.min(width + 2, Math.max(x0 + 1.5, sc(lblk + len)));
                if (x1 < 0 || x0 > width) return null;
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
                    mark={found && found.ino === ino && found.extent?.[0] === lblk ? 'focus' : null}
                  />
                );
              })}
            </g>
          ) : (
            <g className="bins" aria-hidden="true">
              {columns}
            </g>
          )}
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
