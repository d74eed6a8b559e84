import { describe, expect, it } from 'vitest';
import { dumpInode } from '../core/dump.ts';
import { checkInvariants } from '../core/invariants.ts';
import {
  allLessons,
  checkAnswer,
  lessonFragment,
  parseLessonFragment,
  parseRich,
  validateLesson,
  type Lesson,
  type LessonStep,
} from './lessons.ts';
import { measure, replay } from './measure.ts';

const { lessons, errors } = allLessons();

/** The explorer's state for a step: its setup ops, replayed; mid-op when the step pauses. */
function stepState(step: LessonStep) {
  return replay(step.setup.inodes, step.setup.ops);
}

describe('allLessons', () => {
  it('allLessons reads every lesson file without an error', () => {
    expect(errors).toEqual([]);
    expect(lessons.length).toBeGreaterThanOrEqual(8);
  });
});

/**
 * Ops of a lesson that are meant to fail: a question whose answer is an error code (the op stays in
 * the session's log, with its error, as it would in the explorer).
 */
function failingOps(lesson: Lesson): Set<number> {
  const out = new Set<number>();
  for (const s of lesson.steps)
    if (s.predict?.measure.of === 'result' && /^E[A-Z]+$/.test(s.predict.answer))
      out.add(s.setup.ops.length + s.predict.ops.length - 1);
  return out;
}

describe.each(lessons.map((l) => [l.id, l] as [string, Lesson]))('lesson %s', (_id, lesson) => {
  it('every setup op runs without an error (unless a question expects it) and keeps the invariants', () => {
    const allowed = failingOps(lesson);
    for (const step of lesson.steps) {
      const run = stepState(step);
      const errors = run.errors.filter((e) => !allowed.has(e.index));
      expect(errors, `step ${step.index + 1} "${step.title}"`).toEqual([]);
      expect(checkInvariants(run.sb)).toEqual([]);
    }
  });

  it('every pause stops on a micro-step of the kind the lesson names', () => {
    for (const step of lesson.steps.filter((s) => s.pause)) {
      const steps = stepState(step).last?.steps ?? [];
      const at = steps[step.pause!.step - 1];
      expect(
        at?.kind,
        `step ${step.index + 1}: micro-steps are ${steps.map((s, i) => `${i + 1}:${s.kind}`).join(' ')}`,
      ).toBe(step.pause!.kind);
    }
  });

  it('every extent a step points at is in the shown inode', () => {
    for (const step of lesson.steps) {
      const run = stepState(step);
      const have = dumpInode(run.sb, step.setup.ino).extents.map((e) => e[0]);
      // A paused step points at nodes of the state after its op's first steps; the test checks
      // the state after the whole op, which holds the same extents in these lessons.
      for (const lblk of step.point)
        expect(have, `step ${step.index + 1} points at ${lblk}`).toContain(lblk);
      if (step.predict) {
        const after = replay(step.setup.inodes, [...step.setup.ops, ...step.predict.ops]);
        const now = dumpInode(after.sb, step.setup.ino).extents.map((e) => e[0]);
        for (const lblk of step.predict.point)
          expect(now, `step ${step.index + 1} answer points at ${lblk}`).toContain(lblk);
      }
    }
  });

  it('every predict answer is what the engine does', () => {
    for (const step of lesson.steps.filter((s) => s.predict)) {
      const q = step.predict!;
      const ops = [...step.setup.ops, ...q.ops];
      const run = replay(step.setup.inodes, ops);
      const got = measure(q.measure, run, ops[ops.length - 1]);
      const label = `step ${step.index + 1} "${q.question}": the engine says ${got}`;
      expect(checkAnswer(q, got), label).toBe(true);
      // The wrong choices are wrong.
      for (const c of q.choices ?? []) expect(checkAnswer(q, c.value), label).toBe(c.value === got);
      // Only the question's own ops may fail (an EINVAL is a fine answer).
      const allowed = failingOps(lesson);
      expect(
        run.errors.filter((e) => e.index < step.setup.ops.length && !allowed.has(e.index)),
        label,
      ).toEqual([]);
    }
  });

  it('a lesson step link names this lesson and step', () => {
    for (const step of lesson.steps)
      expect(parseLessonFragment(`#${lessonFragment(lesson.id, step.index)}`)).toEqual({
        id: lesson.id,
        index: step.index,
      });
  });
});

