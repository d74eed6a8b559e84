/**
 * Micro-step recording: runs one op with a tracer attached and turns what the engine reports into
 * steps a person can follow (kind, kernel function, one sentence with the real numbers) that also
 * carry what changed (node records after the step, freed nodes, the inode's root, cache_es and
 * lru_nr, the LRU order), so the state after any step can be drawn by applying the steps in order
 * to the state before the op.
 */
import type { Op, OpResult } from './ops.ts';
import { applyOp } from './ops.ts';
import { NIL, RED } from './rbtree.ts';
import { fmtExtent, nodeRec, type NodeRec } from './snapshot.ts';
import { statusName } from './status.ts';
import type { EsStepKind, EsTracer, Superblock } from './superblock.ts';

export type StepKind = EsStepKind | 'rotate' | 'recolor' | 'unlink';

/** Groups of step kinds that breakpoints can name. */
export type StepCategory =
  'rotation' | 'recolor' | 'merge' | 'split' | 'erase' | 'cache_miss' | 'reclaim' | 'lru' | 'other';

export const STEP_CATEGORIES: readonly StepCategory[] = [
  'rotation',
  'recolor',
  'merge',
  'split',
  'erase',
  'cache_miss',
  'reclaim',
  'lru',
];

export interface Step {
  kind: StepKind;
  category: StepCategory;
  /** The kernel function the step belongs to. */
  fn: string;
  /** One sentence with the real numbers. */
  text: string;
  /** The inode the step concerns (0 when it concerns the whole superblock). */
  ino: number;
  /** Nodes the step is about, by id, for highlighting. */
  nodes: number[];
  /** The same nodes by lblk (at the time of the step), and named roles such as down/up. */
  refs: Record<string, number | null>;
  /** Node records after the step, for every node whose fields changed in it. */
  changes: NodeRec[];
  /** Nodes freed in this step. */
  freed: number[];
  /** The inode's root, cache_es (ids, 0 for none) and lru_nr after the step. */
  root: number;
  cache: number;
  lruNr: number;
  /** The LRU order after the step, when the step changed it. */
  lru?: number[];
  /** The shrinker's private scanned list after the step, while a sweep runs. */
  scanned?: number[];
}

const CATEGORY: Partial<Record<StepKind, StepCategory>> = {
  rotate: 'rotation',
  recolor: 'recolor',
  merge_into: 'merge',
  merge_left: 'merge',
  merge_right: 'merge',
  split: 'split',
  erase: 'erase',
  cache_miss: 'cache_miss',
  reclaim: 'reclaim',
  lru_add: 'lru',
  lru_del: 'lru',
  scan: 'lru',
  splice: 'lru',
};

const FN: Partial<Record<StepKind, string>> = {
  search_visit: '__es_tree_search',
  search_next: '__es_tree_search',
  insert_visit: '__es_insert_extent',
  merge_into: '__es_insert_extent',
  link: '__es_insert_extent',
  merge_left: 'ext4_es_try_to_merge_left',
  merge_right: 'ext4_es_try_to_merge_right',
  alloc: 'ext4_es_alloc_extent',
  free: 'ext4_es_free_extent',
  trim_end: '__es_remove_extent',
  split: '__es_remove_extent',
  trim_start: '__es_remove_extent',
  erase: '__es_remove_extent',
  unlink: 'rb_erase',
  walk: 'ext4_es_find_delayed_extent',
  lru_add: 'ext4_es_lru_add',
  lru_del: 'ext4_es_lru_del',
  scan: 'ext4_es_shrink',
  skip: 'ext4_es_shrink',
  stop: 'ext4_es_shrink',
  splice: 'ext4_es_shrink',
  count: 'ext4_es_shrink',
  reclaim: '__es_try_to_reclaim_extents',
};

const OP_FN: Record<Op['op'], string> = {
  insert: 'ext4_es_insert_extent',
  remove: 'ext4_es_remove_extent',
  lookup: 'ext4_es_lookup_extent',
  find_delayed: 'ext4_es_find_delayed_extent',
  shrink: 'ext4_es_shrink',
  lru_del: 'ext4_es_lru_del',
  add_inodes: '(explorer)',
};

/** Collects the steps of one op. Use through `recordOp`. */
class Recorder implements EsTracer {
  steps: Step[] = [];
  private scanned: number[] = [];
  private lastLru: string;

  constructor(
    private readonly sb: Superblock,
    private readonly op: Op,
  ) {
    this.lastLru = sb.lruOrder().join();
  }

