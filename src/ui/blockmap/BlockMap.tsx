import { useMemo, useRef } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectCache,
  selectDetailIno,
  selectExtents,
  selectLookup,
} from '../../store/selectors.ts';
import { useSize } from '../shared/useSize.ts';
import { baseDomain, linearX, visibleBars, type Bar } from './scale.ts';
import { BarView, TRACK_H, TRACK_Y } from './BarView.tsx';
import { statusFill } from '../shared/status.ts';
import type { ExtentTuple } from '../../core/dump.ts';
import type { StepMark } from '../timeline/useStepMarks.ts';
import { BigBlockMap } from './BigBlockMap.tsx';
import { useStepMarks } from '../timeline/useStepMarks.ts';

import {
  LookupMark,
  MAP_HEIGHT as HEIGHT,
  MapHead,
  MapTrack,
  mapKeys,
  useBlockScale,
} from './MapParts.tsx';

/**
 * Past this many bars in view, the narrow ones are drawn as one path per status instead of an
 * element each: hundreds of labelled elements would cost every op more than its frame.
 */
export const DENSE_BARS = 150;
/** Bars at least this wide keep their own element (and label) in a dense map. */
const WIDE_PX = 22;

/** The selected inode's logical blocks: extents as bars, gaps as "not in the tree", the last lookup marked. */
export function BlockMap() {
  const isBig = useEsx((s) => (s.snapshot?.detail.big ?? null) !== null);
  return isBig ? <BigBlockMap /> : <SmallBlockMap />;
}

const NO_EXTENTS: readonly ExtentTuple[] = [];

function SmallBlockMap() {
  const extents = useEsx(selectExtents) ?? NO_EXTENTS;
  const ino = useEsx(selectDetailIno);
  const cache = useEsx(selectCache);
  const lookup = useEsx(selectLookup);
  const marks = useStepMarks();
  const mark = lookup && lookup.ino === ino ? lookup.lblk : null;
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { width } = useSize(boxRef);
  const [d0, d1] = baseDomain(extents, mark);
  const { zoom, sc } = useBlockScale(svgRef, d0, d1, width, Math.max(2, (d1 - d0) / 4), ino);
  const [v0, v1] = sc.domain() as [number, number];
  const [r0, r1] = sc.range() as [number, number];
  const toX = useMemo(() => linearX([v0, v1], [r0, r1]), [v0, v1, r0, r1]);
  const bars = useMemo(() => visibleBars(extents, toX, width), [extents, toX, width]);
  const dense = bars.length > DENSE_BARS;
  // in a dense map, each bar that is wide, cache_es or marked by the step keeps its element
  const own = dense ? ownBars(extents, bars, toX, width, cache, marks) : bars;

  const onKeyDown = mapKeys(zoom);

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
          aria-label={`Block map of inode ${ino}: ${extents.length} extents${dense ? ', narrow ones drawn together (the extents table lists each)' : ''}. Left and right pan, + and - zoom, 0 fits.`}
          data-bars={bars.length}
          data-dense={dense ? 'true' : undefined}
          className="map-svg"
          onKeyDown={onKeyDown}
        >
          <MapTrack sc={sc} width={width} />
          {dense && <DenseBars extents={extents} bars={bars} own={own} />}
          <g className="bars">
            {own.map(({ index, x0, x1 }) => {
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
          {mark !== null && <LookupMark sc={sc} block={mark} />}
        </svg>
      </div>
    </section>
  );
}

/** The bars of a dense map that have no element of their own (`own`): one path per status fill. */
function DenseBars({
  extents,
  bars,
  own,
}: {
  extents: readonly ExtentTuple[];
  bars: readonly Bar[];
  own: readonly Bar[];
}) {
  const paths = useMemo(() => {
    const drawn = new Set(own.map((b) => b.index));
    const byFill = new Map<string, string[]>();
    for (const { index, x0, x1 } of bars) {
      if (drawn.has(index)) continue;
      const status = extents[index]![2];
      const fill = statusFill(status);
      let d = byFill.get(fill);
      if (!d) byFill.set(fill, (d = []));
      // whole pixels: crisp edges, and integers turn into text several times faster
      const x = Math.round(x0);
      const w = Math.max(1, Math.round(x1) - x);
      d.push(`M${x} ${TRACK_Y}h${w}v${TRACK_H}h${-w}z`);
    }
    return [...byFill].map(([fill, d]) => ({ fill, d: d.join('') }));
  }, [extents, bars, own]);
  return (
    <g className="dense-bars" aria-hidden="true">
      {paths.map(({ fill, d }) => (
        <path key={fill} d={d} fill={fill} />
      ))}
    </g>
  );
}

/**
 * The bars of a dense map that keep their own element: the wide ones, and cache_es and the
 * step's extents even where a neighbour on the same pixel hid them.
 */
function ownBars(
  extents: readonly ExtentTuple[],
  bars: readonly Bar[],
  toX: (block: number) => number,
  width: number,
  cache: number | null,
  marks: ReadonlyMap<number, StepMark>,
): Bar[] {
  const own = bars.filter(({ x0, x1 }) => x1 - x0 >= WIDE_PX);
  const special = new Set(marks.keys());
  if (cache !== null) special.add(cache);
  for (const lblk of special) {
    const index = findExtent(extents, lblk);
    if (index < 0) continue;
    const [, len] = extents[index]!;
    const x0 = Math.max(-2, toX(lblk));
    const x1 = Math.min(width + 2, Math.max(x0 + 1.5, toX(lblk + len)));
    if (x1 < 0 || x0 > width || x1 - x0 >= WIDE_PX) continue;
    own.push({ index, x0, x1 });
  }
  return own.sort((a, b) => a.index - b.index);
}

/** Index of the extent starting at `lblk` (extents are sorted by lblk), or -1. */
function findExtent(extents: readonly ExtentTuple[], lblk: number): number {
  let lo = 0;
  let hi = extents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = extents[mid]![0];
    if (at === lblk) return mid;
    if (at < lblk) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
