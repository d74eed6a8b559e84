/**
 * The current step: its kernel function (a link to the v3.9 source), the explanation (announced
 * politely to screen readers) and the op it belongs to.
 */
import { useEsx } from '../../store/useEsx.ts';
import { selectFocus, selectLength } from '../../store/selectors.ts';
import { sourceFile, sourceUrl } from './kernel.ts';
import { selectHere } from './timelineSelectors.ts';

const VERSION_NOTE =
  'Linux v3.9 is the closest public release: slightly later than the 3.9 merge-window code the model follows.';

/** Why play stopped (a breakpoint), and where: shown until the cursor moves on. */
export interface StopNote {
  text: string;
  /** The cursor as "op:step". */
  at: string;
}

export function StepInfo({ stop }: { stop: StopNote | null }) {
  const focus = useEsx(selectFocus);
  const length = useEsx(selectLength);
  const here = useEsx(selectHere);
  const note = stop && stop.at === here ? stop.text : null;
  const step = focus ? focus.steps[focus.current] : undefined;
  const url = step ? sourceUrl(step.fn) : null;
  let text: string;
  if (!focus)
    text = length === 0 ? 'No ops yet: run one to step through it.' : 'Start: no op has run yet.';
  else if (!step)
    text =
      focus.steps.length === 0
        ? `${focus.command}: no steps (the op returned an error).`
        : `${focus.command}: about to start.`;
  else text = step.text;
  return (
    <div className="step-info">
      {step && (
        <span className="step-fn-cell">
          {url ? (
            <a
              className="fn-link"
              href={url}
              target="_blank"
              rel="noreferrer"
              title={`${sourceFile(step.fn)} in Linux v3.9 on elixir.bootlin.com. ${VERSION_NOTE}`}
              aria-describedby="fn-version-note"
            >
              <code>{step.fn}</code>
            </a>
          ) : (
            <code className="fn-plain">{step.fn}</code>
          )}
        </span>
      )}
      <span
        className="step-explain"
        aria-live="polite"
        data-testid="step-text"
        title={note ? `${note} ${text}` : text}
      >
        {note && <strong className="step-note">{note} </strong>}
        {text}
      </span>
      {focus && (
        <span className="step-op" data-testid="step-op">
          <span className="visually-hidden">in op {focus.index + 1}: </span>
          <code>{focus.command}</code>
        </span>
      )}
      <span id="fn-version-note" className="visually-hidden">
        {VERSION_NOTE}
      </span>
    </div>
  );
}
