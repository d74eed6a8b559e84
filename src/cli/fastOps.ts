/**
 * A fast reader for op lines (`{"op":"insert","ino":1,...}`): scans a flat JSON object byte by
 * byte into numeric fields without building strings or objects. Anything it does not expect
 * (escapes, nesting, fractions, exponents, unknown keys) makes it give up on that line, and the
 * caller falls back to JSON.parse, so the reader only ever speeds up, never changes, a result.
 */
import { parseStatus } from '../core/status.ts';

export const K_INSERT = 1;
export const K_REMOVE = 2;
export const K_LOOKUP = 3;
export const K_FIND_DELAYED = 4;
export const K_SHRINK = 5;
export const K_LRU_DEL = 6;

/** One scanned op. Fields not present are -1 (pblk: -1 means omitted). */
export class ScannedOp {
  kind = 0;
  ino = -1;
  lblk = -1;
  len = -1;
  pblk = -1;
  status = -1;
  nr = -1;
}

const OP_KINDS: [string, number][] = [
  ['insert', K_INSERT],
  ['remove', K_REMOVE],
  ['lookup', K_LOOKUP],
  ['find_delayed', K_FIND_DELAYED],
  ['shrink', K_SHRINK],
  ['lru_del', K_LRU_DEL],
];

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** Field ids of the keys an op line has. */
const F_OP = 1;
const F_INO = 2;
const F_LBLK = 3;
const F_LEN = 4;
const F_PBLK = 5;
const F_STATUS = 6;
const F_NR = 7;

/** Which key the bytes buf[a..b) spell, or 0. */
function keyId(buf: Uint8Array, a: number, b: number): number {
  const n = b - a;
  const c0 = buf[a];
  if (n === 2 && c0 === 111 && buf[a + 1] === 112) return F_OP; // op
  if (n === 2 && c0 === 110 && buf[a + 1] === 114) return F_NR; // nr
  if (n === 3 && c0 === 105 && buf[a + 1] === 110 && buf[a + 2] === 111) return F_INO; // ino
  if (n === 3 && c0 === 108 && buf[a + 1] === 101 && buf[a + 2] === 110) return F_LEN; // len
  if (n === 4 && c0 === 108 && buf[a + 1] === 98 && buf[a + 2] === 108 && buf[a + 3] === 107)
    return F_LBLK;
  if (n === 4 && c0 === 112 && buf[a + 1] === 98 && buf[a + 2] === 108 && buf[a + 3] === 107)
    return F_PBLK;
  if (n === 6 && c0 === 115 && equals(buf, a, 'status')) return F_STATUS;
  return 0;
}

function equals(buf: Uint8Array, a: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (buf[a + i] !== s.charCodeAt(i)) return false;
  return true;
}

function opKind(buf: Uint8Array, a: number, b: number): number {
  for (const [name, kind] of OP_KINDS)
    if (b - a === name.length && equals(buf, a, name)) return kind;
  return 0;
}

/**
 * Scans buf[start..end) as one flat op object into `out`. Returns false when the line is not in
 * the simple form (the caller then uses JSON.parse). Does not check that the fields fit the op.
 */
export function scanOpLine(buf: Uint8Array, start: number, end: number, out: ScannedOp): boolean {
  out.kind = 0;
  out.ino = out.lblk = out.len = out.pblk = out.status = out.nr = -1;
  let i = start;
  while (i < end && isSpace(buf[i]!)) i++;
  if (buf[i] !== LBRACE) return false;
  i++;
  for (;;) {
    while (i < end && isSpace(buf[i]!)) i++;
    if (buf[i] !== QUOTE) return false;
    const ka = ++i;
    while (i < end && buf[i] !== QUOTE && buf[i] !== 92) i++;
    if (buf[i] !== QUOTE) return false;
    const key = keyId(buf, ka, i);
    if (key === 0) return false;
    i++;
    while (i < end && isSpace(buf[i]!)) i++;
    if (buf[i] !== COLON) return false;
    i++;
    while (i < end && isSpace(buf[i]!)) i++;
    const c = buf[i]!;
    if (c === QUOTE) {
      const va = ++i;
      while (i < end && buf[i] !== QUOTE && buf[i] !== 92) i++;
      if (buf[i] !== QUOTE) return false;
      if (key === F_OP) {
        out.kind = opKind(buf, va, i);
        if (out.kind === 0) return false;
      } else if (key === F_STATUS) {
        if (i - va > 4) return false;
        let s = '';
        for (let j = va; j < i; j++) s += String.fromCharCode(buf[j]!);
        out.status = parseStatus(s);
        if (out.status < 0) return false;
      } else {
        return false;
      }
      i++;
    } else if (c >= 48 && c <= 57) {
      let v = 0;
      let digits = 0;
      while (i < end && buf[i]! >= 48 && buf[i]! <= 57) {
        v = v * 10 + (buf[i]! - 48);
        i++;
        digits++;
      }
      if (digits > 15 || (digits > 1 && buf[i - digits] === 48)) return false;
      switch (key) {
        case F_INO:
          out.ino = v;
          break;
        case F_LBLK:
          out.lblk = v;
          break;
        case F_LEN:
          out.len = v;
          break;
        case F_PBLK:
          out.pblk = v;
          break;
        case F_NR:
          out.nr = v;
          break;
        default:
          return false;
      }
    } else {
      return false; // null, negative, true/false, nested: the slow path decides
    }
    while (i < end && isSpace(buf[i]!)) i++;
    if (buf[i] === COMMA) {
      i++;
      continue;
    }
    if (buf[i] !== RBRACE) return false;
    i++;
    while (i < end && isSpace(buf[i]!)) i++;
    return i === end && out.kind !== 0;
  }
}
