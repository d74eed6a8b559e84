/**
 * The timeline's pop-overs and the speed: each subscribes to what it shows, so a new snapshot
 * re-renders the Steps badge only when the count changes, and the rest not at all.
 */
import { useEsx, useEsxStore } from '../../store/useEsx.ts';
import { selectFocus, selectSpeed } from '../../store/selectors.ts';
import { BreakpointsForm } from './BreakpointsForm.tsx';
import { Disclosure } from './Disclosure.tsx';
import { StepList } from './StepList.tsx';
import { selectBreakpointCount, selectStepCount } from './timelineSelectors.ts';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 0] as const;

export function SpeedSelect() {
  const store = useEsxStore();
  const speed = useEsx(selectSpeed);
  return (
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
  );
}

/** The op in focus and its steps; only rendered while the pop-over is open. */
function StepsContent() {
  const store = useEsxStore();
  const focus = useEsx(selectFocus);
  if (!focus)
    return <p className="steps-empty">No op yet: the list fills as the cursor enters one.</p>;
  return (
    <>
      <p className="pop-head">
        Op {focus.index + 1}: <code>{focus.command}</code>
      </p>
      <StepList
        focus={focus}
        onPick={(step) => void store.getState().seek({ op: focus.index, step })}
      />
      <p className="pop-foot">
        Function links open Linux v3.9 on elixir.bootlin.com: the closest public release, slightly
        later than the 3.9 merge-window code the model follows.
      </p>
    </>
  );
}

export function StepsPop() {
  const count = useEsx(selectStepCount);
  return (
    <Disclosure
      label="Steps"
      badge={count}
      icon="steps"
      title="Steps of the op"
      className="steps-pop"
    >
      {() => <StepsContent />}
    </Disclosure>
  );
}

export function BreakpointsPop() {
  const count = useEsx(selectBreakpointCount);
  return (
    <Disclosure
      label="Breakpoints"
      badge={count ? String(count) : undefined}
      icon="breakpoint"
      title="Breakpoints"
      className={`bp-pop${count ? ' armed' : ''}`}
    >
      {() => <BreakpointsForm />}
    </Disclosure>
  );
}
