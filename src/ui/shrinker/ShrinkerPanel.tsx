/**
 * The Shrinker tab: run `ext4_es_shrink` with a `nr_to_scan` (or only count), play the sweep step
 * by step, and read the counters of the shrink op in focus. The counters come from the engine's
 * own answer (`ret`, `shrunk`) and the op's recorded steps, never from a second model here.
 *
 * The tab subscribes only to the shrink it would play and to a shrink in focus, so ops that are
 * not shrinks do not re-render it. The worker finds the shrink to play (the last one that
 * reclaims, up to the op in focus): scanning a million-op log here cost milliseconds per op.
 */
import { useEffect, useRef, useState } from 'react';
import type { EsxState } from '../../store/esxStore.ts';
import { useEsx, useEsxStore } from '../../store/useEsx.ts';
import { selectRun } from '../../store/selectors.ts';
import { checkNumber } from '../../store/validate.ts';
import { Field } from '../ops/Field.tsx';
import { sweepCounters } from './counters.ts';

const selectSeek = (s: EsxState) => s.seek;
const selectSetPlaying = (s: EsxState) => s.setPlaying;

/** The index of the shrink (nr > 0) to play: the one in focus, else the last before the cursor. */
const selectSweepIndex = (s: EsxState): number | null => s.snapshot?.sweep?.index ?? null;
const selectSweepCommand = (s: EsxState): string => s.snapshot?.sweep?.command ?? 'shrink';

/** The op in focus when it is a shrink (its counters show), else null. */
const selectShrinkFocus = (s: EsxState) => {
  const focus = s.snapshot?.focus ?? null;
  return focus?.command.startsWith('shrink ') ? focus : null;
};

export function ShrinkerPanel() {
  const store = useEsxStore();
  const run = useEsx(selectRun);
  const seek = useEsx(selectSeek);
  const setPlaying = useEsx(selectSetPlaying);
  const focus = useEsx(selectShrinkFocus);
  const target = useEsx(selectSweepIndex);
  const targetOp = useEsx(selectSweepCommand);
  const [nr, setNr] = useState('8');
  const [error, setError] = useState<string | undefined>(undefined);

  const shrink = (count: boolean) => {
    if (count) {
      void run([{ op: 'shrink', nr: 0 }]);
      return;
    }
    const c = checkNumber('nr', nr);
    if (!c.ok) {
      setError(c.message);
      document.getElementById('shrinker-nr')?.focus();
      return;
    }
    setError(undefined);
    void run([{ op: 'shrink', nr: c.value }]);
  };

  // While a sweep plays, a watch on the cursor stops play once it has left that shrink op.
  const unwatch = useRef<(() => void) | null>(null);
  const stopWatching = () => {
    unwatch.current?.();
    unwatch.current = null;
  };
  useEffect(() => stopWatching, []);
  const play = async () => {
    if (target === null) return;
    stopWatching();
    setPlaying(false);
    await seek({ op: target, step: 0 });
    setPlaying(true);
    unwatch.current = store.subscribe((s) => {
      if (s.cursor.op === target) return;
      stopWatching();
      s.setPlaying(false);
    });
  };

  const counters = focus ? sweepCounters(focus) : null;
  return (
    <div className="shrinker">
      <p className="hint">
        <code>ext4_es_shrink</code> walks <code>s_es_lru</code> from the head and reclaims extents
        that are not delayed, in tree order, until <code>nr_to_scan</code> is used up.
      </p>
      <form
        className="shrinker-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          shrink(false);
        }}
      >
        <Field
          id="shrinker-nr"
          label="nr_to_scan"
          value={nr}
          error={error}
          onChange={(v) => {
            setNr(v);
            setError(undefined);
          }}
        />
        {/* The name says nr_to_scan: the operations form has a Shrink button of its own. */}
        <button type="submit" className="primary" aria-label="Shrink by nr_to_scan">
          Shrink
        </button>
        <button type="button" onClick={() => shrink(true)} aria-describedby="shrinker-count-hint">
          Count
        </button>
      </form>
      <span id="shrinker-count-hint" className="visually-hidden">
        nr_to_scan 0: only count the reclaimable extents.
      </span>
      <div className="sweep-play">
        <button type="button" disabled={target === null} onClick={() => void play()}>
          <span aria-hidden="true">▶ </span>Play the sweep
        </button>
        <span className="hint">
          {target === null
            ? 'Run a shrink first.'
            : `Replays op ${target + 1} (${targetOp}) one step at a time.`}
        </span>
      </div>
      {counters ? (
        <section className="sweep-counters" aria-labelledby="sweep-title">
          <h3 id="sweep-title">
            {counters.count ? 'Count' : 'Sweep'} <code>{focus?.command}</code>
            {counters.running ? <span className="pill">in progress</span> : null}
          </h3>
          <dl className="counter-grid" data-testid="sweep-counters">
            <div>
              <dt>Reclaimable before</dt>
              <dd>{counters.before}</dd>
            </div>
            <div>
              <dt>Reclaimable after</dt>
              <dd>{counters.after}</dd>
            </div>
            <div>
              <dt>Reclaimed</dt>
              <dd>
                {counters.running
                  ? `${counters.reclaimedSoFar} of ${counters.reclaimed}`
                  : counters.reclaimed}
              </dd>
            </div>
            <div>
              <dt>Skipped inodes</dt>
              <dd>
                {counters.running
                  ? `${counters.skippedSoFar} of ${counters.skipped}`
                  : counters.skipped}
              </dd>
            </div>
            <div>
              <dt>Inodes scanned</dt>
              <dd>{counters.scanned}</dd>
            </div>
            <div>
              <dt>Engine returned</dt>
              <dd>
                <code>
                  ret {counters.after}, shrunk {counters.reclaimed}
                </code>
              </dd>
            </div>
          </dl>
        </section>
      ) : (
        <p className="hint sweep-none">
          Counters show here when the op in focus is a shrink (run one, or step to one).
        </p>
      )}
      <p className="why-delayed">
        <strong>Delayed extents stay:</strong> they are the only record of dirty blocks not yet
        allocated, which SEEK_DATA/SEEK_HOLE and FIEMAP report and delalloc space accounting counts,
        so <code>lru_nr</code> leaves them out and the shrinker never reclaims them.
      </p>
    </div>
  );
}