describe('validateLesson', () => {
  const good = {
    id: 'x',
    title: 'X',
    summary: 'x',
    inodes: 2,
    steps: [
      {
        title: 'One',
        text: 'An [[extent]].',
        run: ['insert 1 0 4 100 W'],
        point: [0],
        predict: {
          question: 'How many?',
          run: ['insert 1 4 4 104 W'],
          measure: { of: 'extents', ino: 1 },
          answer: 1,
          explain: 'They merge.',
        },
      },
      {
        title: 'Two',
        text: ['a', 'b'],
        run: ['insert 1 10 1 D'],
        pause: { step: 1, kind: 'search_visit' },
      },
    ],
  };

  it('validateLesson builds each step setup from every earlier op, predict ops included', () => {
    const l = validateLesson(good);
    expect(l.steps[0]!.setup.commands).toEqual(['insert 1 0 4 100 W']);
    expect(l.steps[1]!.setup.commands).toEqual([
      'insert 1 0 4 100 W',
      'insert 1 4 4 104 W',
      'insert 1 10 1 D',
    ]);
    expect(l.steps[1]!.setup.cursor).toEqual({ op: 2, step: 1 });
    expect(l.steps[0]!.setup.cursor).toEqual({ op: 1, step: 0 });
  });

  it.each([
    [{ ...good, id: 'Bad Id' }, /id must be lower-case/],
    [{ ...good, steps: [] }, /steps must be a non-empty list/],
    [
      { ...good, steps: [{ ...good.steps[0], run: ['insrt 1'] }] },
      /steps\[0\]\.run\[0\] "insrt 1"/,
    ],
    [
      { ...good, steps: [{ ...good.steps[0], run: ['insert 3 0 1 D'] }] },
      /inode 3; the lesson has 2/,
    ],
    [
      { ...good, steps: [{ ...good.steps[0], text: 'a [[nope]]' }] },
      /\[\[nope\]\], which is not in the glossary/,
    ],
    [
      {
        ...good,
        steps: [
          {
            ...good.steps[0],
            predict: { ...good.steps[0]!.predict, measure: { of: 'cache', ino: 1 } },
          },
        ],
      },
      /choices are needed/,
    ],
    [
      {
        ...good,
        steps: [
          {
            ...good.steps[0],
            predict: {
              ...good.steps[0]!.predict,
              choices: [
                { value: 'a', label: 'A' },
                { value: 'b', label: 'B' },
              ],
              answer: 'c',
            },
          },
        ],
      },
      /"c" is not one of the choices/,
    ],
  ])('validateLesson refuses a broken lesson (%#)', (data, message) => {
    expect(() => validateLesson(data, 'f.json')).toThrow(message);
  });
});

describe('checkAnswer', () => {
  it('checkAnswer compares numbers by value and choices exactly', () => {
    expect(checkAnswer({ answer: '16', choices: null }, ' 0x10 ')).toBe(true);
    expect(checkAnswer({ answer: '16', choices: null }, '15')).toBe(false);
    expect(checkAnswer({ answer: '16', choices: null }, 'sixteen')).toBe(false);
    const choices = [
      { value: '10', label: '[10/5)' },
      { value: 'none', label: 'none' },
    ];
    expect(checkAnswer({ answer: 'none', choices }, 'none')).toBe(true);
    expect(checkAnswer({ answer: 'none', choices }, '10')).toBe(false);
  });
});

describe('parseRich', () => {
  it('parseRich splits terms, code and strong text', () => {
    expect(parseRich('a [[lblk]] b [[cache_es|the cache]] `x 1` **y**')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'term', term: 'lblk', text: 'lblk' },
      { kind: 'text', text: ' b ' },
      { kind: 'term', term: 'cache_es', text: 'the cache' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'x 1' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'y' },
    ]);
  });
});

describe('parseLessonFragment', () => {
  it('parseLessonFragment reads lesson links and nothing else', () => {
    expect(parseLessonFragment('lesson=cache/3')).toEqual({ id: 'cache', index: 2 });
    expect(parseLessonFragment('#lesson=cache/0')).toBeNull();
    expect(parseLessonFragment('#esx1.abc')).toBeNull();
    expect(parseLessonFragment('#lesson=../x/1')).toBeNull();
  });
});
