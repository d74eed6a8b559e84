/**
 * s_es_lru from head (scanned first by the shrinker) to tail; during a shrinker sweep, the
 * shrinker's private scanned list and its cursor apart from it; inodes off the list apart. Inodes
 * glide to their new places (FLIP, keyed by inode) and the one the current step moved is marked.
 */
import { memo, useRef } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectFocus,
  selectHighlight,
  selectInodes,
  selectLru,
  selectScanned,
  selectSelect,
  selectSelectedIno,
} from '../../store/selectors.ts';
import { useFlip } from './useFlip.ts';

interface ChipProps {
  ino: number;
  lruNr: number;
  extents: number;
  selected: boolean;
  moved: boolean;
  cursor: boolean;
  onSelect(ino: number): void;
}

/** One inode; memoised on its values, so an op re-renders only the inodes it changed. */
const InodeButton = memo(function InodeButton({
  ino,
  lruNr,
  extents,
  selected,
  moved,
  cursor,
  onSelect,
}: ChipProps) {
  const cls = ['inode-chip', selected && 'selected', moved && 'moved', cursor && 'at-cursor']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={cls}
      aria-pressed={selected}
      data-ino={ino}
      data-flip={ino}
      onClick={() => onSelect(ino)}
    >
      <span className="chip-ino">inode {ino}</span>
      <span className="chip-meta">
        lru_nr {lruNr} · {extents === 1 ? '1 extent' : `${extents} extents`}
      </span>
      {cursor ? <span className="chip-tag cursor-tag">shrinker here</span> : null}
      {moved && !cursor ? <span className="chip-tag moved-tag">moved</span> : null}
    </button>
  );
});

export function LruView() {
  const lru = useEsx(selectLru);
  const inodes = useEsx(selectInodes);
  const selected = useEsx(selectSelectedIno);
  const select = useEsx(selectSelect);
  const scanned = useEsx(selectScanned);
  const focus = useEsx(selectFocus);
  const highlight = useEsx(selectHighlight);
  const ref = useRef<HTMLElement>(null);
  const byIno = new Map(inodes.map((i) => [i.ino, i]));
  const inSweep = new Set(scanned ?? []);
  const off = inodes.filter((i) => !i.onLru && !inSweep.has(i.ino));
  const moved = new Set(highlight?.lruMoved ?? []);
  // The shrinker's cursor: the inode the current step works on, while the sweep runs.
  const step = focus && scanned ? focus.steps[focus.current] : undefined;
  const cursorIno = scanned && step && inSweep.has(step.ino) ? step.ino : null;
  useFlip(ref, `${lru.join()}|${(scanned ?? []).join()}|${off.map((i) => i.ino).join()}`);

  const chip = (ino: number, cursor = false) => {
    const i = byIno.get(ino);
    return i ? (
      <li key={ino}>
        <InodeButton
          ino={ino}
          lruNr={i.lruNr}
          extents={i.extents}
          selected={ino === selected}
          moved={moved.has(ino)}
          cursor={cursor}
          onSelect={select}
        />
      </li>
    ) : null;
  };

  return (
    <section className="panel lru-panel" aria-labelledby="lru-title" ref={ref}>
      <div className="panel-head">
        <h2 id="lru-title">LRU list</h2>
        <span className="pill">{lru.length} on list</span>
        {scanned ? <span className="pill sweep-pill">shrinker sweeping</span> : null}
      </div>
      {lru.length === 0 ? (
        <p className="lru-empty">
          {scanned
            ? 'Empty while the shrinker holds every inode on its scanned list.'
            : 'Empty: insert, look up or find_delayed puts an inode at the tail.'}
        </p>
      ) : (
        <div className="lru-track">
          <span className="lru-end" aria-hidden="true">
            head
          </span>
          <ol aria-label="LRU list, head first">{lru.map((ino) => chip(ino))}</ol>
          <span className="lru-end" aria-hidden="true">
            tail
          </span>
        </div>
      )}
      {scanned ? (
        <div className="scanned-box">
          <h3 id="lru-scanned-title">Scanned by the shrinker</h3>
          <p className="hint">Spliced to the LRU tail in this order when the sweep ends.</p>
          {scanned.length === 0 ? (
            <p className="lru-empty">Nothing scanned yet.</p>
          ) : (
            <ol className="scanned-list" aria-labelledby="lru-scanned-title">
              {scanned.map((ino) => chip(ino, ino === cursorIno))}
            </ol>
          )}
        </div>
      ) : null}
      <h3 id="lru-off-title">Not on the list</h3>
      {off.length === 0 ? (
        <p className="lru-empty">Every inode is on the list.</p>
      ) : (
        <ul className="lru-off" aria-labelledby="lru-off-title">
          {off.map((i) => chip(i.ino))}
        </ul>
      )}
    </section>
  );
}
