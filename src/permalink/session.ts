/**
 * The session as links and files carry it: a base (empty inodes, or a state dump from a state
 * link) plus an op log, the cursor, the selected inode, breakpoints and view settings. Checking
 * is strict: anything unexpected is refused with a LinkError, never half-loaded.
 */
import type { Breakpoint } from '../core/breakpoints.ts';
import type { SbState } from '../core/dump.ts';
import { EsError } from '../core/errors.ts';
import { formatCommand, parseCommand, type Op } from '../core/ops.ts';
import { restoreState } from '../core/restore.ts';
import { STEP_CATEGORIES, type StepCategory } from '../core/steps.ts';
import { MAX_INODES } from '../core/superblock.ts';

export type { Breakpoint };

export type SessionBase = { inodes: number } | { state: SbState };

/**
 * Where the explorer stands: `op` ops fully applied; `step` > 0 means inside op number `op`
 * (0-based) after that many of its micro-steps.
 */
export interface Cursor {
  op: number;
  step: number;
}

export type ViewSettings = Record<string, string | number | boolean>;

export interface Session {
  base: SessionBase;
  ops: Op[];
  cursor: Cursor;
  selected: number;
  breakpoints: Breakpoint[];
  view: ViewSettings;
}

export type LinkErrorCode =
  | 'not_a_link' // no esx payload in the text
  | 'bad_encoding' // not base64url, not deflate, not UTF-8 or not JSON
  | 'truncated' // the compressed data ends early
  | 'too_large' // over the decoded size limit
  | 'future_version' // made by a newer esx
  | 'invalid'; // well-formed but not a valid session

export class LinkError extends Error {
  readonly code: LinkErrorCode;
  constructor(code: LinkErrorCode, message: string) {
    super(message);
    this.name = 'LinkError';
    this.code = code;
  }
}

/** The newest payload version this code writes and reads. */
export const SESSION_VERSION = 1;
export const MAX_VIEW_KEYS = 32;
export const MAX_BREAKPOINTS = 256;

/** The compact JSON form (short keys keep links short). */
export interface SessionJson {
  v: number;
  b: { n: number } | { s: SbState };
  /** ops as CLI commands, one per line */
  o: string;
  c: [number, number];
  i: number;
  k: Breakpoint[];
  w: ViewSettings;
}

export function sessionToJson(s: Session): SessionJson {
  return {
    v: SESSION_VERSION,
    b: 'inodes' in s.base ? { n: s.base.inodes } : { s: s.base.state },
    o: s.ops.map(formatCommand).join('\n'),
    c: [s.cursor.op, s.cursor.step],
    i: s.selected,
    k: s.breakpoints,
    w: s.view,
  };
}

function invalid(why: string): never {
  throw new LinkError('invalid', why);
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isNat(x: unknown, max = Number.MAX_SAFE_INTEGER): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
}

/**
 * Older payloads are brought up to the current version here, one step at a time. Version 1 is
 * the first; a later version adds `migrations[1] = (x) => ...` turning a v1 object into v2.
 */
const migrations: Record<number, (x: Record<string, unknown>) => Record<string, unknown>> = {};

function migrate(x: Record<string, unknown>): Record<string, unknown> {
  let v = x.v;
  if (!isNat(v) || v < 1) invalid('no version number');
  if (v > SESSION_VERSION)
    throw new LinkError(
      'future_version',
      `made by a newer esx (format ${v}; this one reads up to ${SESSION_VERSION})`,
    );
  let cur = x;
  while ((v as number) < SESSION_VERSION) {
    const step = migrations[v as number];
    if (!step) invalid(`no migration from format ${v}`);
    cur = step(cur);
    v = cur.v;
  }
  return cur;
}

