/**
 * Operations as data: their JSON form (as in `esx-vector/1` and `esx-ops/1` lines), the command
 * syntax of the CLI and the explorer's Command field, and their results.
 */
import { EsError, type EsErrorCode } from './errors.ts';
import { hasPblk, parseStatus, statusName } from './status.ts';
import { MAX_INODES, Superblock } from './superblock.ts';
import type { ExtentTuple } from './dump.ts';

export type Op =
  | { op: 'insert'; ino: number; lblk: number; len: number; pblk?: number; status: string }
  | { op: 'remove'; ino: number; lblk: number; len: number }
  | { op: 'lookup'; ino: number; lblk: number }
  | { op: 'find_delayed'; ino: number; lblk: number }
  | { op: 'shrink'; nr: number }
  | { op: 'lru_del'; ino: number }
  /** Explorer-only: grow the superblock to `count` inodes (the session records it). */
  | { op: 'add_inodes'; count: number };

export type OpName = Op['op'];

export const OP_NAMES: readonly OpName[] = [
  'insert',
  'remove',
  'lookup',
  'find_delayed',
  'shrink',
  'lru_del',
  'add_inodes',
];

/** What an op returned, in the field names of the vectors' `expect`. */
export interface OpResult {
  ret?: number;
  found?: 0 | 1;
  es?: ExtentTuple | [number, number] | null;
  shrunk?: number;
  err?: EsErrorCode;
  /** Human-readable detail of `err` (not part of the vectors). */
  message?: string;
}

const FIELDS: Record<OpName, readonly string[]> = {
  insert: ['ino', 'lblk', 'len', 'pblk', 'status'],
  remove: ['ino', 'lblk', 'len'],
  lookup: ['ino', 'lblk'],
  find_delayed: ['ino', 'lblk'],
  shrink: ['nr'],
  lru_del: ['ino'],
  add_inodes: ['count'],
};

/** The fields an op takes, in command order. */
export function opFields(name: OpName): readonly string[] {
  return FIELDS[name];
}

function isOpName(x: unknown): x is OpName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(FIELDS, x);
}

/**
 * Checks that `x` is an op object: a known `op`, every field it needs, integers where numbers go.
 * Range checks against the superblock happen when it is applied. Throws EsError.
 */
