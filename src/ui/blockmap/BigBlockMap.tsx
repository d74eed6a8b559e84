import { useEffect, useMemo, useRef } from 'react';
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
import { CATEGORIES, mapDomain } from '../../worker/bigTree.ts';
import { useSize } from '../shared/useSize.ts';
import { statusFill } from '../shared/status.ts';
import { BarView, TRACK_H, TRACK_Y } from './BarView.tsx';

import {
  LookupMark,
  MAP_HEIGHT as HEIGHT,
  MapHead,
  MapTrack,
  mapKeys,
  useBlockScale,
} from './MapParts.tsx';
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
  const [d0, d1] = mapDomain(big.first, big.end);
  const { zoom, base, sc } = useBlockScale(svgRef, d0, d1, width, Math.max(2, (d1 - d0) / 8), ino);
  const { setTransform } = zoom;
  const [v0, v1] = sc.domain() as [number, number];

  // Ask for the bins of the range in view, as a share of the fitted range (the scale's range is
  // [10, width - 10]): from the zoom alone, so an op that moves the range (a write past the end)
  // is answered with this view's bins and needs no second request.
  const t = zoom.transform;
  const u0 = (t.invertX(10) - 10) / Math.max(1, width - 20);
  const u1 = (t.invertX(width - 10) - 10) / Math.max(1, width - 20);
  useEffect(() => {
    if (width === 0) return;
    setWindow({ bins: { u0, u1, n: Math.max(1, Math.floor((width - 20) / BIN_PX)) } });
  }, [u0, u1, width, setWindow]);

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

  const onKeyDown = mapKeys(zoom);

  // Columns depend on the bins and the block range in view only: a pan of the tree re-renders
  // this panel with the same bins, and React skips the same elements. They are drawn as one path
  // per status and one for the coverage strips, not an element per bin and status: hundreds of
  // rects to restyle and lay out again cost every op that moves the range more than its frame.
  const columns = useMemo(() => {
    const byCat: string[][] = CATEGORIES.map(() => []);
    const cover: string[] = [];
    if (bins.extents) return { byCat, cover: '' };
    const r = (v: number) => Math.round(v * 10) / 10;
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
      const x = r(x0);
      const w = r(Math.max(1, x1 - x0 - 0.5));
      mix.forEach((m, c) => {
        if (!m) return;
        const sh = (h * m) / total;
        y -= sh;
        byCat[c]!.push(`M${x} ${r(y)}h${w}v${r(sh)}h${-w}z`);
      });
      const ch = Math.max(1, COVER_H * Math.min(1, cov / binW));
      cover.push(`M${x} ${r(TRACK_Y + TRACK_H - 1 - ch)}h${w}v${r(ch)}h${-w}z`);
    }
    return { byCat, cover: cover.join('') };
    // sc is a function of the zoom transform and the base scale, both in the deps
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bins, n, binW, width, zoom.transform, base]);
  const perBin = Math.max(1, Math.round(binW));
  return (
    <section className="panel map-panel" aria-labelledby="map-title">
      <MapHead ino={ino} v0={v0} v1={v1} zoom={zoom} />
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
          <MapTrack sc={sc} width={width} />
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
              {columns.byCat.map((d, c) =>
                d.length ? (
                  <path
                    key={CATEGORIES[c]}
                    d={d.join('')}
                    fill={statusFill(CATEGORIES[c] === 'other' ? '' : CATEGORIES[c]!)}
                  />
                ) : null,
              )}
              {columns.cover && <path className="bin-cover" d={columns.cover} />}
            </g>
          )}
          {mark !== null && <LookupMark sc={sc} block={mark} />}
        </svg>
      </div>
    </section>
  );
}
