/**
 * The step debugger's timeline: transport buttons, speed, the scrub slider with bookmarks, where
 * the cursor stands, the current step (kernel function, explanation, op), the op's steps and the
 * breakpoints in pop-overs. Always mounted: it owns play and the keyboard shortcuts.
 *
 * Each part subscribes to what it shows (the panel itself only to the ends of the log and play),
 * so a new snapshot re-renders the position, the step and the slider, not the buttons.
 */
import { useCallback, useMemo, useState } from 'react';
import { describeBreakpoint, type Breakpoint } from '../../core/breakpoints.ts';
import { useEsx, useEsxStore } from '../../store/useEsx.ts';
import { selectPlaying } from '../../store/selectors.ts';
import type { Move } from '../../worker/protocol.ts';
import { Scrubber } from './Scrubber.tsx';
import { StepInfo, type StopNote } from './StepInfo.tsx';
import { BreakpointsPop, SpeedSelect, StepsPop } from './TimelinePops.tsx';
import { Transport } from './Transport.tsx';
import { selectAtEnd, selectAtStart, selectPosition } from './timelineSelectors.ts';
import { usePlayer } from './usePlayer.ts';
import { useTimelineKeys } from './useTimelineKeys.ts';

function Position() {
  const text = useEsx(selectPosition);
  return (
    <span className="t-pos" data-testid="position">
      {text}
    </span>
  );
}

export function TimelinePanel() {
  const store = useEsxStore();
  const atStart = useEsx(selectAtStart);
  const atEnd = useEsx(selectAtEnd);
  const playing = useEsx(selectPlaying);
  // Why play stopped, shown with the step until the cursor moves again.
  const [stop, setStop] = useState<StopNote | null>(null);

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
      continueTo(dir: 1 | -1) {
        void store.getState().continueTo(dir);
      },
    }),
    [store],
  );
  useTimelineKeys(handlers);

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
          onContinue={handlers.continueTo}
        />
        <Scrubber />
        <Position />
      </div>
      <div className="t-row t-info">
        <StepInfo stop={stop} />
        <SpeedSelect />
        <StepsPop />
        <BreakpointsPop />
      </div>
    </section>
  );
}
