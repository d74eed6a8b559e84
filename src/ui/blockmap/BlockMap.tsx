import { useRef } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectCache,
  selectDetailIno,
  selectExtents,
  selectLookup,
} from '../../store/selectors.ts';
import { useSize } from '../shared/useSize.ts';
import { baseDomain, visibleBars } from './scale.ts';
import { BarView } from './BarView.tsx';
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
  const { zoom, sc } = useBlockScale(svgRef, d0, d1, width, Math.max(2, (d1 - d0) / 4), ino);
  const bars = visibleBars(extents, sc, width);

  const onKeyDown = mapKeys(zoom);

  const [v0, v1] = sc.domain() as [number, number];
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
          aria-label={`Block map of inode ${ino}: ${extents.length} extents. Left and right pan, + and - zoom, 0 fits.`}
          className="map-svg"
          onKeyDown={onKeyDown}
        >
          <MapTrack sc={sc} width={width} />
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
          {mark !== null && <LookupMark sc={sc} block={mark} />}
        </svg>
      </div>
    </section>
  );
}
