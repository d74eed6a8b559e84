/**
 * Pure helpers of the step debugger's timeline: where a kernel function lives in the v3.9 source,
 * whether a listed step stops play at a breakpoint, the position in words, and the checks of the
 * breakpoint form.
 */
import type { Breakpoint } from '../../core/breakpoints.ts';
import type { Cursor, FocusOp, StepBrief } from '../../worker/protocol.ts';

const ELIXIR = 'https://elixir.bootlin.com/linux/v3.9/source/';

/** Files of the v3.9 tree that hold the functions the steps name. */
const FILE_OF: Record<string, string> = {
  rb_insert_color: 'lib/rbtree.c',
  rb_erase: 'lib/rbtree.c',
  // rb_link_node is a static inline in the header, not in lib/rbtree.c
  rb_link_node: 'include/linux/rbtree.h',
};

/**
 * The elixir.bootlin.com page of the v3.9 source file that holds kernel function `fn`, or null
 * for steps that are the explorer's own (such as `add_inodes`).
 */
export function sourceUrl(fn: string): string | null {
  const file = FILE_OF[fn] ?? (fn.startsWith('rb_') ? 'lib/rbtree.c' : null);
  if (file) return ELIXIR + file;
  if (/^_*ext4_es_|^__es_/.test(fn)) return ELIXIR + 'fs/ext4/extents_status.c';
  return null;
}

/** The file part of `sourceUrl`, for the link's caption. */
export function sourceFile(fn: string): string | null {
  const url = sourceUrl(fn);
  return url ? url.slice(ELIXIR.length) : null;
}

/**
 * True when the listed step `s` stops play at `bp`. Category and inode breakpoints are exact; a
 * range breakpoint matches every step on its inode, since the brief list carries no extents
 * (Continue asks the worker, which checks the range exactly).
 */
export function briefHits(bp: Breakpoint, s: StepBrief): boolean {
  switch (bp.on) {
    case 'category':
      return s.category === bp.category;
    case 'inode':
    case 'range':
      return s.ino === bp.ino;
  }
}

/** The first breakpoint the step just reached stops at, or null. */
export function reachedBreakpoint(
  bps: readonly Breakpoint[],
  focus: FocusOp | null,
): Breakpoint | null {
  const s = focus?.steps[focus.current];
  if (!s) return null;
  return bps.find((bp) => briefHits(bp, s)) ?? null;
}

/**
 * Where the timeline stands, for a person: the focus op counted from 1 and the step within it,
 * e.g. "op 3 of 7, step 2 of 9".
 */
export function positionText(cursor: Cursor, length: number, focus: FocusOp | null): string {
  if (!focus) return length === 0 ? 'no ops yet' : `start, before op 1 of ${length}`;
  const n = focus.steps.length;
  const op = `op ${focus.index + 1} of ${length}`;
  if (n === 0) return `${op}, no steps`;
  const done = cursor.step > 0 ? cursor.step : n;
  return `${op}, step ${done} of ${n}`;
}

export const MAX_LBLK = 0xfffffffe;

/** A non-negative integer in decimal or 0x hex, or null. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

export interface FieldCheck {
  value: number | null;
  error?: string;
}

/** Checks an inode number against the superblock's count. */
export function checkInode(text: string, count: number): FieldCheck {
  if (text.trim() === '') return { value: null, error: 'Enter an inode' };
  const n = parseNumber(text);
  if (n === null || n < 1 || n > count)
    return { value: null, error: `An inode from 1 to ${count}` };
  return { value: n };
}

/** Checks a block range "A to B" (inclusive); returns the range as lblk and len. */
export function checkBlocks(
  a: string,
  b: string,
): { range: { lblk: number; len: number } | null; errorA?: string; errorB?: string } {
  const x = parseNumber(a);
  const y = parseNumber(b);
  const errorA =
    a.trim() === ''
      ? 'Enter a block'
      : x === null || x > MAX_LBLK
        ? 'A block from 0 to 0xfffffffe'
        : undefined;
  let errorB =
    b.trim() === ''
      ? 'Enter a block'
      : y === null || y > MAX_LBLK
        ? 'A block from 0 to 0xfffffffe'
        : undefined;
  if (!errorA && !errorB && x !== null && y !== null && y < x) errorB = `Not before block ${x}`;
  if (errorA || errorB || x === null || y === null)
    return { range: null, ...(errorA ? { errorA } : {}), ...(errorB ? { errorB } : {}) };
  return { range: { lblk: x, len: y - x + 1 } };
}
