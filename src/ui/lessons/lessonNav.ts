/**
 * Where the person is in the lessons (lesson, step, the answer given) and their progress, which
 * this browser remembers. Opening a step sets up the explorer through the store's own actions
 * (loadSession, select, run): the engine stays in the worker.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { EsxStore } from '../../store/esxStore.ts';
import {
  allLessons,
  checkAnswer,
  findLesson,
  parseLessonFragment,
  type Lesson,
  type LessonStep,
} from '../../lessons/lessons.ts';

export const PROGRESS_KEY = 'esx.lessons.v1';

export interface Progress {
  /** Per lesson, the steps done (visited; answered for a question). */
  done: Record<string, number[]>;
  /** Per `id/step`, whether the first answer was right. */
  correct: Record<string, boolean>;
  /** The step open last, so a reload comes back to it. */
  at: { id: string; index: number } | null;
}

export interface LessonNavState {
  at: { id: string; index: number } | null;
  /** The answer given to the open step's question. */
  answer: { given: string; correct: boolean } | null;
  /** The explorer's op count once the step set it up: the lesson points at extents only then. */
  loadedOps: number | null;
  progress: Progress;
  /** A message about a link that could not be opened. */
  notice: string | null;
  /** The lesson just finished, for a word of congratulation and the next one. */
  finished: string | null;
  busy: boolean;
}

const EMPTY: Progress = { done: {}, correct: {}, at: null };

function readProgress(): Progress {
  try {
    const raw = globalThis.localStorage?.getItem(PROGRESS_KEY);
    if (!raw) return EMPTY;
    const p = JSON.parse(raw) as Partial<Progress>;
    return {
      done: typeof p.done === 'object' && p.done ? p.done : {},
      correct: typeof p.correct === 'object' && p.correct ? p.correct : {},
      at: p.at && typeof p.at.id === 'string' && Number.isInteger(p.at.index) ? p.at : null,
    };
  } catch {
    return EMPTY;
  }
}

function writeProgress(p: Progress): void {
  try {
    globalThis.localStorage?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Storage full or disabled: progress lasts for this page only.
  }
}

const initialProgress = readProgress();
const resumable =
  initialProgress.at && findLesson(initialProgress.at.id)?.steps[initialProgress.at.index]
    ? initialProgress.at
    : null;

export const lessonNav = createStore<LessonNavState>()(() => ({
  at: resumable,
  answer: null,
  loadedOps: null,
  progress: { ...initialProgress, at: resumable },
  notice: null,
  finished: null,
  busy: false,
}));

export function useLessonNav<T>(selector: (s: LessonNavState) => T): T {
  return useStore(lessonNav, selector);
}

/** True when the page opened on a lesson link, or a lesson was open when it was last closed. */
export function lessonWasOpen(hash: string): boolean {
  return parseLessonFragment(hash) !== null || lessonNav.getState().at !== null;
}

function update(fn: (p: Progress) => Progress): void {
  const progress = fn(lessonNav.getState().progress);
  writeProgress(progress);
  lessonNav.setState({ progress });
}

function markDone(id: string, index: number): void {
  update((p) => {
    const have = p.done[id] ?? [];
    return have.includes(index) ? p : { ...p, done: { ...p.done, [id]: [...have, index] } };
  });
}

/** The open lesson and step, or null. */
export function currentStep(
  s: Pick<LessonNavState, 'at'>,
): { lesson: Lesson; step: LessonStep } | null {
  if (!s.at) return null;
  const lesson = findLesson(s.at.id);
  const step = lesson?.steps[s.at.index];
  return lesson && step ? { lesson, step } : null;
}

/** Sets the explorer up for a step: its base and ops, its cursor, its inode. */
function setUp(esx: EsxStore, step: LessonStep): Promise<boolean> {
  const { inodes, ops, cursor, ino } = step.setup;
  // The snapshot the load sends back is of the selected inode (the worker clamps it to the count).
  esx.setState({ selectedIno: ino });
  return esx.getState().loadSession({ inodes }, ops, cursor);
}

/**
 * Opens step `index` of lesson `id` and sets the explorer up for it. The person's own session (when
 * a lesson was not open) stays one click away: Session → Restore previous session.
 */
