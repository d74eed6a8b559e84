/** File input for the CLI: whole files (plain or gzip) as bytes, split into lines. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The bytes of a file, gunzipped when it is gzip (by magic number, not by name). */
export function readBytes(path: string): Buffer {
  const raw = readFileSync(path);
  return raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
}

/**
 * Calls `fn(start, end, lineNo)` for each non-empty line of `buf` (without its newline).
 * Line numbers start at 1 and count empty lines too.
 */
export function forEachLine(
  buf: Uint8Array,
  fn: (start: number, end: number, lineNo: number) => void,
): void {
  let start = 0;
  let lineNo = 0;
  const n = buf.length;
  while (start < n) {
    let end = buf.indexOf(10, start);
    if (end === -1) end = n;
    lineNo++;
    let e = end;
    if (e > start && buf[e - 1] === 13) e--;
    if (e > start) fn(start, e, lineNo);
    start = end + 1;
  }
}

/** JSON with keys sorted at every level: equal values give equal text. */
export function canonicalJson(x: unknown): string {
  return JSON.stringify(sortKeys(x));
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) out[k] = sortKeys(o[k]);
    return out;
  }
  return x;
}

/** A failure the CLI reports as one line and exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
