import { memo, useEffect, useRef, useState } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectBig,
  selectCache,
  selectDetailCount,
  selectDetailIno,
  selectExtents,
  selectFound,
  selectFoundSeq,
  selectSetBigWindow,
} from '../../store/selectors.ts';
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
  /** The extent "Go to block" found. */
  found: boolean;
  /** aria-rowindex, when the table shows only a page of its rows. */
  index?: number;
}

type RowMark = StepMark | null;

const MARK_WORDS = { focus: 'in this step', changed: 'changed' } as const;

/** One extent; memoised on its values, so an op re-renders only the rows it changed. */
const Row = memo(function Row({ lblk, len, status, pblk, cached, mark, found, index }: RowProps) {
  const cls = [cached ? 'cached' : '', mark ? `mark-${mark}` : '', found ? 'found' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      aria-rowindex={index}
      className={cls || undefined}
      data-cache={cached ? 'true' : undefined}
      data-mark={mark ?? undefined}
      data-found={found ? 'true' : undefined}
    >
      <td>
        {found && <span className="visually-hidden">found: </span>}
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
  const isBig = useEsx((s) => (s.snapshot?.detail.big ?? null) !== null);
  return isBig ? <BigTable /> : <SmallTable />;
}

const PAGE = 100;

function Head() {
  return (
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
  );
}

/**
 * A big tree's extents, a page at a time: the worker sends only the rows of the page shown.
 * "Go to block" turns to the page of the extent found and marks its row.
 */
function BigTable() {
  const big = useEsx(selectBig)!;
  const count = useEsx(selectDetailCount);
  const ino = useEsx(selectDetailIno);
  const cache = useEsx(selectCache);
  const found = useEsx(selectFound);
  const foundSeq = useEsx(selectFoundSeq);
  const setWindow = useEsx(selectSetBigWindow);
  const from = big.rows.from;
  const rows = big.rows.extents;
  const turn = (to: number) =>
    setWindow({ rows: { from: Math.max(0, Math.min(to, count - PAGE)), count: PAGE } });
  const seen = useRef(foundSeq);
  useEffect(() => {
    if (seen.current === foundSeq) return;
    seen.current = foundSeq;
    if (found && found.ino === ino && found.rank >= 0)
      setWindow({ rows: { from: Math.max(0, found.rank - 5), count: PAGE } });
  }, [found, foundSeq, ino, setWindow]);
  const foundLblk = found && found.ino === ino && found.extent ? found.extent[0] : null;
  const last = Math.min(count, from + rows.length);
  return (
    <section className="panel table-panel" aria-labelledby="table-title">
      <div className="panel-head">
        <h2 id="table-title">Extents</h2>
        <span className="pill">{count.toLocaleString('en-US')} extents</span>
      </div>
      <div className="table-pager" role="group" aria-label="Table pages">
        <button
          type="button"
          className="icon"
          aria-label="First rows"
          onClick={() => turn(0)}
          disabled={from === 0}
        >
          ⇤
        </button>
        <button
          type="button"
          className="quiet"
          aria-label="Earlier rows"
          onClick={() => turn(from - PAGE)}
          disabled={from === 0}
        >
          ‹ Earlier
        </button>
        <span aria-live="polite">
          Rows {(from + 1).toLocaleString('en-US')} to {last.toLocaleString('en-US')} of{' '}
          {count.toLocaleString('en-US')}
        </span>
        <button
          type="button"
          className="quiet"
          aria-label="Later rows"
          onClick={() => turn(from + PAGE)}
          disabled={last >= count}
        >
          Later ›
        </button>
        <button
          type="button"
          className="icon"
          aria-label="Last rows"
          onClick={() => turn(count)}
          disabled={last >= count}
        >
          ⇥
        </button>
      </div>
      <div className="table-scroll">
        <table aria-label={`Extents of inode ${ino}`} aria-rowcount={count + 1}>
          <Head />
          <tbody>
            {rows.map(([lblk, len, status, pblk], i) => (
              <Row
                key={lblk}
                index={from + i + 2}
                lblk={lblk}
                len={len}
                status={status}
                pblk={pblk}
                cached={lblk === cache}
                mark={null}
                found={lblk === foundLblk}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note">
        The row marked ◆ is cache_es{cache === null ? ' (none now)' : ''}; the framed row is the one
        Go to block found. Rows come a page at a time from the worker.
      </p>
    </section>
  );
}

function SmallTable() {
  const extents = useEsx(selectExtents) ?? [];
  const ino = useEsx(selectDetailIno);
  const found = useEsx(selectFound);
  const foundLblk = found && found.ino === ino && found.extent ? found.extent[0] : null;
  const cache = useEsx(selectCache);
  const marks = useStepMarks();
  const [all, setAll] = useState(false);
  // a row "Go to block" found past the first page is shown with the rest
  const foundAt = foundLblk === null ? -1 : extents.findIndex(([l]) => l === foundLblk);
  const rows = all || foundAt >= ROW_LIMIT ? extents : extents.slice(0, ROW_LIMIT);
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
          <Head />
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
                found={lblk === foundLblk}
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
