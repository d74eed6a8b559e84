import { useState, type FormEvent } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectDetailIno,
  selectFindMessage,
  selectFound,
  selectGoToBlock,
} from '../../store/selectors.ts';
import { parseNumber } from '../../core/ops.ts';

/**
 * "Go to block": finds the extent covering a logical block of the selected inode, centres it in
 * the tree and marks it there and in the table. A block no extent covers says so (and names the
 * next extent); a bad number gets a message next to the field and nothing is sent.
 */
export function GoToBlock() {
  const go = useEsx(selectGoToBlock);
  const found = useEsx(selectFound);
  const message = useEsx(selectFindMessage);
  const ino = useEsx(selectDetailIno);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = parseNumber(text.trim());
    if (n === null || n < 0 || n > 0xffffffff) {
      setError('Type a logical block: a whole number from 0 to 4294967295.');
      return;
    }
    setError(null);
    void go(n);
  };
  const said =
    error ??
    message ??
    (found && found.ino === ino && found.extent
      ? `Block ${found.lblk} is in extent [${found.extent[0]}/${found.extent[1]}) ${found.extent[2]}${found.extent[3] === null ? '' : ` at ${found.extent[3]}`}, depth ${found.depth}.`
      : '');
  return (
    <form className="goto-form" role="search" aria-label="Block search" onSubmit={submit}>
      <label htmlFor="goto-block">Go to block</label>
      <input
        id="goto-block"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby="goto-said"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="quiet">
        Go
      </button>
      <p id="goto-said" className={`goto-message${error ? ' field-error' : ''}`} role="status">
        {said}
      </p>
    </form>
  );
}