export function parseOpObject(x: unknown): Op {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    throw new EsError('EBADOP', 'an op must be a JSON object');
  const o = x as Record<string, unknown>;
  if (!isOpName(o.op)) throw new EsError('EBADOP', `unknown op ${JSON.stringify(o.op)}`);
  const name = o.op;
  const out: Record<string, unknown> = { op: name };
  for (const f of FIELDS[name]) {
    const v = o[f];
    if (f === 'status') {
      if (typeof v !== 'string' || parseStatus(v) < 0)
        throw new EsError(
          'EBADSTATUS',
          `status must be a non-empty set of W, U, D, H (got ${JSON.stringify(v)})`,
        );
      out[f] = statusName(parseStatus(v));
      continue;
    }
    if (v === undefined || v === null) {
      if (f === 'pblk') continue; // optional for statuses without W or U; checked on apply
      throw new EsError('EBADARG', `${name} needs ${f}`);
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new EsError(
        'EBADARG',
        `${f} must be a non-negative integer (got ${JSON.stringify(v)})`,
      );
    out[f] = v;
  }
  return out as Op;
}

/**
 * Parses one command in the CLI syntax: `insert INO LBLK LEN [PBLK] STATUS`, `remove INO LBLK
 * LEN`, `lookup INO LBLK`, `find_delayed INO LBLK`, `shrink NR`, `lru_del INO`, `add_inodes N`.
 * Numbers may be decimal or 0x-hex. Throws EsError with a message fit to show a person.
 */
export function parseCommand(line: string): Op {
  const words = line.trim().split(/\s+/);
  const name = (words[0] ?? '').toLowerCase().replace('-', '_');
  if (!isOpName(name)) {
    throw new EsError(
      'EBADOP',
      `unknown command "${words[0] ?? ''}" (try insert, remove, lookup, find_delayed, shrink, lru_del)`,
    );
  }
  const args = words.slice(1);
  const fields = FIELDS[name];
  const o: Record<string, unknown> = { op: name };
  let want = fields;
  if (name === 'insert' && args.length === 4) want = ['ino', 'lblk', 'len', 'status'];
  if (args.length !== want.length) {
    const usage =
      name === 'insert'
        ? 'insert INO LBLK LEN [PBLK] STATUS'
        : [name, ...fields.map((f) => f.toUpperCase())].join(' ');
    throw new EsError(
      'EBADARG',
      `${name} takes ${want.length === fields.length ? fields.length : want.length} values: ${usage}`,
    );
  }
  want.forEach((f, i) => {
    const w = args[i]!;
    if (f === 'status') {
      o[f] = w.toUpperCase();
      return;
    }
    const v = parseNumber(w);
    if (v === null)
      throw new EsError('EBADARG', `${f} must be a non-negative integer (got "${w}")`);
    o[f] = v;
  });
  return parseOpObject(o);
}

/** Decimal or 0x-hex non-negative integer, or null. */
export function parseNumber(w: string): number | null {
  if (/^[0-9]+$/.test(w)) {
    const v = Number(w);
    return Number.isSafeInteger(v) ? v : null;
  }
  if (/^0x[0-9a-f]+$/i.test(w)) {
    const v = parseInt(w.slice(2), 16);
    return Number.isSafeInteger(v) ? v : null;
  }
  return null;
}

/** The command-syntax form of an op (what `parseCommand` reads back). */
export function formatCommand(op: Op): string {
  switch (op.op) {
    case 'insert':
      return op.pblk === undefined
        ? `insert ${op.ino} ${op.lblk} ${op.len} ${op.status}`
        : `insert ${op.ino} ${op.lblk} ${op.len} ${op.pblk} ${op.status}`;
    case 'remove':
      return `remove ${op.ino} ${op.lblk} ${op.len}`;
    case 'lookup':
    case 'find_delayed':
      return `${op.op} ${op.ino} ${op.lblk}`;
    case 'shrink':
      return `shrink ${op.nr}`;
    case 'lru_del':
      return `lru_del ${op.ino}`;
    case 'add_inodes':
      return `add_inodes ${op.count}`;
  }
}

const MESSAGES: Record<EsErrorCode, string> = {
  EINVAL: 'the range runs past block 0xfffffffe (lblk + len must be at most 0xffffffff)',
  EBADARG: 'a value is missing, not an integer or out of range',
  ENOINODE: 'no such inode',
  EBADSTATUS: 'status must be a non-empty set of W, U, D, H',
  EBADOP: 'unknown operation',
  ETOOBIG: 'the session is too large for a link',
};

function fail(code: EsErrorCode, detail?: string): OpResult {
  return { err: code, message: detail ?? MESSAGES[code] };
}

/**
 * Applies an op to the superblock and returns its result; on an error the state is unchanged.
 * O(the op's own cost).
 */
export function applyOp(sb: Superblock, op: Op): OpResult {
  switch (op.op) {
    case 'insert': {
      const status = parseStatus(op.status);
      if (status < 0) return fail('EBADSTATUS');
      let pblk = op.pblk;
      if (pblk === undefined) {
        if (hasPblk(status))
          return fail('EBADARG', `status ${statusName(status)} needs a physical block`);
        pblk = 0;
      }
      const e = sb.insert(op.ino, op.lblk, op.len, pblk, status);
      if (e) return fail(e, detail(sb, e, op));
      return { ret: 0 };
    }
    case 'remove': {
      const e = sb.remove(op.ino, op.lblk, op.len);
      if (e) return fail(e, detail(sb, e, op));
      return { ret: 0 };
    }
    case 'lookup': {
      const e = sb.lookup(op.ino, op.lblk);
      if (e) return fail(e, detail(sb, e, op));
      if (!sb.rFound) return { found: 0, es: null };
      return {
        found: 1,
        es: [sb.rLblk, sb.rLen, statusName(sb.rStatus), hasPblk(sb.rStatus) ? sb.rPblk : null],
      };
    }
    case 'find_delayed': {
      const e = sb.findDelayed(op.ino, op.lblk);
      if (e) return fail(e, detail(sb, e, op));
      return { es: sb.rFound ? [sb.rLblk, sb.rLen] : null };
    }
    case 'shrink': {
      const e = sb.shrink(op.nr);
      if (e) return fail(e, `nr_to_scan must be an integer from 0 to 2147483647 (got ${op.nr})`);
      return { ret: sb.rRet, shrunk: sb.rShrunk };
    }
    case 'lru_del': {
      const e = sb.lruDel(op.ino);
      if (e) return fail(e, detail(sb, e, op));
      return {};
    }
    case 'add_inodes': {
      if (!Number.isInteger(op.count) || op.count < sb.inodeCount || op.count > MAX_INODES)
        return fail('EBADARG', `inode count must be from ${sb.inodeCount} to ${MAX_INODES}`);
      sb.setInodeCount(op.count);
      return {};
    }
  }
}

function detail(sb: Superblock, e: EsErrorCode, op: Op): string {
  if (e === 'ENOINODE' && 'ino' in op)
    return `no inode ${op.ino} (inodes are 1 to ${sb.inodeCount})`;
  if (e === 'EINVAL' && 'len' in op)
    return `[${op.lblk}/${op.len}) runs past block 0xfffffffe: lblk + len must be at most 4294967295`;
  return MESSAGES[e];
}

/** The result fields as a vector's `expect` has them (no message). */
export function resultFields(r: OpResult): OpResult {
  if (r.err) return { err: r.err };
  return r;
}

/** A fresh superblock of `inodes` inodes; throws EsError when the count is out of range. */
export function newSuperblock(inodes: number): Superblock {
  if (!Number.isInteger(inodes) || inodes < 1 || inodes > MAX_INODES)
    throw new EsError('EBADARG', `inode count must be from 1 to ${MAX_INODES} (got ${inodes})`);
  return new Superblock(inodes);
}
