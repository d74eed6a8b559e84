import { useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useEsx, useEsxStore } from '../../store/useEsx.ts';
import { selectRemember, selectRun } from '../../store/selectors.ts';
import { parseCommandLines } from '../../store/validate.ts';

/**
 * The CLI syntax, one command per line (paste many at once). Enter runs, Shift+Enter adds a line,
 * ↑ on the first line and ↓ on the last walk the history.
 */
export function CommandField() {
  const run = useEsx(selectRun);
  const remember = useEsx(selectRemember);
  const store = useEsxStore();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Position in the history while walking it; null when editing fresh text. */
  const walk = useRef<{ index: number; draft: string } | null>(null);

  const submit = () => {
    const parsed = parseCommandLines(text);
    if (!parsed.ok) {
      const [first] = parsed.errors;
      const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
      setError(first ? `Line ${first.line}: ${first.message}${more}. Nothing was run.` : null);
      return;
    }
    if (parsed.ops.length === 0) return;
    remember(text);
    walk.current = null;
    // Clear the field when the reply lands, so the page changes in one frame, not two. The reply
    // arrives outside any event, where React would defer this update to a later task (and frame);
    // flushSync keeps it in the task that commits the reply.
    void run(parsed.ops).then(() => {
      flushSync(() => {
        setError(null);
        setText((t) => (t === text ? '' : t));
      });
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
      return;
    }
    const history = store.getState().history;
    if (e.key === 'ArrowUp' && !el.value.slice(0, el.selectionStart).includes('\n')) {
      if (history.length === 0) return;
      e.preventDefault();
      const w = walk.current ?? { index: history.length, draft: text };
      w.index = Math.max(0, w.index - 1);
      walk.current = w;
      setText(history[w.index] ?? '');
    } else if (e.key === 'ArrowDown' && !el.value.slice(el.selectionEnd).includes('\n')) {
      const w = walk.current;
      if (!w) return;
      e.preventDefault();
      w.index += 1;
      if (w.index >= history.length) {
        walk.current = null;
        setText(w.draft);
      } else setText(history[w.index] ?? '');
    }
  };

  const lines = text.split('\n').length;
  return (
    <div className={`field command ${error ? 'invalid' : ''}`}>
      <label htmlFor="op-command">Command</label>
      <textarea
        id="op-command"
        value={text}
        rows={Math.min(6, Math.max(2, lines))}
        spellCheck={false}
        autoComplete="off"
        placeholder={'insert 1 10 5 100 W\nlookup 1 12'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'op-command-error op-command-hint' : 'op-command-hint'}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span id="op-command-error" className="field-error" role="alert">
          {error}
        </span>
      )}
      <div className="command-foot">
        <span id="op-command-hint" className="hint">
          Enter runs every line · Shift+Enter adds a line · ↑/↓ history
        </span>
        <button type="button" onClick={submit}>
          Run
        </button>
      </div>
    </div>
  );
}
