import { useEsx } from '../../store/useEsx.ts';
import { selectInodes, selectLru, selectSelect, selectSelectedIno } from '../../store/selectors.ts';
import type { InodeSummary } from '../../worker/protocol.ts';

function InodeButton({
  inode,
  selected,
  onSelect,
}: {
  inode: InodeSummary;
  selected: boolean;
  onSelect(ino: number): void;
}) {
  return (
    <button
      type="button"
      className={`inode-chip ${selected ? 'selected' : ''}`}
      aria-pressed={selected}
      data-ino={inode.ino}
      onClick={() => onSelect(inode.ino)}
    >
      <span className="chip-ino">inode {inode.ino}</span>
      <span className="chip-meta">
        lru_nr {inode.lruNr} · {inode.extents === 1 ? '1 extent' : `${inode.extents} extents`}
      </span>
    </button>
  );
}

/** s_es_lru from head (scanned first by the shrinker) to tail; inodes off the list apart. */
export function LruView() {
  const lru = useEsx(selectLru);
  const inodes = useEsx(selectInodes);
  const selected = useEsx(selectSelectedIno);
  const select = useEsx(selectSelect);
  const byIno = new Map(inodes.map((i) => [i.ino, i]));
  const off = inodes.filter((i) => !i.onLru);
  return (
    <section className="panel lru-panel" aria-labelledby="lru-title">
      <div className="panel-head">
        <h2 id="lru-title">LRU list</h2>
        <span className="pill">{lru.length} on list</span>
      </div>
      {lru.length === 0 ? (
        <p className="lru-empty">
          Empty: insert, look up or find_delayed puts an inode at the tail.
        </p>
      ) : (
        <div className="lru-track">
          <span className="lru-end" aria-hidden="true">
            head
          </span>
          <ol aria-label="LRU list, head first">
            {lru.map((ino) => {
              const i = byIno.get(ino);
              return i ? (
                <li key={ino}>
                  <InodeButton inode={i} selected={ino === selected} onSelect={select} />
                </li>
              ) : null;
            })}
          </ol>
          <span className="lru-end" aria-hidden="true">
            tail
          </span>
        </div>
      )}
      <h3 id="lru-off-title">Not on the list</h3>
      {off.length === 0 ? (
        <p className="lru-empty">Every inode is on the list.</p>
      ) : (
        <ul className="lru-off" aria-labelledby="lru-off-title">
          {off.map((i) => (
            <li key={i.ino}>
              <InodeButton inode={i} selected={i.ino === selected} onSelect={select} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
