/**
 * `esx check FILE...`: replays vector files and compares the result and the whole state after
 * every op with the recorded `expect`. One line per file; the totals count ops.
 */
import { dumpState } from '../core/dump.ts';
import { applyOp, newSuperblock, resultFields } from '../core/ops.ts';
import type { Superblock } from '../core/superblock.ts';
import { parseHeader, type FileHeader } from './header.ts';
import { canonicalJson, forEachLine, InputError, readBytes } from './io.ts';
import { parseOpLine } from './replay.ts';

export interface FileVerdict {
  file: string;
  passed: number;
  failed: number;
  /** The first failure: where, the op, expected and actual (canonical JSON). */
  first?: { lineNo: number; index: number; op: string; expected: string; actual: string };
  error?: string;
}

/** Checks one vector file; never throws for bad input (reports it in `error`). */
export function checkFile(file: string): FileVerdict {
  const v: FileVerdict = { file, passed: 0, failed: 0 };
  try {
    const buf = readBytes(file);
    const dec = new TextDecoder();
    let header: FileHeader | null = null;
    let sb: Superblock | null = null;
    let index = 0;
    forEachLine(buf, (start, end, lineNo) => {
      const text = dec.decode(buf.subarray(start, end));
      if (!header) {
        header = parseHeader(text, file);
        if (header.format !== 'esx-vector/1')
          throw new InputError(`${file}:1: not a vector file (esx-vector/1)`);
        sb = newSuperblock(header.inodes);
        return;
      }
      index++;
      const op = parseOpLine(text, header, `${file}:${lineNo}`);
      const expectRaw = (JSON.parse(text) as { expect?: unknown }).expect;
      if (expectRaw === undefined) throw new InputError(`${file}:${lineNo}: no "expect"`);
      const result = resultFields(applyOp(sb!, op));
      const actual = canonicalJson({ ...result, state: dumpState(sb!) });
      const expected = canonicalJson(expectRaw);
      if (actual === expected) {
        v.passed++;
      } else {
        v.failed++;
        v.first ??= { lineNo, index, op: JSON.stringify(op), expected, actual };
      }
    });
    if (!header) throw new InputError(`${file}: empty file`);
  } catch (e) {
    v.error = e instanceof Error ? e.message : String(e);
  }
  return v;
}

/** The first place where two JSON texts differ, with a little context. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 60);
  return `expected …${a.slice(from, i + 60)}…\n    actual …${b.slice(from, i + 60)}…`;
}