  private ext(n: number): string {
    const p = this.sb.pool;
    return fmtExtent(p.lblk[n]!, p.len[n]!);
  }

  private extFull(n: number): string {
    const p = this.sb.pool;
    const st = p.status[n]!;
    const pb = st & 12 ? ` at pblk ${p.pblk[n]}` : '';
    return `${fmtExtent(p.lblk[n]!, p.len[n]!)} ${statusName(st)}${pb}`;
  }

  private lblkOf(n: number): number | null {
    return n === NIL ? null : this.sb.pool.lblk[n]!;
  }

  private push(
    kind: StepKind,
    ino: number,
    text: string,
    nodes: number[],
    refs: Record<string, number | null>,
    touched: number[] | null,
    freed: number[] = [],
    fn?: string,
  ): void {
    const sb = this.sb;
    const changes: NodeRec[] = [];
    if (touched) {
      const seen = new Set<number>();
      for (const n of touched) {
        if (n === NIL || seen.has(n) || freed.includes(n)) continue;
        seen.add(n);
        changes.push(nodeRec(sb, n));
      }
    }
    const step: Step = {
      kind,
      category: CATEGORY[kind] ?? 'other',
      fn: fn ?? FN[kind] ?? OP_FN[this.op.op],
      text,
      ino,
      nodes: nodes.filter((n) => n !== NIL),
      refs,
      changes,
      freed,
      root: ino ? sb.pool.root[ino]! : 0,
      cache: ino ? sb.cacheEs[ino]! : 0,
      lruNr: ino ? sb.lruNr[ino]! : 0,
    };
    const lru = sb.lruOrder();
    const key = lru.join();
    if (key !== this.lastLru || kind === 'scan' || kind === 'splice') {
      step.lru = lru;
      this.lastLru = key;
    }
    if (kind === 'scan' || kind === 'splice' || kind === 'stop') step.scanned = [...this.scanned];
    this.steps.push(step);
  }

  rotate(t: number, down: number, up: number, where: string, touched: number[]): void {
    const p = this.sb.pool;
    const dir = p.left[up] === down ? 'left' : 'right';
    const fn = where.startsWith('insert') ? 'rb_insert_color' : 'rb_erase';
    this.push(
      'rotate',
      t,
      `${where}: ${dir}-rotate at ${p.lblk[down]}: ${p.lblk[up]} moves up (now ${colorWord(p.color[up]!)}), ${p.lblk[down]} moves down (now ${colorWord(p.color[down]!)})`,
      [down, up],
      { down: p.lblk[down]!, up: p.lblk[up]! },
      touched,
      [],
      fn,
    );
  }

  recolor(t: number, where: string, touched: number[]): void {
    const p = this.sb.pool;
    const live = touched.filter((n) => n !== NIL);
    const what = live.map((n) => `${p.lblk[n]} ${colorWord(p.color[n]!)}`).join(', ');
    const why =
      where === 'root'
        ? 'the root is always black'
        : where === 'insert case 1'
          ? 'the uncle is red, so the colours flip and the check goes on two levels up'
          : 'the sibling and its children are black, so the sibling turns red';
    const fn = where === 'erase case 2' ? 'rb_erase' : 'rb_insert_color';
    const refs: Record<string, number | null> = {};
    live.forEach((n, i) => (refs[`n${i}`] = p.lblk[n]!));
    this.push('recolor', t, `${where}: ${why}: ${what}`, live, refs, touched, [], fn);
  }

  unlink(t: number, node: number, replacement: number, rebalance: number, touched: number[]): void {
    const p = this.sb.pool;
    const who =
      replacement === NIL
        ? 'it had no child'
        : p.parent[replacement] !== NIL &&
            p.left[node] !== replacement &&
            p.right[node] !== replacement
          ? `its successor ${p.lblk[replacement]} takes its place`
          : `${p.lblk[replacement]} takes its place`;
    const fix =
      rebalance !== NIL ? `; a black node left, so rebalance from ${p.lblk[rebalance]}` : '';
    this.push(
      'unlink',
      t,
      `unlink ${this.ext(node)}: ${who}${fix}`,
      [node, replacement, rebalance],
      {
        node: p.lblk[node]!,
        replacement: this.lblkOf(replacement),
        rebalance: this.lblkOf(rebalance),
      },
      touched,
    );
  }

