import { useEffect, useRef } from 'react';
import type { FocusOp } from '../../worker/protocol.ts';

interface Props {
  focus: FocusOp;
  onPick(step: number): void;
}

/** The focus op's micro-steps; each one a button that moves the cursor right after it. */
export function StepList({ focus, onPick }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const { current, index } = focus;
  // Keep the current step in view as the cursor moves.
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="step"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [current, index]);
  if (focus.steps.length === 0)
    return <p className="steps-empty">This op records no steps (it returned an error).</p>;
  return (
    <ol className="step-list" ref={list} aria-label={`Steps of op ${focus.index + 1}`}>
      {focus.steps.map((s, i) => {
        const current = i === focus.current;
        const done = i <= focus.current;
        return (
          <li key={i}>
            <button
              type="button"
              className={`step-item${current ? ' current' : ''}${done ? ' done' : ''}`}
              aria-current={current ? 'step' : undefined}
              aria-label={`Step ${i + 1}: ${s.kind.replace('_', ' ')}, ${s.text} (${s.fn})`}
              onClick={() => onPick(i + 1)}
            >
              <span className="step-no">{i + 1}</span>
              <span className="step-kind">{s.kind.replace('_', ' ')}</span>
              <span className="step-text">{s.text}</span>
              <code className="step-fn">{s.fn}</code>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
