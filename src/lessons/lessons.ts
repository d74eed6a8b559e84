/**
 * Lessons as data: every `src/lessons/data/*.json` file is one lesson, read and checked here. The
 * schema is documented in docs/lessons.md; `validateLesson` says exactly what is wrong with a
 * file, so a teacher can add a lesson without touching a component.
 *
 * Pure: this module parses commands (the same pure parser the Command field uses) but never runs
 * the engine. The answers to predict questions come from the data; `lessons.test.ts` replays every
 * lesson through the engine and checks each answer, so a wrong lesson fails the tests.
 */
import { parseCommand, parseNumber, type Op } from '../core/ops.ts';
import { glossaryEntry } from './glossary.ts';

/** What a predict question measures after its ops ran (see docs/lessons.md). */
export type Measure =
  /** How many extents the inode holds. A number. */
  | { of: 'extents'; ino: number }
  /** The lblk of the inode's cache_es as a string, or "none". */
  | { of: 'cache'; ino: number }
  /** The lblk of the root node of the inode's tree as a string, or "none". */
  | { of: 'root'; ino: number }
  /** The inode at the head of the LRU list (the next one the shrinker scans). A number, 0: empty. */
  | { of: 'lru_head' }
  /** The inode's lru_nr. A number. */
  | { of: 'lru_nr'; ino: number }
  /** The extent that holds block `lblk` as "[lblk/len)", or "none". */
  | { of: 'extent_at'; ino: number; lblk: number }
  /** The last op's result in one word: see `resultWord` in measure.ts. */
  | { of: 'result' }
  /** The number of micro-steps of a category (rotation, recolor, merge...) in the last op. */
  | { of: 'steps'; category: string }
  /** The first inode the shrinker scans in the last op (a shrink), 0 for none. A number. */
  | { of: 'scan_first' };

export const MEASURES: readonly Measure['of'][] = [
  'extents',
  'cache',
  'root',
  'lru_head',
  'lru_nr',
  'extent_at',
  'result',
  'steps',
  'scan_first',
];

/** Measures whose value is a number (asked with a number field unless choices are given). */
const NUMERIC = new Set<Measure['of']>(['extents', 'lru_head', 'lru_nr', 'steps', 'scan_first']);

export interface Choice {
  value: string;
  label: string;
}

export interface Predict {
  question: string;
  /** The ops the person predicts, as commands, and parsed. Run after the answer. */
  commands: string[];
  ops: Op[];
  measure: Measure;
  /** Multiple choice; null asks for a number. */
  choices: Choice[] | null;
  answer: string;
  /** Why the answer is right, shown after answering. */
  explain: string;
  /** Extents (by lblk) to point at once the ops ran. */
  point: number[];
}

export interface LessonStep {
  /** 0-based position in the lesson. */
  index: number;
  title: string;
  /** Paragraphs; may hold [[term]], [[term|words]], `code` and **strong**. */
  text: string[];
  /** What the explorer shows for this step: base, every op up to here, cursor, inode. */
  setup: { inodes: number; commands: string[]; ops: Op[]; cursor: Cursor; ino: number };
  /**
   * A pause inside the last op so far (this step's, or the one before when the step runs none):
   * after micro-step `step` (1-based), which must be of kind `kind`.
   */
  pause: { step: number; kind: string } | null;
  /** Extents (by lblk) of the shown inode to point at. */
  point: number[];
  predict: Predict | null;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  inodes: number;
  steps: LessonStep[];
}

export interface Cursor {
  op: number;
  step: number;
}

