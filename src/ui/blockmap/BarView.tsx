import { memo } from 'react';
import { STATUS_LABEL, statusFill } from '../shared/status.ts';
import type { StepMark } from '../timeline/useStepMarks.ts';

export const TRACK_Y = 30;
export const TRACK_H = 50;

interface Props {
  lblk: number;
  len: number;
  status: string;
  pblk: number | null;
  x0: number;
  x1: number;
  cached: boolean;
  /** The step debugger's mark: a frame above and below the bar (solid: in this step; dotted: changed). */
  mark: StepMark | null;
}

/** One extent on the block map; memoised on its values and pixels. */
export const BarView = memo(function BarView({
  lblk,
  len,
  status,
  pblk,
  x0,
  x1,
  cached,
  mark,
}: Props) {
  const w = x1 - x0;
  const label =
    w > 92
      ? `[${lblk}/${len}) ${status}${pblk === null ? '' : ` → ${pblk}`}`
      : w > 22
        ? status
        : '';
  const words = STATUS_LABEL[status] ?? status;
  return (
    <g
      className={`bar${cached ? ' cached' : ''}${mark ? ` mark-${mark}` : ''}`}
      data-mark={mark ?? undefined}
      data-lblk={lblk}
      data-len={len}
      data-status={status}
      role="img"
      aria-label={`blocks ${lblk} to ${lblk + len - 1}, ${words}${pblk === null ? '' : `, physical ${pblk}`}${cached ? ', cache_es' : ''}`}
      aria-description={
        mark === 'focus' ? 'in the current step' : mark === 'changed' ? 'changed' : undefined
      }
    >
      {mark && (
        <rect
          className="step-frame"
          x={x0 - 2}
          y={TRACK_Y - 5}
          width={w + 4}
          height={TRACK_H + 10}
          rx={3}
        />
      )}
      <rect x={x0} y={TRACK_Y} width={w} height={TRACK_H} fill={statusFill(status)} />
      {label && (
        <text x={x0 + w / 2} y={TRACK_Y + TRACK_H / 2 + 4}>
          {label}
        </text>
      )}
    </g>
  );
});
