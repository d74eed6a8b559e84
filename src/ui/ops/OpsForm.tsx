import { useState } from 'react';
import type { Op } from '../../core/ops.ts';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectInodeCount,
  selectRun,
  selectSelect,
  selectSelectedIno,
} from '../../store/selectors.ts';
import { checkNumber, type NumberField } from '../../store/validate.ts';
import { Field } from './Field.tsx';
import { STATUSES, STATUS_LABEL } from '../shared/status.ts';

type Action = 'insert' | 'remove' | 'lookup' | 'find_delayed' | 'lru_del' | 'shrink';
type Key = 'ino' | 'lblk' | 'len' | 'pblk' | 'nr';
type Errors = Partial<Record<Key, string>>;

const NEEDS: Record<Action, Key[]> = {
  insert: ['ino', 'lblk', 'len', 'pblk'],
  remove: ['ino', 'lblk', 'len'],
  lookup: ['ino', 'lblk'],
  find_delayed: ['ino', 'lblk'],
  lru_del: ['ino'],
  shrink: ['nr'],
};

/** The operations as a form: every field labelled, checked inline before anything is sent. */
export function OpsForm() {
  const run = useEsx(selectRun);
  const select = useEsx(selectSelect);
  const selected = useEsx(selectSelectedIno);
  const inodeCount = useEsx(selectInodeCount);
  const [inoText, setInoText] = useState<string | null>(null);
  const [values, setValues] = useState({ lblk: '10', len: '5', pblk: '100', nr: '8' });
  const [status, setStatus] = useState<string>('W');
  const [errors, setErrors] = useState<Errors>({});
  const ino = inoText ?? String(selected);

  const edit = (k: Key, v: string) => {
    if (k === 'ino') {
      setInoText(v);
      const c = checkNumber('ino', v, inodeCount);
      if (c.ok) {
        select(c.value);
        setInoText(null);
      }
    } else setValues((s) => ({ ...s, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const submit = (action: Action) => {
    const needs = NEEDS[action];
    const mapped = status.includes('W') || status.includes('U');
    const errs: Errors = {};
    const got: Partial<Record<Key, number>> = {};
    for (const k of needs) {
      const text = k === 'ino' ? ino : values[k];
      if (k === 'pblk' && !mapped && text.trim() === '') continue;
      const c = checkNumber(k as NumberField, text, k === 'ino' ? inodeCount : undefined);
      if (c.ok) got[k] = c.value;
      else
        errs[k] =
          k === 'pblk' && mapped && text.trim() === ''
            ? `Status ${status} needs a physical block.`
            : c.message;
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      const first = needs.find((k) => errs[k]);
      if (first) document.getElementById(`op-${first}`)?.focus();
      return;
    }
    const i = got.ino ?? 1;
    const lblk = got.lblk ?? 0;
    const len = got.len ?? 0;
    let op: Op;
    switch (action) {
      case 'insert':
        op = {
          op: 'insert',
          ino: i,
          lblk,
          len,
          status,
          ...(got.pblk !== undefined && mapped ? { pblk: got.pblk } : {}),
        };
        break;
      case 'remove':
        op = { op: 'remove', ino: i, lblk, len };
        break;
      case 'lookup':
      case 'find_delayed':
        op = { op: action, ino: i, lblk };
        break;
      case 'lru_del':
        op = { op: 'lru_del', ino: i };
        break;
      case 'shrink':
        op = { op: 'shrink', nr: got.nr ?? 0 };
        break;
    }
    void run([op]);
  };

  const mapped = status.includes('W') || status.includes('U');
  return (
    <form className="ops-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <div className="field-grid">
        <Field
          id="op-ino"
          label="Inode"
          value={ino}
          error={errors.ino}
          onChange={(v) => edit('ino', v)}
        />
        <div className="field">
          <label htmlFor="op-status">Status</label>
          <select id="op-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s} ({STATUS_LABEL[s]})
              </option>
            ))}
          </select>
        </div>
        <Field
          id="op-lblk"
          label="Logical block"
          value={values.lblk}
          error={errors.lblk}
          onChange={(v) => edit('lblk', v)}
        />
        <Field
          id="op-len"
          label="Length"
          value={values.len}
          error={errors.len}
          onChange={(v) => edit('len', v)}
        />
        <Field
          id="op-pblk"
          label="Physical block"
          value={values.pblk}
          error={errors.pblk}
          hint={mapped ? undefined : 'Not used by D and H.'}
          onChange={(v) => edit('pblk', v)}
        />
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => submit('insert')}>
          Insert
        </button>
        <button type="button" onClick={() => submit('remove')}>
          Remove
        </button>
        <button type="button" onClick={() => submit('lookup')}>
          Look up
        </button>
        <button type="button" onClick={() => submit('find_delayed')}>
          Find delayed
        </button>
      </div>
      <div className="button-row shrink-row">
        <Field
          id="op-nr"
          label="Objects to scan"
          value={values.nr}
          error={errors.nr}
          onChange={(v) => edit('nr', v)}
        />
        <button type="button" onClick={() => submit('shrink')}>
          Shrink
        </button>
        <button type="button" onClick={() => submit('lru_del')}>
          Drop from LRU
        </button>
      </div>
    </form>
  );
}
