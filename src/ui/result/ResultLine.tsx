import { useEsx } from '../../store/useEsx.ts';
import { selectOpCount, selectResult } from '../../store/selectors.ts';

/** What the last op did, in words; engine errors show here. */
export function ResultLine() {
  const result = useEsx(selectResult);
  const count = useEsx(selectOpCount);
  const kind = result?.kind ?? 'idle';
  return (
    <div className={`result ${kind}`} role="status" aria-label="Result">
      <span className="result-tag" aria-hidden="true">
        {kind === 'error' ? 'Error' : 'Result'}
      </span>
      <span className="result-text" data-testid="result-text">
        {result?.text ?? 'No op yet. Run one from the form, type a command, or load the example.'}
      </span>
      <span className="result-count" data-testid="op-count">
        {count === 1 ? '1 op in the log' : `${count} ops in the log`}
      </span>
    </div>
  );
}
