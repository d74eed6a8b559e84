/**
 * `esx steps FILE`: one JSON line per op of an op or vector file, with the op, its result and its
 * micro-steps (kind, kernel function, nodes by lblk, explanation), so steps can be checked,
 * diffed and used without a browser.
 */
import { newSuperblock, resultFields } from '../core/ops.ts';
import { recordOp, stepSummary } from '../core/steps.ts';
import type { Superblock } from '../core/superblock.ts';
import { parseHeader, type FileHeader } from './header.ts';
import { forEachLine, InputError, readBytes } from './io.ts';
import { parseOpLine } from './replay.ts';

export function stepsFile(file: string, write: (s: string) => void): number {
  const buf = readBytes(file);
  const dec = new TextDecoder();
  let header: FileHeader | null = null;
  let sb: Superblock | null = null;
  let ops = 0;
  forEachLine(buf, (start, end, lineNo) => {
    const text = dec.decode(buf.subarray(start, end));
    if (!header) {
      header = parseHeader(text, file);
      sb = newSuperblock(header.inodes);
      return;
    }
    const op = parseOpLine(text, header, `${file}:${lineNo}`);
    const { result, steps } = recordOp(sb!, op);
    ops++;
    write(
      JSON.stringify({ i: ops, op, ...resultFields(result), steps: steps.map(stepSummary) }) + '\n',
    );
  });
  if (!header) throw new InputError(`${file}: empty file (expected a header line)`);
  return ops;
}
