/**
 * The scrub slider over ops ("Timeline": its value is the number of ops applied) with the trace's
 * bookmarks as named markers. While the thumb is dragged only the latest position is sent: one
 * seek is in flight at most.
 */
import { useRef, useState } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { selectCursor, selectImported, selectLength } from '../../store/selectors.ts';

export function Scrubber() {
  const cursor = useEsx(selectCursor);
  const length = useEsx(selectLength);
  const imported = useEsx(selectImported);
  const seek = useEsx((s) => s.seek);
  // What the thumb shows while seeks catch up with a drag.
  const [drag, setDrag] = useState<number | null>(null);
  const wanted = useRef<number | null>(null);
  const busy = useRef(false);

  const go = async (op: number) => {
    wanted.current = op;
    setDrag(op);
    if (busy.current) return;
    busy.current = true;
    try {
      while (wanted.current !== null) {
        const next = wanted.current;
        wanted.current = null;
        await seek({ op: next, step: 0 });
      }
    } finally {
      busy.current = false;
      setDrag(null);
    }
  };

  const value = drag ?? cursor.op;
  const bookmarks = (imported?.bookmarks ?? []).filter((b) => b.opIndex <= length);
  const pct = (op: number) => (length === 0 ? 0 : (op / length) * 100);
  return (
    <div className={`scrubber${bookmarks.length ? ' has-marks' : ''}`}>
      <input
        type="range"
        className="scrub"
        min={0}
        max={length}
        step={1}
        value={value}
        disabled={length === 0}
        aria-label="Timeline"
        aria-valuetext={`${value} of ${length} ops applied${cursor.step > 0 && drag === null ? `, inside op ${cursor.op + 1}` : ''}`}
        style={{ ['--fill' as string]: `${pct(value)}%` }}
        onChange={(e) => void go(Number(e.target.value))}
      />
      {bookmarks.length > 0 && (
        <ul className="marks" aria-label="Bookmarks on the timeline">
          {bookmarks.map((b) => (
            <li
              key={`${b.opIndex}-${b.line}`}
              // a flag on its pole: to the right of the point, or to its left near the end
              className={pct(b.opIndex) > 60 ? 'flip' : undefined}
              style={{ left: `${pct(b.opIndex)}%` }}
            >
              <button
                type="button"
                className="mark"
                title={`${b.name} (before op ${b.opIndex + 1}, trace line ${b.line})`}
                aria-label={`Bookmark ${b.name}, before op ${b.opIndex + 1}`}
                onClick={() => void seek({ op: b.opIndex, step: 0 })}
              >
                <span className="mark-name">{b.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
