import { memo } from 'react';
import { STATUS_LABEL, statusFill } from '../shared/status.ts';

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
}

/** One extent on the block map; memoised on its values and pixels. */
export const BarView = memo(function BarView({ lblk, len, status, pblk, x0, x1, cached }: Props) {
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
      className={`bar${cached ? ' cached' : ''}`}
      data-lblk={lblk}
      data-len={len}
      data-status={status}
      role="img"
      aria-label={`blocks ${lblk} to ${lblk + len - 1}, ${words}${pblk === null ? '' : `, physical ${pblk}`}${cached ? ', cache_es' : ''}`}
    >
      <rect x={x0} y={TRACK_Y} width={w} height={TRACK_H} fill={statusFill(status)} />
      {label && (
        <text x={x0 + w / 2} y={TRACK_Y + TRACK_H / 2 + 4}>
          {label}
        </text>
      )}
    </g>
  );
});