export async function openStep(esx: EsxStore, id: string, index: number): Promise<boolean> {
  const lesson = findLesson(id);
  const step = lesson?.steps[index];
  if (!lesson || !step) return false;
  const nav = lessonNav.getState();
  if (nav.busy) return false;
  lessonNav.setState({ busy: true, notice: null, finished: null });
  try {
    if (nav.at === null && esx.getState().ops.length > 0) {
      const mine = await esx.getState().encode('link');
      if (mine) esx.getState().setPrevious(mine);
    }
    lessonNav.setState({ at: { id, index }, answer: null, loadedOps: null });
    update((p) => ({ ...p, at: { id, index } }));
    const ok = await setUp(esx, step);
    if (ok) {
      lessonNav.setState({ loadedOps: step.setup.ops.length });
      esx.setState({
        result: {
          kind: 'ok',
          text: `Lesson: ${lesson.title}, step ${index + 1} of ${lesson.steps.length}.`,
        },
      });
    }
    if (!step.predict) markDone(id, index);
    return ok;
  } finally {
    lessonNav.setState({ busy: false });
  }
}

/**
 * Answers the open step's question: checks it against the lesson's answer (as the tests check
 * the engine against it), then runs the question's ops so the person sees what happens.
 */
export async function answer(esx: EsxStore, given: string): Promise<void> {
  const cur = currentStep(lessonNav.getState());
  const q = cur?.step.predict;
  if (!cur || !q || lessonNav.getState().answer || lessonNav.getState().busy) return;
  const correct = checkAnswer(q, given);
  const key = `${cur.lesson.id}/${cur.step.index}`;
  lessonNav.setState({ answer: { given, correct }, busy: true });
  update((p) => (key in p.correct ? p : { ...p, correct: { ...p.correct, [key]: correct } }));
  markDone(cur.lesson.id, cur.step.index);
  try {
    // Back to the step's own state first (the person may have explored meanwhile), then run the
    // question's ops as any op runs, so the result line and the step list describe them.
    if (await setUp(esx, cur.step)) {
      await esx.getState().run(q.ops);
      lessonNav.setState({ loadedOps: cur.step.setup.ops.length + q.ops.length });
    }
  } finally {
    lessonNav.setState({ busy: false });
  }
}

/** Replays the answered question's ops micro-step by micro-step on the timeline. */
export async function replayAnswer(esx: EsxStore): Promise<void> {
  const cur = currentStep(lessonNav.getState());
  if (!cur?.step.predict) return;
  esx.getState().setPlaying(false);
  await esx.getState().seek({ op: cur.step.setup.ops.length, step: 0 });
  esx.getState().setPlaying(true);
}

/** Back to the list of lessons (the explorer keeps the lesson's state). */
export function closeLesson(): void {
  lessonNav.setState({ at: null, answer: null, loadedOps: null });
  update((p) => ({ ...p, at: null }));
}

/** Closes the lesson at its last step: the list then says well done and offers the next one. */
export function finishLesson(): void {
  const id = lessonNav.getState().at?.id ?? null;
  closeLesson();
  lessonNav.setState({ finished: id });
}

/** Forgets all progress. */
export function resetProgress(): void {
  writeProgress(EMPTY);
  lessonNav.setState({ progress: EMPTY });
}

/** Steps done in a lesson. */
export function doneCount(p: Progress, lesson: Lesson): number {
  const done = p.done[lesson.id] ?? [];
  return lesson.steps.filter((s) => done.includes(s.index)).length;
}

/**
 * The boot hook for lesson step links (`#lesson=<id>/<step>`): opens that step. False when the
 * fragment is not a lesson link, or names no lesson (the page then opens as usual, and the
 * Lessons tab says why).
 */
export async function openLessonLink(esx: EsxStore, fragment: string): Promise<boolean> {
  const link = parseLessonFragment(fragment);
  if (!link) return false;
  const lesson = findLesson(link.id);
  if (!lesson || !lesson.steps[link.index]) {
    lessonNav.setState({
      at: null,
      notice: lesson
        ? `The link names step ${link.index + 1} of "${lesson.title}", which has ${lesson.steps.length} steps.`
        : `The link names a lesson "${link.id}" that this version does not have.`,
    });
    return false;
  }
  return openStep(esx, link.id, link.index);
}

export { allLessons };
