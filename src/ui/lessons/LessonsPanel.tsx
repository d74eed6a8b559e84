/**
 * The Lessons tab: the list of lessons with progress, or the open lesson step. Lessons are data
 * (src/lessons/data/*.json); this panel only shows them and drives the explorer through the store.
 */
import { LessonList } from './LessonList.tsx';
import { LessonView } from './LessonView.tsx';
import { PointAt } from './PointAt.tsx';
import { currentStep, useLessonNav } from './lessonNav.ts';

export function LessonsPanel() {
  const at = useLessonNav((s) => s.at);
  const cur = currentStep({ at });
  return (
    <div className="lessons-panel">
      <PointAt />
      {cur ? <LessonView lesson={cur.lesson} step={cur.step} /> : <LessonList />}
    </div>
  );
}
