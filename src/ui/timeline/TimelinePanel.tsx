/**
 * The step debugger's timeline: transport buttons, speed, the scrub slider with bookmarks, where
 * the cursor stands, the current step (kernel function, explanation, op), the op's steps and the
 * breakpoints in pop-overs. Always mounted: it owns play and the keyboard shortcuts.
 */
import { useCallback, useMemo, useState } from 'react';
import { describeBreakpoint, type Breakpoint } from '../../core/breakpoints.ts';
import { useEsx, useEsxStore } from '../../store/useEsx.ts';
import {
  selectBreakpoints,
  selectCursor,
  selectFocus,
  selectLength,
  selectPlaying,
  selectSpeed,
} from '../../store/selectors.ts';
import type { Move } from '../../worker/protocol.ts';
import { BreakpointsForm } from './BreakpointsForm.tsx';
import { Disclosure } from './Disclosure.tsx';
import { positionText } from './kernel.ts';
import { Scrubber } from './Scrubber.tsx';
import { StepInfo } from './StepInfo.tsx';
import { StepList } from './StepList.tsx';
import { Transport } from './Transport.tsx';
import { usePlayer } from './usePlayer.ts';
import { useTimelineKeys } from './useTimelineKeys.ts';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 0] as const;

export function TimelinePanel() {
  const store = useEsxStore();
  const cursor = useEsx(selectCursor);
  const length = useEsx(selectLength);
  const focus = useEsx(selectFocus);
  const playing = useEsx(selectPlaying);
  const speed = useEsx(selectSpeed);
  const bps = useEsx(selectBreakpoints);
  // Why play stopped, shown with the step until the cursor moves again.
  const [stop, setStop] = useState<{ text: string; at: string } | null>(null);
  const here = `${cursor.op}:${cursor.step}`;

  const onBreak = useCallback(
    (bp: Breakpoint) => {
      const c = store.getState().cursor;
      setStop({
        text: `Paused at a breakpoint (${describeBreakpoint(bp)}):`,
        at: `${c.op}:${c.step}`,
      });
    },
    [store],
  );
  usePlayer(onBreak);

  const handlers = useMemo(
    () => ({
      move(m: Move) {
        void store.getState().move(m);
      },
      togglePlay() {
        const s = store.getState();
        if (s.playing) {
          s.setPlaying(false);
          return;
        }
        const len = s.snapshot?.length ?? s.ops.length;
        if (len === 0) return;
        // Play from the end starts again from the start, like a media player.
        if (s.cursor.op >= len && s.cursor.step === 0)
          void s.move('start').then(() => store.getState().setPlaying(true));
        else s.setPlaying(true);
      },
    }),
    [store],
  );
  useTimelineKeys(handlers);

  const atStart = cursor.op === 0 && cursor.step === 0;
  const atEnd = cursor.op >= length && cursor.step === 0;
  const note = stop && stop.at === here ? stop.text : null;

  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <div className="t-row">
        <h2 id="timeline-title" className="visually-hidden">
          Timeline
        </h2>
        <Transport
          atStart={atStart}
          atEnd={atEnd}
          playing={playing}
          onMove={handlers.move}
          onPlay={handlers.togglePlay}
          onContinue={(dir) => void store.getState().continueTo(dir)}
        />
        <Scrubber />
        <span className="t-pos" data-testid="position">
          {positionText(cursor, length, focus)}
        </span>
      </div>
      <div className="t-row t-info">
        <StepInfo focus={focus} length={length} note={note} />
        <label className="speed">
          <span>Speed</span>
          <select
            value={String(speed)}
            onChange={(e) => store.getState().setSpeed(Number(e.target.value))}
          >
            {SPEEDS.map((v) => (
              <option key={v} value={String(v)}>
                {v === 0 ? 'instant' : `${v}×`}
              </option>
            ))}
          </select>
        </label>
        <Disclosure
          label="Steps"
          badge={focus ? String(focus.steps.length) : undefined}
          icon="steps"
          title="Steps of the op"
          className="steps-pop"
        >
          {() =>
            focus ? (
              <>
                <p className="pop-head">
                  Op {focus.index + 1}: <code>{focus.command}</code>
                </p>
                <StepList
                  focus={focus}
                  onPick={(step) => void store.getState().seek({ op: focus.index, step })}
                />
                <p className="pop-foot">
                  Function links open Linux v3.9 on elixir.bootlin.com: the closest public release,
                  slightly later than the 3.9 merge-window code the model follows.
                </p>
              </>
            ) : (
              <p className="steps-empty">No op yet: the list fills as the cursor enters one.</p>
            )
          }
        </Disclosure>
        <Disclosure
          label="Breakpoints"
          badge={bps.length ? String(bps.length) : undefined}
          icon="breakpoint"
          title="Breakpoints"
          className={`bp-pop${bps.length ? ' armed' : ''}`}
        >
          {() => <BreakpointsForm />}
        </Disclosure>
      </div>
    </section>
  );
}
