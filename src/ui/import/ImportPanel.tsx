/**
 * The Import tab: a kernel trace from a file (picker or drop) or one of the samples, parsed and
 * replayed in the worker with progress and Cancel, then its report: the inodes it created, the
 * lines it could not read and the divergences from the 3.9 model, each a jump on the timeline.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { EsxState } from '../../store/esxStore.ts';
import { useEsx } from '../../store/useEsx.ts';
import { selectImported, selectJob, selectOpCount } from '../../store/selectors.ts';
import { JobProgress } from '../workload/JobProgress.tsx';
import { ImportReport } from './ImportReport.tsx';
import { SAMPLES, readTraceFile, sampleUrl } from './samples.ts';

const selectImportTrace = (s: EsxState) => s.importTrace;

export function ImportPanel() {
  const importTrace = useEsx(selectImportTrace);
  const job = useEsx(selectJob);
  const opCount = useEsx(selectOpCount);
  const imported = useEsx(selectImported);
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  // bumped by Cancel while the page reads: a read that finishes after it is dropped
  const token = useRef(0);
  const busy = reading !== null || job !== null;

  const load = async (name: string, read: () => Promise<string>) => {
    if (busy) return;
    const mine = ++token.current;
    setProblem(null);
    setReading(`Reading ${name}…`);
    let text: string;
    try {
      text = await read();
    } catch (e) {
      if (mine === token.current) {
        setReading(null);
        setProblem(`Could not read ${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return;
    }
    if (mine !== token.current) return;
    setReading(null);
    await importTrace(text, name);
  };

  const fromFile = (file: File | undefined) => {
    if (file) void load(file.name, () => readTraceFile(file, file.name));
  };
  const fromSample = (i: number) => {
    const s = SAMPLES[i];
    if (!s) return;
    void load(s.file, async () => {
      const r = await fetch(sampleUrl(s));
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    fromFile(e.dataTransfer.files[0]);
  };

  return (
    <div className="import">
      {opCount > 0 ? (
        <p className="import-warn" role="note">
          <strong>An import starts a new session.</strong> The current one ({opCount} op
          {opCount === 1 ? '' : 's'}) is not lost: autosave keeps it.
        </p>
      ) : null}
      <div
        className={`dropzone ${over ? 'over' : ''}`}
        data-testid="trace-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label className={`file-button ${busy ? 'disabled' : ''}`}>
          <input
            type="file"
            className="visually-hidden"
            accept=".txt,.trace,.log,.gz,text/plain,application/gzip"
            disabled={busy}
            onChange={(e) => {
              fromFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          Open trace file
        </label>
        <span className="hint">
          or drop one here: ftrace <code>trace</code>, <code>trace-cmd report</code> or{' '}
          <code>perf script</code> text, plain or <code>.gz</code>.
        </span>
      </div>
      <div className="samples">
        <h3 id="samples-title">Samples</h3>
        <ul aria-labelledby="samples-title">
          {SAMPLES.map((s, i) => (
            <li key={s.file}>
              <button type="button" disabled={busy} onClick={() => fromSample(i)}>
                {s.label}
                <span className={`origin ${s.origin}`}>{s.origin}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <JobProgress
        kind="import"
        label="Import progress"
        local={
          reading
            ? {
                text: reading,
                cancel: () => {
                  token.current++;
                  setReading(null);
                },
              }
            : null
        }
      />
      {imported && !busy ? <ImportReport summary={imported} /> : null}
    </div>
  );
}