  es(kind: EsStepKind, ino: number, node: number, arg: number, touched: number[] | null): void {
    const sb = this.sb;
    const p = sb.pool;
    const op = this.op;
    const opFn = OP_FN[op.op];
    const lb = this.lblkOf(node);
    const ref = { node: lb };
    switch (kind) {
      case 'search_visit':
      case 'insert_visit':
      case 'lookup_visit': {
        const key =
          kind === 'insert_visit'
            ? `${fmtExtent(sb.nLblk, sb.nLen)}`
            : `block ${targetBlock(op, sb)}`;
        const text =
          arg === 0
            ? `${this.ext(node)} holds ${key}`
            : `${key} is ${arg < 0 ? 'before' : 'after'} ${this.ext(node)}: go ${arg < 0 ? 'left' : 'right'}`;
        this.push(
          kind,
          ino,
          text,
          [node],
          { ...ref, dir: arg },
          null,
          [],
          kind === 'lookup_visit' ? opFn : undefined,
        );
        return;
      }
      case 'search_next':
        this.push(
          kind,
          ino,
          arg === NIL
            ? `no extent holds block ${targetBlock(op, sb)} and none follows`
            : `no extent holds block ${targetBlock(op, sb)}; the next one is ${this.ext(arg)}`,
          [node, arg],
          { node: lb, next: this.lblkOf(arg) },
          null,
        );
        return;
      case 'cache_hit':
        this.push(
          kind,
          ino,
          `cache_es ${this.ext(node)} holds block ${arg}: no tree walk`,
          [node],
          ref,
          null,
          [],
          opFn,
        );
        return;
      case 'cache_miss':
        this.push(
          kind,
          ino,
          node === NIL
            ? `cache_es is empty: search the tree for block ${arg}`
            : `cache_es ${this.ext(node)} does not hold block ${arg}: search the tree`,
          [node],
          ref,
          null,
          [],
          opFn,
        );
        return;
      case 'walk':
        this.push(
          kind,
          ino,
          `not delayed: step to the next extent ${this.extFull(node)}`,
          [node],
          ref,
          null,
        );
        return;
      case 'found':
        this.push(
          kind,
          ino,
          op.op === 'find_delayed'
            ? `the first delayed extent at or after block ${arg} is ${this.ext(node)}`
            : `found ${this.extFull(node)}`,
          [node],
          ref,
          null,
          [],
          opFn,
        );
        return;
      case 'not_found':
        this.push(
          kind,
          ino,
          op.op === 'find_delayed'
            ? `no delayed extent at or after block ${arg}`
            : `no extent holds block ${arg}`,
          [],
          ref,
          null,
          [],
          opFn,
        );
        return;
      case 'merge_into':
        this.push(
          kind,
          ino,
          `${fmtExtent(sb.nLblk, sb.nLen)} is adjacent to and mergeable with the extent ${arg === 0 ? 'after' : 'before'} it: one extent ${this.ext(node)}`,
          [node],
          ref,
          touched,
        );
        return;
      case 'merge_left':
        this.push(
          kind,
          ino,
          `${this.ext(arg)} merges into the extent before it, which becomes ${this.ext(node)}; node ${p.lblk[arg]} goes`,
          [node, arg],
          { node: lb, gone: p.lblk[arg]! },
          touched,
        );
        return;
      case 'merge_right':
        this.push(
          kind,
          ino,
          `the next extent ${this.ext(arg)} merges into this one, which becomes ${fmtExtent(p.lblk[node]!, p.len[node]!)}; node ${p.lblk[arg]} goes`,
          [node, arg],
          { node: lb, gone: p.lblk[arg]! },
          touched,
        );
        return;
      case 'alloc': {
        const delayed = p.status[node]! & 2;
        this.push(
          kind,
          ino,
          `allocate a node for ${this.extFull(node)}; ${delayed ? 'delayed, so lru_nr stays' : 'lru_nr'} ${sb.lruNr[ino]}`,
          [node],
          ref,
          touched,
        );
        return;
      }
      case 'link':
        this.push(
          kind,
          ino,
          arg === NIL
            ? `link ${this.ext(node)} as the root, red for now`
            : `link ${this.ext(node)} as the ${p.left[arg] === node ? 'left' : 'right'} child of ${p.lblk[arg]}, red`,
          [node, arg],
          { node: lb, parent: this.lblkOf(arg) },
          touched,
          [],
          'rb_link_node',
        );
        return;
      case 'free': {
        const st = p.status[node]!;
        this.push(
          kind,
          ino,
          `free the node ${fmtExtent(p.lblk[node]!, p.len[node]!)}; ${st & 2 ? 'delayed, so lru_nr stays' : 'lru_nr'} ${sb.lruNr[ino]}`,
          [node],
          ref,
          null,
          [node],
        );
        return;
      }
      case 'cache_set':
        this.push(
          kind,
          ino,
          `cache_es = ${this.ext(node)}`,
          [node],
          ref,
          null,
          [],
          op.op === 'find_delayed' ? 'ext4_es_find_delayed_extent' : '__es_insert_extent',
        );
        return;
      case 'cache_clear':
        this.push(
          kind,
          ino,
          op.op === 'shrink'
            ? `cache_es of inode ${ino} = NULL after reclaim`
            : 'the range overlaps the tree: cache_es = NULL, whichever extent it pointed at',
          [],
          ref,
          null,
          [],
          op.op === 'shrink' ? '__es_try_to_reclaim_extents' : '__es_remove_extent',
        );
        return;
      case 'trim_end':
        this.push(
          kind,
          ino,
          `${this.ext(node)} keeps only its first ${arg} blocks`,
          [node],
          ref,
          touched,
        );
        return;
      case 'split': {
        const right = fmtExtent(sb.nLblk, sb.nLen);
        this.push(
          kind,
          ino,
          `the range is inside the extent: split it, ${this.ext(node)} stays and ${right} is re-inserted (so it becomes cache_es)`,
          [node],
          { node: lb, right: sb.nLblk },
          touched,
        );
        return;
      }
      case 'trim_start':
        this.push(
          kind,
          ino,
          `trim the front: the extent now starts at ${arg}: ${this.ext(node)}`,
          [node],
          ref,
          touched,
        );
        return;
      case 'erase':
        this.push(
          kind,
          ino,
          `${this.ext(node)} lies inside the range: erase it`,
          [node],
          ref,
          null,
        );
        return;
      case 'lru_add':
        this.push(
          kind,
          ino,
          arg
            ? `move inode ${ino} to the LRU tail: [${sb.lruOrder().join(', ')}]`
            : `inode ${ino} is already the LRU tail`,
          [],
          {},
          null,
        );
        return;
      case 'lru_del':
        this.push(
          kind,
          ino,
          arg
            ? `take inode ${ino} off the LRU list: [${sb.lruOrder().join(', ')}]`
            : `inode ${ino} is not on the LRU list`,
          [],
          {},
          null,
        );
        return;
      case 'scan':
        this.scanned.push(ino);
        this.push(
          kind,
          ino,
          `take inode ${ino} from the LRU head to the scanned list (lru_nr ${arg})`,
          [],
          {},
          null,
        );
        return;
      case 'skip':
        this.push(
          kind,
          ino,
          `inode ${ino} has lru_nr 0: nothing to reclaim, skip it`,
          [],
          {},
          null,
        );
        return;
      case 'reclaim':
        this.push(kind, ino, `reclaim ${this.extFull(node)}: not delayed`, [node], ref, null);
        return;
      case 'stop':
        this.push(kind, ino, `nr_to_scan is used up (${arg} reclaimed): stop`, [], {}, null);
        return;
      case 'splice': {
        const n = this.scanned.length;
        this.scanned = [];
        this.push(
          kind,
          0,
          `splice the ${n} scanned inodes to the LRU tail: [${sb.lruOrder().join(', ')}]`,
          [],
          {},
          null,
        );
        return;
      }
      case 'count':
        this.push(kind, 0, `nr_to_scan is 0: only count, ${arg} reclaimable extents`, [], {}, null);
        return;
      case 'noop':
        this.push(kind, ino, 'len is 0: return at once, the LRU untouched', [], {}, null);
        return;
    }
  }
}

function colorWord(c: number): string {
  return c === RED ? 'red' : 'black';
}

function targetBlock(op: Op, sb: Superblock): number {
  if ('lblk' in op) return op.lblk;
  return sb.nLblk;
}

export interface RecordedOp {
  result: OpResult;
  steps: Step[];
}

/**
 * Applies `op` with recording on and returns its result and steps. Same result and final state
 * as applyOp; costs O(steps) extra. Errors record no steps.
 */
export function recordOp(sb: Superblock, op: Op): RecordedOp {
  const rec = new Recorder(sb, op);
  sb.tracer = rec;
  try {
    const result = applyOp(sb, op);
    return { result, steps: result.err ? [] : rec.steps };
  } finally {
    sb.tracer = null;
  }
}

/** The step as the CLI prints it: kind, function, nodes by lblk, explanation. */
export function stepSummary(s: Step): Record<string, unknown> {
  return { kind: s.kind, fn: s.fn, ino: s.ino, ...s.refs, text: s.text };
}