export class LessonError extends Error {}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads and checks one lesson file's data. Throws LessonError naming the field at fault. */
export function validateLesson(data: unknown, file = 'lesson'): Lesson {
  const where = (path: string) => `${file}: ${path}`;
  const fail = (path: string, msg: string): never => {
    throw new LessonError(`${where(path)} ${msg}`);
  };
  const str = (o: Obj, key: string, path: string): string => {
    const v = o[key];
    if (typeof v !== 'string' || v.trim() === '')
      fail(`${path}${key}`, 'must be a non-empty string');
    return v as string;
  };
  const int = (v: unknown, path: string, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail(path, `must be an integer from ${min} to ${max}`);
    return v as number;
  };
  const lblks = (v: unknown, path: string): number[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) return fail(path, 'must be a list of logical blocks');
    return v.map((x, i) => int(x, `${path}[${i}]`, 0, 0xfffffffe));
  };
  const commands = (v: unknown, path: string): { commands: string[]; ops: Op[] } => {
    if (v === undefined) return { commands: [], ops: [] };
    if (!Array.isArray(v)) return fail(path, 'must be a list of commands');
    const ops = v.map((c, i) => {
      if (typeof c !== 'string') return fail(`${path}[${i}]`, 'must be a command string');
      try {
        return parseCommand(c);
      } catch (e) {
        return fail(`${path}[${i}]`, `"${c}": ${(e as Error).message}`);
      }
    });
    return { commands: v as string[], ops };
  };
  const text = (v: unknown, path: string): string[] => {
    const paras = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(paras) || paras.length === 0)
      return fail(path, 'must be a string or a list of paragraphs');
    return paras.map((p, i) => {
      if (typeof p !== 'string' || p.trim() === '') return fail(`${path}[${i}]`, 'is empty');
      for (const term of termsIn(p))
        if (!glossaryEntry(term)) fail(path, `names [[${term}]], which is not in the glossary`);
      return p;
    });
  };

  if (!isObj(data)) return fail('', 'must hold a JSON object');
  const id = str(data, 'id', '');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail('id', 'must be lower-case words joined by -');
  const title = str(data, 'title', '');
  const summary = str(data, 'summary', '');
  const inodes = data.inodes === undefined ? 4 : int(data.inodes, 'inodes', 1, 64);
  if (!Array.isArray(data.steps) || data.steps.length === 0)
    fail('steps', 'must be a non-empty list');
  const ops: Op[] = [];
  const cmds: string[] = [];
  let ino = 1;
  const steps = (data.steps as unknown[]).map((raw, index): LessonStep => {
    const p = `steps[${index}].`;
    if (!isObj(raw)) return fail(`steps[${index}]`, 'must be an object');
    const stepTitle = str(raw, 'title', p);
    const paras = text(raw.text, `${p}text`);
    const run = commands(raw.run, `${p}run`);
    ops.push(...run.ops);
    cmds.push(...run.commands);
    if (raw.ino !== undefined) ino = int(raw.ino, `${p}ino`, 1, inodes);
    const checkIno = (op: Op, path: string) => {
      if ('ino' in op && op.ino > inodes)
        fail(path, `uses inode ${op.ino}; the lesson has ${inodes}`);
    };
    run.ops.forEach((op, i) => checkIno(op, `${p}run[${i}]`));
    let pause: LessonStep['pause'] = null;
    if (raw.pause !== undefined) {
      if (!isObj(raw.pause)) return fail(`${p}pause`, 'must be { "step": N, "kind": K }');
      if (ops.length === 0) fail(`${p}pause`, 'needs an op to pause inside');
      pause = {
        step: int(raw.pause.step, `${p}pause.step`, 1, 10_000),
        kind: str(raw.pause, 'kind', `${p}pause.`),
      };
    }
    const cursor: Cursor = pause
      ? { op: ops.length - 1, step: pause.step }
      : { op: ops.length, step: 0 };
    const setup = { inodes, commands: [...cmds], ops: [...ops], cursor, ino };
    let predict: Predict | null = null;
    if (raw.predict !== undefined) {
      if (pause) fail(`${p}predict`, 'cannot follow a pause: the question needs the ops done');
      predict = readPredict(raw.predict, `${p}predict`);
      predict.ops.forEach((op, i) => checkIno(op, `${p}predict.run[${i}]`));
      ops.push(...predict.ops);
      cmds.push(...predict.commands);
    }
    return {
      index,
      title: stepTitle,
      text: paras,
      setup,
      pause,
      point: lblks(raw.point, `${p}point`),
      predict,
    };
  });
  return { id, title, summary, inodes, steps };

  function readPredict(raw: unknown, path: string): Predict {
    if (!isObj(raw)) return fail(path, 'must be an object');
    const p = `${path}.`;
    const question = str(raw, 'question', p);
    const run = commands(raw.run, `${p}run`);
    if (run.ops.length === 0) fail(`${p}run`, 'must name the op(s) the person predicts');
    const m = raw.measure;
    if (!isObj(m) || !MEASURES.includes(m.of as Measure['of']))
      return fail(`${p}measure`, `must be { "of": one of ${MEASURES.join(', ')} ... }`);
    const measure = { ...m } as Measure;
    if (
      'ino' in measure ||
      ['extents', 'cache', 'root', 'lru_nr', 'extent_at'].includes(measure.of)
    )
      int(m.ino, `${p}measure.ino`, 1, inodes);
    if (measure.of === 'extent_at') int(m.lblk, `${p}measure.lblk`, 0, 0xfffffffe);
    if (measure.of === 'steps') str(m, 'category', `${p}measure.`);
    let choices: Choice[] | null = null;
    if (raw.choices !== undefined) {
      if (!Array.isArray(raw.choices) || raw.choices.length < 2)
        return fail(`${p}choices`, 'must list at least two choices');
      choices = raw.choices.map((c, i) => {
        if (!isObj(c)) return fail(`${p}choices[${i}]`, 'must be { "value", "label" }');
        return {
          value: str(c, 'value', `${p}choices[${i}].`),
          label: str(c, 'label', `${p}choices[${i}].`),
        };
      });
      if (new Set(choices.map((c) => c.value)).size !== choices.length)
        fail(`${p}choices`, 'repeat a value');
    } else if (!NUMERIC.has(measure.of) && measure.of !== 'result') {
      fail(`${p}choices`, `are needed: "${measure.of}" is not a number`);
    }
    const a = raw.answer;
    if (typeof a !== 'string' && typeof a !== 'number') return fail(`${p}answer`, 'is missing');
    const answer = String(a);
    if (choices && !choices.some((c) => c.value === answer))
      fail(`${p}answer`, `"${answer}" is not one of the choices' values`);
    if (!choices && parseNumber(answer) === null) fail(`${p}answer`, 'must be a number');
    return {
      question,
      commands: run.commands,
      ops: run.ops,
      measure,
      choices,
      answer,
      explain: text(raw.explain, `${p}explain`).join('\n\n'),
      point: lblks(raw.point, `${p}point`),
    };
  }
}

