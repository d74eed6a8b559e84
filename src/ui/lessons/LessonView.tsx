/** One lesson step: text, what it points at, the question, Back / Next and a link to the step. */
import { useEffect, useRef, useState } from 'react';
import { useEsxStore } from '../../store/useEsx.ts';
import { lessonFragment, type Lesson, type LessonStep } from '../../lessons/lessons.ts';
import { closeLesson, finishLesson, openStep, useLessonNav } from './lessonNav.ts';
import { Paragraphs } from './RichText.tsx';
import { PredictForm } from './PredictForm.tsx';
import { usePointedExtents } from './PointAt.tsx';

interface Props {
  lesson: Lesson;
  step: LessonStep;
}

/** The page's address with a lesson step link as its fragment. */
function stepLink(id: string, index: number): string {
  const url = new URL(window.location.href);
  url.hash = lessonFragment(id, index);
  return url.href;
}

export function LessonView({ lesson, step }: Props) {
  const esx = useEsxStore();
  const busy = useLessonNav((s) => s.busy);
  const answered = useLessonNav((s) => s.answer !== null);
  const done = useLessonNav((s) => s.progress.done[lesson.id]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [link, setLink] = useState<{ url: string; copied: boolean; at: string } | null>(null);
  const pointed = usePointedExtents();
  const key = `${lesson.id}/${step.index}`;
  const total = lesson.steps.length;
  const last = step.index === total - 1;

  // A new step: bring focus to its title, so a screen reader reads it and Tab goes on from there.
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [key]);

  const go = (index: number) => void openStep(esx, lesson.id, index);
  const copyLink = async () => {
    const url = stepLink(lesson.id, step.index);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    setLink({ url, copied, at: key });
  };
  const shown = link && link.at === key ? link : null;

  return (
    <article className="lesson" aria-labelledby="lesson-step-title">
      <div className="lesson-top">
        <button type="button" className="quiet lesson-back" onClick={closeLesson}>
          ← All lessons
        </button>
        <span className="lesson-of">
          Step {step.index + 1} of {total}
        </span>
      </div>
      <p className="lesson-name">{lesson.title}</p>
      <ol className="lesson-steps" aria-label="Steps">
        {lesson.steps.map((s) => {
          const state =
            s.index === step.index ? 'current' : done?.includes(s.index) ? 'done' : 'todo';
          return (
            <li key={s.index}>
              <button
                type="button"
                className={`lesson-dot ${state}`}
                aria-label={`Step ${s.index + 1}: ${s.title}${state === 'done' ? ' (done)' : ''}`}
                aria-current={state === 'current' ? 'step' : undefined}
                disabled={busy}
                onClick={() => go(s.index)}
              />
            </li>
          );
        })}
      </ol>
      <h3 id="lesson-step-title" className="lesson-step-title" tabIndex={-1} ref={heading}>
        {step.title}
      </h3>
      <div className="lesson-text">
        <Paragraphs text={step.text} />
      </div>
      {pointed.length > 0 && (
        <p className="lesson-point">
          <span className="lesson-point-dot" aria-hidden="true" />
          Look at {pointed.join(', ')} in the tree and the block map (inode {step.setup.ino}).
        </p>
      )}
      {step.pause && (
        <p className="lesson-pause">
          Paused inside op {step.setup.cursor.op + 1}, after micro-step {step.pause.step}: the
          timeline above shows where.
        </p>
      )}
      {step.predict && <PredictForm key={key} step={step} />}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button
          type="button"
          disabled={busy || step.index === 0}
          onClick={() => go(step.index - 1)}
        >
          ← Back
        </button>
        {last ? (
          <button type="button" className="primary" disabled={busy} onClick={finishLesson}>
            Finish lesson
          </button>
        ) : (
          <button
            type="button"
            className={step.predict && !answered ? undefined : 'primary'}
            disabled={busy}
            onClick={() => go(step.index + 1)}
          >
            Next →
          </button>
        )}
      </nav>
      <div className="lesson-link">
        <button type="button" className="quiet" onClick={() => void copyLink()}>
          Copy link to this step
        </button>
        {shown && (
          <>
            <label htmlFor="lesson-link-text" className="hint">
              Link to this step{shown.copied ? ' (copied)' : ''}
            </label>
            <input
              id="lesson-link-text"
              readOnly
              value={shown.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </>
        )}
      </div>
    </article>
  );
}
