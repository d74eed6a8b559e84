/**
 * Reclaimable extents over the timeline, as a step chart; the cursor is a vertical rule. A click
 * seeks to the state after the ops under it; with the chart focused, ← and → step one point,
 * Home and End go to the ends. The caption is the text alternative.
 */
import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { EsxState } from '../../store/esxStore.ts';
import { useEsx } from '../../store/useEsx.ts';
import { selectCursor, selectLength, selectReclaimable } from '../../store/selectors.ts';
import { useSize } from '../shared/useSize.ts';
import { chartGeometry } from './chart.ts';

const HEIGHT = 84;
const selectSeek = (s: EsxState) => s.seek;

export function ReclaimableChart() {
  const series = useEsx(selectReclaimable);
  const length = useEsx(selectLength);
  const cursor = useEsx(selectCursor);
  const seek = useEsx(selectSeek);
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const points = series?.points ?? [];
  const every = series?.every ?? 1;
  const g = chartGeometry(points, every, length, Math.max(60, width), HEIGHT);
  const last = points[points.length - 1];
  const peak = points.length ? Math.max(...points) : 0;
  const peakAt = points.indexOf(peak);
  const summary =
    points.length === 0
      ? 'No ops yet: the chart starts with the first op.'
      : `Reclaimable extents after each of ${length} op${length === 1 ? '' : 's'}${every > 1 ? ` (each point the largest of ${every} ops)` : ''}: peak ${peak} after op ${Math.min(length, (peakAt + 1) * every)}, ${last} at the end.`;

  const go = (op: number) => void seek({ op: Math.max(0, Math.min(length, op)), step: 0 });
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    go(g.opAt(e.clientX - r.left));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const k = e.key;
    let op: number | null = null;
    if (k === 'ArrowRight') op = (Math.floor(cursor.op / every) + 1) * every;
    else if (k === 'ArrowLeft') op = (Math.ceil(cursor.op / every) - 1) * every;
    else if (k === 'Home') op = 0;
    else if (k === 'End') op = length;
    if (op === null) return;
    e.preventDefault();
    go(op);
  };
  const cx = g.x(cursor.op);
  return (
    <figure className="reclaim-chart">
      <figcaption id="reclaim-caption">
        <span className="chart-title">Reclaimable extents over the timeline</span>
        <span className="hint" id="reclaim-summary" data-testid="reclaim-summary">
          {summary}
        </span>
        <span className="hint chart-at" data-testid="reclaim-cursor">
          {cursor.step > 0
            ? `Cursor inside op ${cursor.op + 1}.`
            : cursor.op === 0
              ? 'Cursor before the first op.'
              : `Cursor after op ${cursor.op} of ${length}.`}
        </span>
      </figcaption>
      <div ref={box} className="chart-box">
        {points.length ? (
          <svg
            width={Math.max(60, width)}
            height={HEIGHT}
            role="img"
            aria-labelledby="reclaim-caption"
            tabIndex={0}
            aria-keyshortcuts="ArrowLeft ArrowRight Home End"
            onClick={onClick}
            onKeyDown={onKey}
          >
            <title>Click to seek; arrow keys step along the chart.</title>
            <line className="chart-axis" x1={g.x(0)} x2={g.x(length)} y1={g.y(0)} y2={g.y(0)} />
            <path className="chart-area" d={g.area} />
            <path className="chart-line" d={g.line} />
            <line className="chart-cursor" x1={cx} x2={cx} y1={4} y2={HEIGHT - 2} />
            <text className="chart-max" x={g.x(0) + 2} y={12}>
              {g.max}
            </text>
          </svg>
        ) : null}
      </div>
    </figure>
  );
}
