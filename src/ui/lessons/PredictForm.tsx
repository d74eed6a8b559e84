/**
 * A predict question: choices or a number, Check, then the feedback (right or not, and why) while
 * the question's ops run in the explorer. The answer is compared with the lesson's data, which the
 * unit tests check against the engine.
 */
import { useId, useState, type FormEvent } from 'react';
import { useEsxStore } from '../../store/useEsx.ts';
import { answerLabel, type LessonStep } from '../../lessons/lessons.ts';
import { answer, replayAnswer, useLessonNav } from './lessonNav.ts';
import { Paragraphs } from './RichText.tsx';

export function PredictForm({ step }: { step: LessonStep }) {
  const q = step.predict!;
  const esx = useEsxStore();
  const given = useLessonNav((s) => s.answer);
  const busy = useLessonNav((s) => s.busy);
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const done = given !== null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (done || busy) return;
    if (value.trim() === '') {
      setMissing(true);
      return;
    }
    void answer(esx, value);
  };

  const label = (v: string) => q.choices?.find((c) => c.value === v)?.label ?? v;
  return (
    <form
      className={`predict${done ? (given.correct ? ' right' : ' wrong') : ''}`}
      onSubmit={submit}
    >
      <fieldset disabled={done}>
        <legend>
          <span className="predict-tag">Predict</span>
          <span id={`${id}-q`}>{q.question}</span>
        </legend>
        <p className="predict-ops" aria-label="The op to predict">
          {q.commands.map((c) => (
            <code key={c}>{c}</code>
          ))}
        </p>
        {q.choices ? (
          <div className="predict-choices" role="radiogroup" aria-labelledby={`${id}-q`}>
            {q.choices.map((c) => (
              <label
                key={c.value}
                className={`predict-choice${done && c.value === q.answer ? ' is-answer' : ''}${done && c.value === given.given && !given.correct ? ' is-wrong' : ''}`}
              >
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={c.value}
                  checked={value === c.value || (done && given.given === c.value)}
                  onChange={() => {
                    setValue(c.value);
                    setMissing(false);
                  }}
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        ) : (
          <div className="predict-number">
            <label htmlFor={`${id}-n`}>Your answer</label>
            <input
              id={`${id}-n`}
              inputMode="numeric"
              autoComplete="off"
              value={done ? given.given : value}
              aria-invalid={missing || undefined}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setMissing(false);
              }}
            />
          </div>
        )}
        {missing && (
          <p className="field-error" role="alert">
            {q.choices ? 'Pick one answer first.' : 'Type a number first.'}
          </p>
        )}
        {!done && (
          <button type="submit" className="primary" disabled={busy}>
            Check
          </button>
        )}
      </fieldset>
      <div className="predict-feedback" role="status" aria-live="polite">
        {done && (
          <>
            <p className="predict-verdict">
              <span aria-hidden="true">{given.correct ? '✓' : '✗'}</span>{' '}
              {given.correct ? (
                <>Right: {answerLabel(q)}.</>
              ) : (
                <>
                  Not quite: you said {label(given.given)}; the answer is {answerLabel(q)}.
                </>
              )}
            </p>
            <Paragraphs text={q.explain} />
            <p className="hint">
              The explorer has run it: see the trees, the result line and the timeline.
            </p>
            <button
              type="button"
              className="quiet"
              disabled={busy}
              onClick={() => void replayAnswer(esx)}
            >
              ▶ Replay it step by step
            </button>
          </>
        )}
      </div>
    </form>
  );
}
