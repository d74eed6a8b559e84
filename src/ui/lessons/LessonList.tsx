/** The lessons, in order, each with its progress and a button to start or go on. */
import { useEsxStore } from '../../store/useEsx.ts';
import { allLessons, doneCount, openStep, resetProgress, useLessonNav } from './lessonNav.ts';

export function LessonList() {
  const esx = useEsxStore();
  const progress = useLessonNav((s) => s.progress);
  const notice = useLessonNav((s) => s.notice);
  const busy = useLessonNav((s) => s.busy);
  const finished = useLessonNav((s) => s.finished);
  const { lessons, errors } = allLessons();
  const fi = lessons.findIndex((l) => l.id === finished);
  const next = fi >= 0 ? lessons[fi + 1] : undefined;
  const any = Object.keys(progress.done).length > 0;
  return (
    <div className="lesson-list-view">
      <p className="lesson-intro">
        Short guided lessons that drive the explorer: each step sets up the trees for you, points at
        what matters, and asks you to <strong>predict</strong> what the kernel code will do.
      </p>
      {fi >= 0 && (
        <div className="lesson-done" role="status">
          <p>
            <span aria-hidden="true">🎉 </span>
            <strong>Well done!</strong> You finished “{lessons[fi]!.title}”.
          </p>
          {next && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void openStep(esx, next.id, 0)}
            >
              Next lesson: {next.title}
            </button>
          )}
        </div>
      )}
      {notice && (
        <p className="warning" role="alert">
          {notice}
        </p>
      )}
      <ol className="lesson-list" aria-label="Lessons">
        {lessons.map((l, i) => {
          const done = doneCount(progress, l);
          const total = l.steps.length;
          const complete = done === total;
          const first =
            complete || done === 0
              ? 0
              : l.steps.findIndex((s) => !(progress.done[l.id] ?? []).includes(s.index));
          const verb = complete ? 'Review' : done > 0 ? 'Continue' : 'Start';
          return (
            <li key={l.id} className={`lesson-card${complete ? ' complete' : ''}`}>
              <span className="lesson-num" aria-hidden="true">
                {complete ? '✓' : i + 1}
              </span>
              <div className="lesson-card-body">
                <h3 className="lesson-card-title">{l.title}</h3>
                <p className="lesson-summary">{l.summary}</p>
                <div className="lesson-card-foot">
                  <span
                    className="lesson-meter"
                    role="progressbar"
                    aria-label={`Progress in ${l.title}`}
                    aria-valuemin={0}
                    aria-valuemax={total}
                    aria-valuenow={done}
                    aria-valuetext={`${done} of ${total} steps`}
                  >
                    <span style={{ width: `${(100 * done) / total}%` }} />
                  </span>
                  <span className="lesson-count">{complete ? 'Done' : `${done}/${total}`}</span>
                  <button
                    type="button"
                    className={complete ? 'quiet' : 'primary'}
                    disabled={busy}
                    aria-label={`${verb} lesson ${i + 1}: ${l.title}`}
                    onClick={() => void openStep(esx, l.id, Math.max(0, first))}
                  >
                    {verb}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="hint">
        Starting a lesson replaces the explorer&apos;s session; yours stays under Session → Restore
        previous session. Progress is kept in this browser.
      </p>
      {any && (
        <button type="button" className="quiet lesson-reset" onClick={resetProgress}>
          Forget my progress
        </button>
      )}
      {errors.length > 0 && (
        <details className="lesson-errors">
          <summary>
            {errors.length} lesson file{errors.length === 1 ? '' : 's'} could not be read
          </summary>
          <ul>
            {errors.map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
