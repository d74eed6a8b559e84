import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
import { useSize } from '../shared/useSize.ts';
import type { ExtentTuple } from '../../core/dump.ts';

/**
 * A table longer than this draws only the rows in view, plus OVERSCAN above and below: thousands
 * of rows would cost every op their layout, though only twenty can be seen.
 */
export const WINDOW_FROM = 120;
const OVERSCAN = 15;
const NO_EXTENTS: readonly ExtentTuple[] = [];

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
  const extents = useEsx(selectExtents) ?? NO_EXTENTS;
  const ino = useEsx(selectDetailIno);
  const found = useEsx(selectFound);
  const foundSeq = useEsx(selectFoundSeq);
  const foundLblk = found && found.ino === ino && found.extent ? found.extent[0] : null;
  const cache = useEsx(selectCache);
  const marks = useStepMarks();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { height: viewH } = useSize(scrollRef);
  const [top, setTop] = useState(0);
  const [rowH, setRowH] = useState(22);
  const windowed = extents.length > WINDOW_FROM;
  const from = windowed ? Math.max(0, Math.floor(top / rowH) - OVERSCAN) : 0;
  const to = windowed
    ? Math.min(extents.length, Math.ceil((top + Math.max(viewH, 240)) / rowH) + OVERSCAN)
    : extents.length;
  const rows = windowed ? extents.slice(from, to) : extents;

  // the rows' real height (fonts and zoom differ), measured on a drawn row
  useLayoutEffect(() => {
    const row = scrollRef.current?.querySelector<HTMLElement>('tbody tr:not(.spacer)');
    if (!windowed || !row) return;
    const h = row.getBoundingClientRect().height;
    if (h > 4 && Math.abs(h - rowH) > 0.25) setRowH(h);
  }, [windowed, viewH, rowH]);

  // "Go to block": scroll its row into view
  const seen = useRef(foundSeq);
  useLayoutEffect(() => {
    if (seen.current === foundSeq) return;
    seen.current = foundSeq;
    const el = scrollRef.current;
    const at = foundLblk === null ? -1 : extents.findIndex(([l]) => l === foundLblk);
    if (!el || at < 0) return;
    const y = at * rowH;
    const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    if (y < el.scrollTop || y + rowH > el.scrollTop + el.clientHeight - head) {
      el.scrollTop = Math.max(0, y - (el.clientHeight - head) / 3);
      setTop(el.scrollTop);
    }
  }, [foundSeq, foundLblk, extents, rowH]);

  return (
    <section className="panel table-panel" aria-labelledby="table-title">
      <div className="panel-head">
        <h2 id="table-title">Extents</h2>
        <span className="pill">
          {extents.length === 1 ? '1 extent' : `${extents.length} extents`}
        </span>
      </div>
      <div
        className="table-scroll"
        ref={scrollRef}
        onScroll={windowed ? (e) => setTop(e.currentTarget.scrollTop) : undefined}
      >
        <table
          aria-label={`Extents of inode ${ino}`}
          aria-rowcount={windowed ? extents.length + 1 : undefined}
          data-rows-drawn={rows.length}
        >
          <Head />
          <tbody>
            {from > 0 && <Spacer rows={from} rowH={rowH} />}
            {rows.map(([lblk, len, status, pblk], i) => (
              <Row
                key={lblk}
                index={windowed ? from + i + 2 : undefined}
                lblk={lblk}
                len={len}
                status={status}
                pblk={pblk}
                cached={lblk === cache}
                mark={marks.get(lblk) ?? null}
                found={lblk === foundLblk}
              />
            ))}
            {to < extents.length && <Spacer rows={extents.length - to} rowH={rowH} />}
          </tbody>
        </table>
        {extents.length === 0 && <p className="table-empty">No extents cached for inode {ino}.</p>}
      </div>
      <p className="table-note">
        The row marked ◆ is cache_es{cache === null ? ' (none now)' : ''}. A dash: the status
        carries no physical block. Left bar: the step&apos;s extent (solid), changed (dotted).
      </p>
    </section>
  );
}

/** Stands for rows not drawn, so the scroll bar and the scroll position stay true. */
function Spacer({ rows, rowH }: { rows: number; rowH: number }) {
  return (
    <tr className="spacer" aria-hidden="true">
      <td colSpan={4} style={{ height: rows * rowH }} />
    </tr>
  );
}