/**
 * True when `given` (a choice's value, or what the person typed) is the answer. The tests check
 * the engine's measured value with this same function.
 */
export function checkAnswer(q: Pick<Predict, 'answer' | 'choices'>, given: string): boolean {
  const g = given.trim();
  if (q.choices) return g === q.answer;
  const n = parseNumber(g);
  return n !== null && n === parseNumber(q.answer);
}

/** The answer as a person reads it: the choice's label, or the number. */
export function answerLabel(q: Pick<Predict, 'answer' | 'choices'>): string {
  return q.choices?.find((c) => c.value === q.answer)?.label ?? q.answer;
}

/** A piece of lesson text. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'term'; term: string; text: string }
  | { kind: 'code'; text: string }
  /** Its text may hold terms and code too. */
  | { kind: 'strong'; text: string };

const RICH = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|`([^`]+)`|\*\*([^*]+)\*\*/g;

/** The glossary terms a text names, strong text included. */
export function termsIn(text: string): string[] {
  return parseRich(text).flatMap((seg) =>
    seg.kind === 'term' ? [seg.term] : seg.kind === 'strong' ? termsIn(seg.text) : [],
  );
}

/** Splits text into plain runs, [[term]] / [[term|words]], `code` and **strong**. */
export function parseRich(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(RICH)) {
    if (m.index > at) out.push({ kind: 'text', text: text.slice(at, m.index) });
    if (m[1] !== undefined)
      out.push({ kind: 'term', term: m[1].trim(), text: m[2] ?? m[1].trim() });
    else if (m[3] !== undefined) out.push({ kind: 'code', text: m[3] });
    else out.push({ kind: 'strong', text: m[4] ?? '' });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** Every lesson file, in file-name order (so `01-...` comes first). */
const FILES = import.meta.glob<unknown>('./data/*.json', { eager: true, import: 'default' });

export interface LoadedLessons {
  lessons: Lesson[];
  /** Files that failed to validate, with the reason (the panel lists them for the author). */
  errors: string[];
}

/** Reads and checks every lesson file. */
export function loadLessons(files: Record<string, unknown> = FILES): LoadedLessons {
  const lessons: Lesson[] = [];
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const name of Object.keys(files).sort()) {
    const file = name.replace(/^.*\//, '');
    try {
      const l = validateLesson(files[name], file);
      if (ids.has(l.id)) throw new LessonError(`${file}: id "${l.id}" is used by another lesson`);
      ids.add(l.id);
      lessons.push(l);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { lessons, errors };
}

let cached: LoadedLessons | null = null;

/** The lessons shipped with the explorer (read once). */
export function allLessons(): LoadedLessons {
  cached ??= loadLessons();
  return cached;
}

/** The lesson with `id`, or undefined. */
export function findLesson(id: string): Lesson | undefined {
  return allLessons().lessons.find((l) => l.id === id);
}

/** `lesson=<id>/<step>` (step 1-based), as lesson step links carry it in the URL fragment. */
export function lessonFragment(id: string, index: number): string {
  return `lesson=${id}/${index + 1}`;
}

/** Reads a lesson step link's fragment (with or without '#'); null when it is not one. */
export function parseLessonFragment(hash: string): { id: string; index: number } | null {
  const m = /^#?lesson=([a-z0-9-]+)\/([0-9]{1,4})$/.exec(hash);
  if (!m) return null;
  const index = Number(m[2]) - 1;
  return index >= 0 ? { id: m[1]!, index } : null;
}
