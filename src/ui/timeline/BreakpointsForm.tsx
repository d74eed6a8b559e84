/**
 * Breakpoints: a toggle per kind of step, "on inode N", "on blocks A to B of inode N" (checked as
 * they are typed), and the list of those set, each with Remove.
 */
import { useId, useState, type FormEvent } from 'react';
import { describeBreakpoint, type Breakpoint } from '../../core/breakpoints.ts';
import { STEP_CATEGORIES, type StepCategory } from '../../core/steps.ts';
import { useEsx } from '../../store/useEsx.ts';
import { selectBreakpoints, selectInodeCount } from '../../store/selectors.ts';
import { checkBlocks, checkInode } from './kernel.ts';

const CATEGORY_LABEL: Record<StepCategory, string> = {
  rotation: 'Rotation',
  recolor: 'Recolour',
  merge: 'Merge',
  split: 'Split',
  erase: 'Erase',
  cache_miss: 'Cache miss',
  reclaim: 'Reclaim',
  lru: 'LRU move',
  other: 'Other',
};

function same(a: Breakpoint, b: Breakpoint): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface NumProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange(v: string): void;
}

function Num({ id, label, value, error, onChange }: NumProps) {
  return (
    <span className="bp-num">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}

export function BreakpointsForm() {
  const bps = useEsx(selectBreakpoints);
  const toggle = useEsx((s) => s.toggleBreakpoint);
  const setBreakpoints = useEsx((s) => s.setBreakpoints);
  const count = useEsx(selectInodeCount);
  const id = useId();
  const [ino, setIno] = useState('');
  const [inoTouched, setInoTouched] = useState(false);
  const [rIno, setRIno] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rangeTouched, setRangeTouched] = useState(false);

  const add = (bp: Breakpoint) => {
    if (!bps.some((b) => same(b, bp))) setBreakpoints([...bps, bp]);
  };

  const inoCheck = checkInode(ino, count);
  const rInoCheck = checkInode(rIno, count);
  const blocks = checkBlocks(from, to);
  // An empty field is only flagged once the person tried to add.
  const show = (touched: boolean, text: string, error: string | undefined) =>
    touched || text.trim() !== '' ? error : undefined;

  const onInode = (e: FormEvent) => {
    e.preventDefault();
    setInoTouched(true);
    if (inoCheck.value === null) return;
    add({ on: 'inode', ino: inoCheck.value });
    setIno('');
    setInoTouched(false);
  };
  const onRange = (e: FormEvent) => {
    e.preventDefault();
    setRangeTouched(true);
    if (rInoCheck.value === null || !blocks.range) return;
    add({ on: 'range', ino: rInoCheck.value, ...blocks.range });
    setFrom('');
    setTo('');
    setRangeTouched(false);
  };

  return (
    <div className="bp-form">
      <fieldset className="bp-kinds">
        <legend>Stop on every step of a kind</legend>
        {STEP_CATEGORIES.map((c) => {
          const bp: Breakpoint = { on: 'category', category: c };
          const on = bps.some((b) => same(b, bp));
          return (
            <label key={c} className={`bp-kind${on ? ' on' : ''}`}>
              <input type="checkbox" checked={on} onChange={() => toggle(bp)} />
              {CATEGORY_LABEL[c]}
            </label>
          );
        })}
      </fieldset>
      <form className="bp-row" onSubmit={onInode} noValidate aria-label="Breakpoint on an inode">
        <span className="bp-words">On inode</span>
        <Num
          id={`${id}-ino`}
          label="Breakpoint inode"
          value={ino}
          error={show(inoTouched, ino, inoCheck.error)}
          onChange={setIno}
        />
        <button type="submit">Add</button>
      </form>
      <form
        className="bp-row"
        onSubmit={onRange}
        noValidate
        aria-label="Breakpoint on a block range"
      >
        <span className="bp-words">On blocks</span>
        <Num
          id={`${id}-from`}
          label="First block"
          value={from}
          error={show(rangeTouched, from, blocks.errorA)}
          onChange={setFrom}
        />
        <span className="bp-words">to</span>
        <Num
          id={`${id}-to`}
          label="Last block"
          value={to}
          error={show(rangeTouched, to, blocks.errorB)}
          onChange={setTo}
        />
        <span className="bp-words">of inode</span>
        <Num
          id={`${id}-rino`}
          label="Range inode"
          value={rIno}
          error={show(rangeTouched, rIno, rInoCheck.error)}
          onChange={setRIno}
        />
        <button type="submit">Add</button>
      </form>
      <h3 id={`${id}-list`}>Set</h3>
      {bps.length === 0 ? (
        <p className="bp-none">No breakpoints: Continue runs to the end.</p>
      ) : (
        <ul className="bp-list" aria-labelledby={`${id}-list`}>
          {bps.map((bp) => {
            const text = describeBreakpoint(bp);
            return (
              <li key={JSON.stringify(bp)}>
                <span className="bp-dot" aria-hidden="true" />
                <span className="bp-text">{text}</span>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Remove breakpoint: ${text}`}
                  onClick={() => setBreakpoints(bps.filter((b) => !same(b, bp)))}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
