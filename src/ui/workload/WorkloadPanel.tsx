/**
 * The Workloads tab: a seeded generator modelled on ext4's 3.9 callers, its parameters checked
 * inline with the engine's own `checkWorkload`, run in the worker with progress and Cancel. The
 * ops land in the log, so they can be stepped through and shared.
 */
import { useState } from 'react';
import {
  DEFAULT_WORKLOAD,
  WORKLOAD_KINDS,
  checkWorkload,
  type WorkloadKind,
  type WorkloadParams,
} from '../../core/workloads.ts';
import { parseNumber } from '../../core/ops.ts';
import type { EsxState } from '../../store/esxStore.ts';
import { useEsx } from '../../store/useEsx.ts';
import { selectJob } from '../../store/selectors.ts';
import { MAX_UI_INODES } from '../../store/validate.ts';
import { Field } from '../ops/Field.tsx';
import { JobProgress } from './JobProgress.tsx';

type Key = Exclude<keyof WorkloadParams, 'kind'>;

const FIELDS: { key: Key; label: string; hint?: string }[] = [
  { key: 'files', label: 'Files' },
  { key: 'firstIno', label: 'First inode' },
  { key: 'fileSize', label: 'File size', hint: 'blocks' },
  { key: 'maxOps', label: 'Op count', hint: 'at most' },
  { key: 'seed', label: 'Seed' },
  { key: 'shrinkEvery', label: 'Shrink every', hint: 'ops; 0 never' },
  { key: 'shrinkNr', label: 'Objects to scan', hint: 'per shrink' },
];

const selectRunWorkload = (s: EsxState) => s.runWorkload;

/** The form starts on the workload this panel is about: several files, the shrinker called often. */
const START: WorkloadParams = {
  ...DEFAULT_WORKLOAD,
  kind: 'mixed-pressure',
  files: 4,
  fileSize: 256,
  shrinkEvery: 100,
};

/** The message for one field, checked alone (the others at their defaults). */
export function fieldError(key: Key, text: string): string | null {
  const v = parseNumber(text.trim());
  if (text.trim() === '' || v === null) return 'Enter a whole number.';
  const msg = checkWorkload({ ...DEFAULT_WORKLOAD, [key]: v });
  return msg ? msg.charAt(0).toUpperCase() + msg.slice(1) + '.' : null;
}

export function WorkloadPanel() {
  const runWorkload = useEsx(selectRunWorkload);
  const job = useEsx(selectJob);
  const [kind, setKind] = useState<WorkloadKind>(START.kind);
  const [text, setText] = useState<Record<Key, string>>(() => {
    const t = {} as Record<Key, string>;
    for (const f of FIELDS) t[f.key] = String(START[f.key]);
    return t;
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const about = WORKLOAD_KINDS.find((w) => w.kind === kind)?.about ?? '';

  const edit = (k: Key, v: string) => {
    setText((t) => ({ ...t, [k]: v }));
    setErrors((e) => ({ ...e, [k]: fieldError(k, v) ?? undefined }));
  };

  const submit = () => {
    const errs: Partial<Record<Key, string>> = {};
    const params: WorkloadParams = { ...START, kind };
    for (const f of FIELDS) {
      const e = fieldError(f.key, text[f.key]);
      if (e) errs[f.key] = e;
      else params[f.key] = parseNumber(text[f.key].trim())!;
    }
    if (!errs.files && !errs.firstIno && params.firstIno + params.files - 1 > MAX_UI_INODES)
      errs.files = `Files from inode ${params.firstIno} would reach inode ${params.firstIno + params.files - 1}; the explorer shows up to ${MAX_UI_INODES}.`;
    setErrors(errs);
    const first = FIELDS.find((f) => errs[f.key]);
    if (first) {
      document.getElementById(`wl-${first.key}`)?.focus();
      return;
    }
    const whole = checkWorkload(params);
    if (whole) return;
    void runWorkload(params);
  };

  return (
    <form
      className="workload"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="field">
        <label htmlFor="wl-kind">Workload</label>
        <select
          id="wl-kind"
          value={kind}
          aria-describedby="wl-about"
          onChange={(e) => setKind(e.target.value as WorkloadKind)}
        >
          {WORKLOAD_KINDS.map((w) => (
            <option key={w.kind} value={w.kind}>
              {w.title}
            </option>
          ))}
        </select>
        <p id="wl-about" className="hint wl-about">
          {about}
        </p>
      </div>
      <div className="field-grid">
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            id={`wl-${f.key}`}
            label={f.label}
            value={text[f.key]}
            error={errors[f.key]}
            {...(f.hint ? { hint: f.hint } : {})}
            onChange={(v) => edit(f.key, v)}
          />
        ))}
      </div>
      <div className="wl-actions">
        <button type="submit" className="primary" disabled={job !== null}>
          Run workload
        </button>
        <span className="hint">
          Ops are appended to the log; step through them on the timeline.
        </span>
      </div>
      <JobProgress kind="workload" label="Workload progress" />
    </form>
  );
}
