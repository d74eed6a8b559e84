/**
 * The progress of a long job in the worker (workload or trace import) with its Cancel button.
 * Also used before the job starts (reading a file) with no value: an indeterminate bar.
 */
import { useEsx } from '../../store/useEsx.ts';
import { selectJob } from '../../store/selectors.ts';
import type { EsxState } from '../../store/esxStore.ts';

const selectCancelJob = (s: EsxState) => s.cancelJob;
// One formatter for every update (toLocaleString builds a new one on each call).
const NUM = new Intl.NumberFormat('en');

interface Props {
  kind: 'workload' | 'import';
  label: string;
  /** Shown while the page itself works (reading a file), before the worker's job starts. */
  local?: { text: string; cancel(): void } | null;
}

export function JobProgress({ kind, label, local }: Props) {
  const job = useEsx(selectJob);
  const cancelJob = useEsx(selectCancelJob);
  const mine = job && job.kind === kind ? job : null;
  if (!mine && !local) return null;
  const share = mine && mine.total > 0 ? Math.min(1, mine.done / mine.total) : null;
  const text = mine
    ? `${NUM.format(mine.done)} of ${NUM.format(mine.total)} ${mine.label}`
    : (local?.text ?? '');
  return (
    <div className="job" aria-live="polite">
      <div
        className={`progress ${share === null ? 'indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={mine ? mine.total : undefined}
        aria-valuenow={mine ? mine.done : undefined}
        aria-valuetext={text}
      >
        <span style={share === null ? undefined : { width: `${share * 100}%` }} />
      </div>
      <div className="job-foot">
        <span className="hint" data-testid={`${kind}-progress-text`}>
          {share === null ? text : `${Math.floor(share * 100)}% · ${text}`}
        </span>
        <button type="button" onClick={() => (mine ? cancelJob() : local?.cancel())}>
          Cancel
        </button>
      </div>
    </div>
  );
}
