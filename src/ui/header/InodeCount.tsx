import { useState, type FormEvent } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { selectInodeCount, selectSetInodeCount } from '../../store/selectors.ts';
import { checkNumber } from '../../store/validate.ts';

/** Choose how many inodes the superblock has; later changes go into the log as `add_inodes`. */
export function InodeCount() {
  const count = useEsx(selectInodeCount);
  const setInodeCount = useEsx(selectSetInodeCount);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = text ?? String(count);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = checkNumber('inodes', value);
    if (!c.ok) {
      setError(c.message);
      return;
    }
    setError(null);
    setText(null);
    void setInodeCount(c.value);
  };

  return (
    <form className="inode-count" onSubmit={submit} noValidate>
      <label htmlFor="inode-count">Inodes</label>
      <input
        id="inode-count"
        inputMode="numeric"
        value={value}
        size={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'inode-count-error' : 'inode-count-hint'}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="quiet">
        Set inodes
      </button>
      <span id="inode-count-hint" className="visually-hidden">
        1 to 64; once ops have run, inodes can only be added.
      </span>
      {error && (
        <span id="inode-count-error" className="field-error floating" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
