/**
 * Divergences: where a trace's exit event says the kernel returned something other than what the
 * 3.9 model returns for the same op at the same point. Both sides are kept as op results in the
 * vectors' field names, so the UI can show them with the same code it shows any result with.
 */
import type { OpResult } from '../core/ops.ts';
import { hasPblk, statusName } from '../core/status.ts';

/** lookup: `ext4_es_lookup_extent_exit`; find: `ext4_es_find_*_exit`; shrink: the shrinker's exit. */
export type DivergenceKind = 'lookup' | 'find' | 'shrink';

export interface Divergence {
  kind: DivergenceKind;
  /** Line of the exit event (what the kernel said). */
  line: number;
  /** Line of the enter event (the op). */
  enterLine: number;
  /** Index of the op whose result differs. */
  opIndex: number;
  /** Explorer inode (0 for the shrinker). */
  ino: number;
  /** What the trace says, as a result (`found`/`es`, `es`, or `shrunk`). */
  expected: OpResult;
  /** What the model returned. */
  model: OpResult;
}

export interface Difference {
  kind: DivergenceKind;
  expected: OpResult;
  model: OpResult;
}

/**
 * Compares a lookup exit (`found F [L/N) P S`, status already stripped of R and unknown bits)
 * with the model's lookup result. The physical block counts only for W/U extents: kernels print
 * 0, ~0 or a poison value (0x7fdeadbeef) for holes and delayed extents, and the model keeps none.
 */
export function compareLookup(
  found: boolean,
  lblk: number,
  len: number,
  bits: number,
  pblk: number,
  model: OpResult,
): Difference | null {
  const expected: OpResult = found
    ? { found: 1, es: [lblk, len, statusName(bits), hasPblk(bits) ? pblk : null] }
    : { found: 0, es: null };
  if (model.err || model.found !== expected.found) return { kind: 'lookup', expected, model };
  if (!found) return null;
  const m = model.es;
  const e = expected.es!;
  if (!m || m.length !== 4 || m.some((v, i) => v !== e[i]))
    return { kind: 'lookup', expected, model };
  return null;
}

/** Compares a find exit (`es [L/N) ...`; length 0 means none found) with find_delayed's result. */
export function compareFind(lblk: number, len: number, model: OpResult): Difference | null {
  const expected: OpResult = { es: len === 0 ? null : [lblk, len] };
  const m = model.es;
  const e = expected.es;
  if (model.err) return { kind: 'find', expected, model };
  if (!e || !m) return e === m ? null : { kind: 'find', expected, model };
  return m[0] === e[0] && m[1] === e[1] ? null : { kind: 'find', expected, model };
}

/** Compares the number the shrinker's exit event reports reclaimed with the model's. */
export function compareShrink(shrunk: number, model: OpResult): Difference | null {
  if (!model.err && model.shrunk === shrunk) return null;
  return { kind: 'shrink', expected: { shrunk }, model };
}

/** One result in a few words: `found [0/1) 32887 U`, `not found`, `[4/2)`, `none`, `shrunk 61`. */
export function describeResult(kind: DivergenceKind, r: OpResult): string {
  if (r.err) return `error ${r.err}`;
  if (kind === 'shrink') return `shrunk ${r.shrunk ?? '?'}`;
  const es = r.es;
  if (kind === 'lookup') {
    if (!r.found || !es) return 'not found';
    const [lblk, len, status, pblk] = es;
    return `found [${lblk}/${len})${pblk === null || pblk === undefined ? '' : ` ${pblk}`} ${status}`;
  }
  return es ? `[${es[0]}/${es[1]})` : 'none';
}

/** A divergence on one line: `line 17 (op 12, lookup ino 3): trace found [1/4294967294) H, model not found`. */
export function describeDivergence(d: Divergence): string {
  const who = d.kind === 'shrink' ? 'shrink' : `${d.kind} ino ${d.ino}`;
  return `line ${d.line} (op ${d.opIndex}, ${who}): trace ${describeResult(d.kind, d.expected)}, model ${describeResult(d.kind, d.model)}`;
}
