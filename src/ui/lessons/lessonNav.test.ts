import { beforeEach, describe, expect, it } from 'vitest';
import { EngineClient, inProcessPort } from '../../worker/client.ts';
import { EngineHost } from '../../worker/host.ts';
import { createEsxStore } from '../../store/esxStore.ts';
import { findLesson } from '../../lessons/lessons.ts';
import { answer, closeLesson, lessonNav, openLessonLink, openStep } from './lessonNav.ts';

function newStore() {
  const host = new EngineHost(() => Promise.resolve());
  const s = createEsxStore(new EngineClient(inProcessPort((m, emit) => host.handle(m, emit))));
  return s;
}

describe('lesson navigation', () => {
  beforeEach(() => closeLesson());

  it('openLessonLink sets the explorer up as the step says: ops, cursor, inode', async () => {
    const esx = newStore();
    await esx.getState().start();
    const step = findLesson('rbtree')!.steps[4]!;
    expect(await openLessonLink(esx, 'lesson=rbtree/5')).toBe(true);
    expect(lessonNav.getState().at).toEqual({ id: 'rbtree', index: 4 });
    expect(esx.getState().ops).toHaveLength(step.setup.ops.length);
    expect(esx.getState().cursor).toEqual(step.setup.cursor);
    expect(esx.getState().snapshot?.focus?.steps[step.pause!.step - 1]?.kind).toBe('rotate');
  });

  it('openLessonLink declines a link to no lesson and says why', async () => {
    const esx = newStore();
    await esx.getState().start();
    expect(await openLessonLink(esx, 'lesson=nope/1')).toBe(false);
    expect(await openLessonLink(esx, 'lesson=cache/99')).toBe(false);
    expect(lessonNav.getState().notice).toMatch(/step 99 .* which has 6 steps/);
    expect(await openLessonLink(esx, 'esx1.abc')).toBe(false);
  });

  it('answer checks against the data, then runs the question ops', async () => {
    const esx = newStore();
    await esx.getState().start();
    const lesson = findLesson('cache')!;
    const step = lesson.steps[4]!; // remove 1 3 2: the right piece becomes cache_es
    await openStep(esx, 'cache', 4);
    expect(esx.getState().snapshot?.detail.cache).toBe(60);
    await answer(esx, 'none');
    expect(lessonNav.getState().answer).toEqual({ given: 'none', correct: false });
    expect(esx.getState().ops).toHaveLength(step.setup.ops.length + 1);
    expect(esx.getState().snapshot?.detail.cache).toBe(5);
    expect(lessonNav.getState().progress.correct['cache/4']).toBe(false);

    // a second answer to the same step changes nothing
    await answer(esx, '5');
    expect(lessonNav.getState().answer?.correct).toBe(false);

    await openStep(esx, 'cache', 4);
    await answer(esx, '5');
    expect(lessonNav.getState().answer).toEqual({ given: '5', correct: true });
    // the first answer is the one remembered
    expect(lessonNav.getState().progress.correct['cache/4']).toBe(false);
  });

  it('openStep keeps the person own session as the previous one', async () => {
    const esx = newStore();
    await esx.getState().start();
    await esx.getState().run([{ op: 'insert', ino: 1, lblk: 0, len: 3, status: 'D' }]);
    await openStep(esx, 'extents', 0);
    expect(esx.getState().previous).toMatch(/^esx1\./);
  });
});
