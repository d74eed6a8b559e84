/**
 * Results in words, for the result line: what a person would say the op did.
 */
import { formatCommand, type Op, type OpResult } from '../core/ops.ts';

const STATUS_WORDS: Record<string, string> = {
  W: 'written',
  U: 'unwritten',
  D: 'delayed',
  H: 'hole',
  WD: 'written + delayed',
  UD: 'unwritten + delayed',
};

/** `written`, `unwritten + delayed`, or the letters for a rarer combination. */
export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

/** `[10/5) written at 100`. */
export function extentWords(
  lblk: number,
  len: number,
  status: string,
  pblk: number | null,
): string {
  const where = pblk === null ? '' : ` at ${pblk}`;
  return `[${lblk}/${len}) ${statusWords(status)}${where}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One op's result as a sentence (without the command itself). */
export function describeResult(op: Op, r: OpResult): string {
  if (r.err) return `failed: ${r.err}, ${r.message ?? 'error'}`;
  switch (op.op) {
    case 'insert':
      if (op.len === 0) return 'length 0: nothing to do (the kernel returns at once)';
      return `cached ${extentWords(op.lblk, op.len, op.status, op.pblk ?? null)} in inode ${op.ino}`;
    case 'remove':
      if (op.len === 0) return 'length 0: nothing to do (the kernel returns at once)';
      return `removed blocks ${op.lblk} to ${op.lblk + op.len - 1} from inode ${op.ino}`;
    case 'lookup': {
      const es = r.es;
      if (!r.found || !es || es.length < 4)
        return `miss: block ${op.lblk} is not cached in inode ${op.ino}`;
      const [lblk, len, status, pblk] = es as [number, number, string, number | null];
      return `hit: block ${op.lblk} is in ${extentWords(lblk, len, status, pblk)}`;
    }
    case 'find_delayed': {
      const es = r.es;
      if (!es) return `no delayed extent at or after block ${op.lblk} in inode ${op.ino}`;
      return `delayed extent [${es[0]}/${es[1]}) found, now cache_es`;
    }
    case 'shrink':
      if (op.nr === 0) return `${plural(r.ret ?? 0, 'extent')} reclaimable (count only)`;
      return `reclaimed ${plural(r.shrunk ?? 0, 'extent')}, ${r.ret ?? 0} reclaimable left`;
    case 'lru_del':
      return `inode ${op.ino} is off the LRU list`;
    case 'add_inodes':
      return `the superblock now has ${plural(op.count, 'inode')}`;
  }
}

export type ResultKind = 'ok' | 'error';

export interface ResultLine {
  kind: ResultKind;
  text: string;
}

/** The result line for a batch of ops: the op itself when alone, else a count and the last op. */
export function describeBatch(ops: readonly Op[], results: readonly OpResult[]): ResultLine {
  if (ops.length === 0) return { kind: 'ok', text: 'Nothing to run.' };
  const failures: number[] = [];
  results.forEach((r, i) => {
    if (r.err) failures.push(i);
  });
  const at = (i: number) => `${formatCommand(ops[i]!)}: ${describeResult(ops[i]!, results[i]!)}`;
  if (ops.length === 1) return { kind: failures.length ? 'error' : 'ok', text: at(0) };
  const last = ops.length - 1;
  if (failures.length === 0)
    return { kind: 'ok', text: `Ran ${ops.length} ops. Last, ${at(last)}` };
  const first = failures[0]!;
  return {
    kind: 'error',
    text: `Ran ${ops.length} ops, ${failures.length} failed. Line ${first + 1}, ${at(first)}`,
  };
}
