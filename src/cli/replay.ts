/**
 * `esx replay [--quiet] FILE`: applies an op file (`esx-ops/1`) or a vector file
 * (`esx-vector/1`) and prints, per op, the result fields and the state exactly as a vector's
 * `expect`; with --quiet only `{"ops":K,"state":{...}}` at the end.
 */
import { dumpState } from '../core/dump.ts';
import { EsError } from '../core/errors.ts';
import { applyOp, newSuperblock, parseOpObject, resultFields, type Op } from '../core/ops.ts';
import type { Superblock } from '../core/superblock.ts';
import {
  K_FIND_DELAYED,
  K_INSERT,
  K_LOOKUP,
  K_LRU_DEL,
  K_REMOVE,
  K_SHRINK,
  ScannedOp,
  scanOpLine,
} from './fastOps.ts';
import { parseHeader, type FileHeader } from './header.ts';
import { forEachLine, InputError, readBytes } from './io.ts';
import { hasPblk } from '../core/status.ts';

const decoder = new TextDecoder();

/** Parses one op line (the op object itself, or a vector line's `op`). Throws InputError. */
export function parseOpLine(text: string, header: FileHeader, where: string): Op {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    throw new InputError(`${where}: not valid JSON`);
  }
  if (header.format === 'esx-vector/1') x = (x as { op?: unknown } | null)?.op;
  try {
    return parseOpObject(x);
  } catch (e) {
    if (e instanceof EsError) throw new InputError(`${where}: ${e.message}`);
    throw e;
  }
}

/**
 * Applies a scanned op straight to the engine (no objects). Returns false when the op lacks a
 * field it needs; the caller then takes the slow path, which reports the problem.
 */
function applyScanned(sb: Superblock, s: ScannedOp): boolean {
  switch (s.kind) {
    case K_INSERT: {
      if (s.ino < 0 || s.lblk < 0 || s.len < 0 || s.status < 0) return false;
      if (s.pblk < 0 && hasPblk(s.status)) return false;
      sb.insert(s.ino, s.lblk, s.len, s.pblk < 0 ? 0 : s.pblk, s.status);
      return true;
    }
    case K_REMOVE:
      if (s.ino < 0 || s.lblk < 0 || s.len < 0) return false;
      sb.remove(s.ino, s.lblk, s.len);
      return true;
    case K_LOOKUP:
      if (s.ino < 0 || s.lblk < 0) return false;
      sb.lookup(s.ino, s.lblk);
      return true;
    case K_FIND_DELAYED:
      if (s.ino < 0 || s.lblk < 0) return false;
      sb.findDelayed(s.ino, s.lblk);
      return true;
    case K_SHRINK:
      if (s.nr < 0) return false;
      sb.shrink(s.nr);
      return true;
    case K_LRU_DEL:
      if (s.ino < 0) return false;
      sb.lruDel(s.ino);
      return true;
  }
  return false;
}

export interface ReplayOptions {
  quiet: boolean;
  write: (text: string) => void;
}

/** Replays `file`; returns the number of ops applied. Throws InputError on a malformed line. */
export function replayFile(file: string, opts: ReplayOptions): number {
  const buf = readBytes(file);
  let header: FileHeader | null = null;
  let sb: Superblock | null = null;
  let ops = 0;
  const scanned = new ScannedOp();
  const out: string[] = [];
  let outLen = 0;
  forEachLine(buf, (start, end, lineNo) => {
    if (!header) {
      header = parseHeader(decoder.decode(buf.subarray(start, end)), file);
      sb = newSuperblock(header.inodes);
      return;
    }
    const engine = sb!;
    ops++;
    if (opts.quiet && header.format === 'esx-ops/1' && scanOpLine(buf, start, end, scanned)) {
      if (applyScanned(engine, scanned)) return;
    }
    const op = parseOpLine(decoder.decode(buf.subarray(start, end)), header, `${file}:${lineNo}`);
    const result = applyOp(engine, op);
    if (!opts.quiet) {
      const line = JSON.stringify({ ...resultFields(result), state: dumpState(engine) });
      out.push(line);
      outLen += line.length;
      if (outLen > 1 << 20) {
        opts.write(out.join('\n') + '\n');
        out.length = 0;
        outLen = 0;
      }
    }
  });
  if (!header || !sb) throw new InputError(`${file}: empty file (expected a header line)`);
  if (out.length) opts.write(out.join('\n') + '\n');
  if (opts.quiet) opts.write(JSON.stringify({ ops, state: dumpState(sb) }) + '\n');
  return ops;
}