function checkBreakpoint(x: unknown, inodes: number): Breakpoint {
  if (!isObj(x)) invalid('a breakpoint must be an object');
  if (x.on === 'category') {
    if (!STEP_CATEGORIES.includes(x.category as StepCategory))
      invalid(`unknown breakpoint kind ${JSON.stringify(x.category)}`);
    return { on: 'category', category: x.category as StepCategory };
  }
  if (x.on === 'inode') {
    if (!isNat(x.ino) || x.ino < 1 || x.ino > inodes)
      invalid('a breakpoint names an inode that does not exist');
    return { on: 'inode', ino: x.ino };
  }
  if (x.on === 'range') {
    if (!isNat(x.ino) || x.ino < 1 || x.ino > inodes)
      invalid('a breakpoint names an inode that does not exist');
    if (!isNat(x.lblk, 0xffffffff) || !isNat(x.len, 0xffffffff) || x.len === 0)
      invalid('a breakpoint has a bad range');
    return { on: 'range', ino: x.ino, lblk: x.lblk, len: x.len };
  }
  return invalid('unknown breakpoint');
}

function checkView(x: unknown): ViewSettings {
  if (x === undefined) return {};
  if (!isObj(x)) invalid('view settings must be an object');
  const keys = Object.keys(x);
  if (keys.length > MAX_VIEW_KEYS) invalid('too many view settings');
  const out: ViewSettings = {};
  for (const k of keys) {
    const v = x[k];
    if (k.length > 40 || !/^[a-zA-Z][a-zA-Z0-9_]*$/.test(k)) invalid('bad view setting name');
    if (typeof v === 'string' ? v.length > 200 : typeof v !== 'number' && typeof v !== 'boolean')
      invalid(`bad value for view setting ${k}`);
    if (typeof v === 'number' && !Number.isFinite(v)) invalid(`bad value for view setting ${k}`);
    out[k] = v as string | number | boolean;
  }
  return out;
}

/**
 * Checks a decoded payload and turns it into a Session. Every op is parsed, the base state (if
 * any) rebuilt and checked, the cursor bounded. Throws LinkError only.
 */
export function sessionFromJson(raw: unknown): Session {
  if (!isObj(raw)) invalid('the payload is not an object');
  const x = migrate(raw);
  const b = x.b;
  let base: SessionBase;
  let inodes: number;
  if (isObj(b) && 'n' in b) {
    if (!isNat(b.n, MAX_INODES) || b.n < 1)
      invalid(`the inode count must be from 1 to ${MAX_INODES}`);
    base = { inodes: b.n };
    inodes = b.n;
  } else if (isObj(b) && 's' in b) {
    try {
      inodes = restoreState(b.s as SbState).inodeCount;
    } catch (e) {
      if (e instanceof EsError) invalid(`the state does not hold together: ${e.message}`);
      throw e;
    }
    base = { state: b.s as SbState };
  } else {
    return invalid('no base (inode count or state)');
  }
  if (typeof x.o !== 'string') invalid('the op log must be text');
  const ops: Op[] = [];
  if (x.o.length) {
    const lines = x.o.split('\n');
    for (let k = 0; k < lines.length; k++) {
      try {
        const op = parseCommand(lines[k]!);
        if (op.op === 'add_inodes') inodes = Math.max(inodes, op.count);
        ops.push(op);
      } catch (e) {
        if (e instanceof EsError) invalid(`op ${k + 1}: ${e.message}`);
        throw e;
      }
    }
  }
  const c = x.c;
  if (!Array.isArray(c) || c.length !== 2 || !isNat(c[0]) || !isNat(c[1])) invalid('bad cursor');
  if (c[0] > ops.length) invalid(`the cursor is at op ${c[0]} but there are ${ops.length} ops`);
  if (c[1] > 0 && c[0] === ops.length) invalid('the cursor is inside an op that does not exist');
  if (!isNat(x.i) || x.i < 1 || x.i > inodes) invalid('the selected inode does not exist');
  if (!Array.isArray(x.k) || x.k.length > MAX_BREAKPOINTS) invalid('bad breakpoints');
  return {
    base,
    ops,
    cursor: { op: c[0], step: c[1] },
    selected: x.i,
    breakpoints: x.k.map((bp) => checkBreakpoint(bp, inodes)),
    view: checkView(x.w),
  };
}
