import { memo, useState } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { selectCache, selectDetailIno, selectExtents } from '../../store/selectors.ts';
import { useStepMarks, type StepMark } from '../timeline/useStepMarks.ts';
import { STATUS_LABEL } from '../shared/status.ts';
import { Term } from '../shared/Term.tsx';

/** Rows drawn before "Show all": a table of 10,000 rows would slow every op down. */
const ROW_LIMIT = 300;

interface RowProps {
  lblk: number;
  len: number;
  status: string;
  pblk: number | null;
  cached: boolean;
  /** The step debugger's mark: the extent the current step is about, or one it changed. */
  mark: RowMark;
}

type RowMark = StepMark | null;

const MARK_WORDS = { focus: 'in this step', changed: 'changed' } as const;

/** One extent; memoised on its values, so an op re-renders only the rows it changed. */
const Row = memo(function Row({ lblk, len, status, pblk, cached, mark }: RowProps) {
  const cls = [cached ? 'cached' : '', mark ? `mark-${mark}` : ''].filter(Boolean).join(' ');
  return (
    <tr
      className={cls || undefined}
      data-cache={cached ? 'true' : undefined}
      data-mark={mark ?? undefined}
    >
      <td>
        {mark && <span className="visually-hidden">{MARK_WORDS[mark]}: </span>}
        {lblk}
      </td>
      <td>{len}</td>
      <td title={STATUS_LABEL[status]}>{status}</td>
      <td>{pblk ?? '—'}</td>
    </tr>
  );
});

/** The exact, copyable truth behind the drawings. */
export function ExtentsTable() {
  const extents = useEsx(selectExtents) ?? [];
  const ino = useEsx(selectDetailIno);
  const cache = useEsx(selectCache);
  const marks = useStepMarks();
  const [all, setAll] = useState(false);
  const rows = all ? extents : extents.slice(0, ROW_LIMIT);
  return (
    <section className="panel table-panel" aria-labelledby="table-title">
      <div className="panel-head">
        <h2 id="table-title">Extents</h2>
        <span className="pill">
          {extents.length === 1 ? '1 extent' : `${extents.length} extents`}
        </span>
      </div>
      <div className="table-scroll">
        <table aria-label={`Extents of inode ${ino}`}>
          <thead>
            <tr>
              <th scope="col">
                <Term term="lblk" />
              </th>
              <th scope="col">len</th>
              <th scope="col">status</th>
              <th scope="col">
                <Term term="pblk" />
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([lblk, len, status, pblk]) => (
              <Row
                key={lblk}
                lblk={lblk}
                len={len}
                status={status}
                pblk={pblk}
                cached={lblk === cache}
                mark={marks.get(lblk) ?? null}
              />
            ))}
          </tbody>
        </table>
        {extents.length === 0 && <p className="table-empty">No extents cached for inode {ino}.</p>}
        {extents.length > rows.length && (
          <button type="button" className="quiet show-all" onClick={() => setAll(true)}>
            Show all {extents.length} extents
          </button>
        )}
      </div>
      <p className="table-note">
        The row marked ◆ is cache_es{cache === null ? ' (none now)' : ''}. A dash: the status
        carries no physical block. Left bar: the step&apos;s extent (solid), changed (dotted).
      </p>
    </section>
  );
}
