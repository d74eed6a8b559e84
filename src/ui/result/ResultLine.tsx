/**
 * What the last op did, in words; engine errors show here. Two moments of the step debugger live
 * here too: the question before an op entered in the past drops the later ops, and Undo after it.
 */
import { useEsx } from '../../store/useEsx.ts';
import { selectOpCount, selectPending, selectResult, selectUndo } from '../../store/selectors.ts';
import { DropDialog } from './DropDialog.tsx';

export function ResultLine() {
  const result = useEsx(selectResult);
  const count = useEsx(selectOpCount);
  const pending = useEsx(selectPending);
  const undo = useEsx(selectUndo);
  const undoDrop = useEsx((s) => s.undoDrop);
  const kind = result?.kind ?? 'idle';
  return (
    <div className="result-area">
      {pending && <DropDialog drops={pending.drops} ops={pending.ops.length} />}
      <div className={`result ${kind}`} role="status" aria-label="Result" hidden={!!pending}>
        <span className="result-tag" aria-hidden="true">
          {kind === 'error' ? 'Error' : 'Result'}
        </span>
        <span className="result-text" data-testid="result-text">
          {result?.text ?? 'No op yet. Run one from the form, type a command, or load the example.'}
        </span>
        {undo && (
          <button
            type="button"
            className="undo"
            title={`Bring back the ${undo.dropped} dropped op${undo.dropped === 1 ? '' : 's'}`}
            onClick={() => void undoDrop()}
          >
            Undo
          </button>
        )}
        <span className="result-count" data-testid="op-count">
          {count === 1 ? '1 op in the log' : `${count} ops in the log`}
        </span>
      </div>
    </div>
  );
}
