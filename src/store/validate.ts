/**
 * Inline validation for the operations form and the Command field: runs on the main thread with
 * the engine's pure parsers only, so nothing invalid is ever sent to the worker. Range errors the
 * kernel itself reports (EINVAL past block 0xfffffffe) are left to the engine on purpose: the
 * person should see the kernel's answer.
 */
import { EsError } from '../core/errors.ts';
import { parseCommand, parseNumber, type Op } from '../core/ops.ts';

export const MAX_U32 = 0xffffffff;
export const PBLK_LIMIT = 2 ** 48;
/** The explorer's inode bound (the engine allows more; the views are built for this many). */
export const MAX_UI_INODES = 64;
export const MAX_NR_TO_SCAN = 0x7fffffff;

export type NumberField = 'ino' | 'lblk' | 'len' | 'pblk' | 'nr' | 'inodes';

const LIMITS: Record<NumberField, { min: number; max: number; what: string }> = {
  ino: { min: 1, max: MAX_UI_INODES, what: 'an inode number' },
  lblk: { min: 0, max: MAX_U32, what: 'a block from 0 to 4294967295' },
  len: { min: 0, max: MAX_U32, what: 'a length from 0 to 4294967295' },
  pblk: { min: 0, max: PBLK_LIMIT - 1, what: 'a block below 2^48' },
  nr: { min: 0, max: MAX_NR_TO_SCAN, what: 'a count from 0 to 2147483647' },
  inodes: { min: 1, max: MAX_UI_INODES, what: 'a count from 1 to 64' },
};

export type Checked = { ok: true; value: number } | { ok: false; message: string };

/**
 * Checks a number field (decimal or 0x-hex). `max` narrows the upper bound (the inode count).
 */
export function checkNumber(field: NumberField, text: string, max?: number): Checked {
  const t = text.trim();
  const lim = LIMITS[field];
  const hi = max ?? lim.max;
  if (t === '') return { ok: false, message: `Enter ${lim.what}.` };
  const v = parseNumber(t);
  if (v === null) return { ok: false, message: `Not a whole number: enter ${lim.what}.` };
  if (v < lim.min || v > hi) {
    if (field === 'ino') return { ok: false, message: `Inodes are 1 to ${hi}.` };
    return {
      ok: false,
      message: `Out of range: enter ${lim.what}${max !== undefined ? ` up to ${hi}` : ''}.`,
    };
  }
  return { ok: true, value: v };
}

export interface LineError {
  line: number;
  message: string;
}

export type ParsedLines = { ok: true; ops: Op[] } | { ok: false; errors: LineError[] };

/** Parses Command text: one command per line; blank lines and `#` comments are skipped. */
export function parseCommandLines(text: string): ParsedLines {
  const ops: Op[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    try {
      ops.push(parseCommand(line));
    } catch (e) {
      errors.push({
        line: i + 1,
        message: e instanceof EsError || e instanceof Error ? e.message : String(e),
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, ops };
}

/** The inode an op works on, if any. */
export function opInode(op: Op): number | null {
  return 'ino' in op ? op.ino : null;
}
