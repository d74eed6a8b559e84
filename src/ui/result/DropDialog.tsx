/**
 * The question asked before an op entered in the past drops the ops after the cursor. Focus goes
 * to Cancel (the choice that loses nothing); Escape cancels; focus returns to where it was.
 */
import { useEffect, useRef } from 'react';
import { useEsx } from '../../store/useEsx.ts';

interface Props {
  drops: number;
  ops: number;
}

export function DropDialog({ drops, ops }: Props) {
  const confirmRun = useEsx((s) => s.confirmRun);
  const cancelRun = useEsx((s) => s.cancelRun);
  const cancel = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancel.current?.focus();
    const box0 = box.current;
    return () => {
      // Back to the field the op came from, unless the person has moved on meanwhile.
      const now = document.activeElement;
      if (back?.isConnected && (now === document.body || (now && box0?.contains(now))))
        back.focus();
    };
  }, []);

  const what = `the ${drops} later op${drops === 1 ? '' : 's'}`;
  return (
    <div
      ref={box}
      className="drop-dialog"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="drop-title"
      aria-describedby="drop-desc"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          cancelRun();
        }
      }}
    >
      <span className="drop-icon" aria-hidden="true">
        !
      </span>
      <div className="drop-words">
        <strong id="drop-title">Running this drops {what}</strong>
        <span id="drop-desc">
          The cursor is in the past. Run {ops === 1 ? 'the op' : `the ${ops} ops`} here and drop{' '}
          {what} after it? Undo brings them back.
        </span>
      </div>
      <div className="drop-actions">
        <button type="button" className="danger" onClick={() => void confirmRun()}>
          Drop and run
        </button>
        <button type="button" ref={cancel} onClick={cancelRun}>
          Cancel
        </button>
      </div>
    </div>
  );
}
