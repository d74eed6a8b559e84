/**
 * What an import brought in: counts, the explorer inodes with their original device and inode
 * number, the bookmarks, the lines it could not read (the first 100, with line numbers) and the
 * divergences from the 3.9 model. A divergence jumps to just after its op: the op is then the one
 * in focus, with the model's result and steps next to what the trace said, and the state it left.
 */
import type { EsxState } from '../../store/esxStore.ts';
import { useEsx } from '../../store/useEsx.ts';
import { selectSelect } from '../../store/selectors.ts';
import type { ImportSummary } from '../../worker/protocol.ts';

const selectSeek = (s: EsxState) => s.seek;
const SHOWN = 200;

/** "line L (op K, who): what" → who and what (op numbers in the UI count from 1). */
function split(text: string): { who: string | null; what: string } {
  const m = /^line \d+ \(op \d+, ([^)]*)\): (.*)$/s.exec(text);
  return m ? { who: m[1]!, what: m[2]! } : { who: null, what: text };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export function ImportReport({ summary }: { summary: ImportSummary }) {
  const seek = useEsx(selectSeek);
  const select = useEsx(selectSelect);
  const { divergences, unparsed, inodes, bookmarks } = summary;
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title">
        Imported <span className="file-name">{summary.name}</span>
      </h3>
      <p className="import-counts" data-testid="import-counts">
        {plural(summary.ops, 'op')} on {plural(inodes.length, 'inode')},{' '}
        {plural(divergences.length, 'divergence')},{' '}
        {unparsed.length >= 100
          ? '100 or more unparsed lines'
          : plural(unparsed.length, 'unparsed line')}
        {bookmarks.length ? `, ${plural(bookmarks.length, 'bookmark')}` : ''}.
      </p>

      <h4 id="import-inodes-title">Inodes</h4>
      <div className="report-scroll">
        <table className="import-inodes" aria-labelledby="import-inodes-title">
          <thead>
            <tr>
              <th scope="col">Explorer</th>
              <th scope="col">Device</th>
              <th scope="col">Trace inode</th>
            </tr>
          </thead>
          <tbody>
            {inodes.map((i) => (
              <tr key={i.ino}>
                <td>
                  <button type="button" className="link" onClick={() => select(i.ino)}>
                    inode {i.ino}
                  </button>
                </td>
                <td>{i.dev}</td>
                <td>{i.traceIno}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4 id="import-div-title">Divergences from the 3.9 model</h4>
      {divergences.length === 0 ? (
        <p className="hint">None: every exit event agrees with the model.</p>
      ) : (
        <>
          <p className="hint">
            Each opens the op just done, so its result sits next to the trace’s.
          </p>
          <ol className="divergences report-scroll" aria-labelledby="import-div-title">
            {divergences.slice(0, SHOWN).map((d, k) => (
              <li key={`${d.line}-${k}`}>
                <button
                  type="button"
                  className="divergence"
                  onClick={() => void seek({ op: d.opIndex + 1, step: 0 })}
                >
                  <span className="div-where">
                    line {d.line} · op {d.opIndex + 1} · {split(d.text).who ?? d.kind}
                  </span>
                  <span className="div-text">{split(d.text).what}</span>
                </button>
              </li>
            ))}
          </ol>
          {divergences.length > SHOWN ? (
            <p className="hint">
              The first {SHOWN} are listed; the full report below has all{' '}
              {divergences.length.toLocaleString('en')}.
            </p>
          ) : null}
        </>
      )}

      {bookmarks.length ? (
        <>
          <h4 id="import-bm-title">Bookmarks</h4>
          <ol className="bookmarks report-scroll" aria-labelledby="import-bm-title">
            {bookmarks.map((b, k) => (
              <li key={`${b.line}-${k}`}>
                <button
                  type="button"
                  className="link"
                  onClick={() => void seek({ op: b.opIndex, step: 0 })}
                >
                  {b.name}
                </button>{' '}
                <span className="hint">
                  line {b.line}, before op {b.opIndex + 1}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <h4 id="import-unparsed-title">Lines not read</h4>
      {unparsed.length === 0 ? (
        <p className="hint">None: every ext4_es line became an op or a comparison.</p>
      ) : (
        <ol className="unparsed report-scroll" aria-labelledby="import-unparsed-title">
          {unparsed.slice(0, 100).map((u) => (
            <li key={u.line}>
              <span className="line-no">line {u.line}</span> <code>{u.text}</code>
            </li>
          ))}
        </ol>
      )}

      <details className="full-report">
        <summary>Full report</summary>
        <pre>{summary.report}</pre>
      </details>
    </section>
  );
}
