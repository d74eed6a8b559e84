/**
 * The engine host: owns the timeline (base + op log + cursor, with checkpoints) and answers
 * protocol requests. Pure (no `self`, no `postMessage`): the worker entry wires it to messages and
 * unit tests drive it directly. Long jobs (workloads, trace import) run in chunks, report progress
 * through `emit` and stop when a `cancel` request names them.
 */
import { EsError } from '../core/errors.ts';
import { formatCommand, type Op } from '../core/ops.ts';
import { NIL } from '../core/rbtree.ts';
import { sbStats, treeStats } from '../core/stats.ts';
import { checkWorkload, generateWorkload } from '../core/workloads.ts';
import { describeDivergence, formatReport, TraceImporter } from '../trace/index.ts';
import { layoutTree } from './layout.ts';
import {
  PROTOCOL_VERSION,
  isRequest,
  type FocusOp,
  type ImportSummary,
  type InodeDetail,
  type InodeSummary,
  type Reply,
  type Request,
  type Snapshot,
} from './protocol.ts';
import { encodeCurrent, openSession } from './sessionIo.ts';
import { Timeline } from './timeline.ts';
import {
  poolSource,
  recordSource,
  sourceExtents,
  sourceShape,
  type TreeSource,
} from './treeSource.ts';

/** Ops a job applies between two looks at the message queue. */
const CHUNK_OPS = 5000;
/** Characters of trace text parsed between two looks at the message queue. */
const CHUNK_CHARS = 1 << 20;
const SERIES_POINTS = 400;
/** How far back the snapshot looks for the last lookup to mark. */
const LOOKUP_LOOKBACK = 10_000;

export type Emit = (r: Reply) => void;
export type Pause = () => Promise<void>;

const defaultPause: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

export class EngineHost {
  private timeline = new Timeline({ inodes: 1 });
  private cancelled = new Set<number>();

  constructor(private readonly pause: Pause = defaultPause) {}

  /**
   * Answers one request. Never throws: a failure becomes an `error` reply. Jobs answer with a
   * promise and may `emit` progress replies first.
   */
  handle(msg: unknown, emit: Emit = () => {}): Reply | Promise<Reply> {
    if (!isRequest(msg)) {
      const id = typeof msg === 'object' && msg !== null ? (msg as { id?: unknown }).id : undefined;
      return {
        v: PROTOCOL_VERSION,
        id: typeof id === 'number' ? id : -1,
        type: 'error',
        code: 'EPROTO',
        message: `not a protocol v${PROTOCOL_VERSION} request`,
      };
    }
    try {
      switch (msg.type) {
        case 'workload':
        case 'import':
          return this.job(msg, emit).catch((e: unknown) => this.fail(msg.id, e));
        default:
          return this.answer(msg);
      }
    } catch (e) {
      return this.fail(msg.id, e);
    }
  }

  /** `handle` for requests that answer at once (everything but jobs, which get an error). */
  handleNow(msg: unknown): Reply {
    const r = this.handle(msg);
    if (r instanceof Promise) {
      const id = (msg as { id: number }).id;
      return {
        v: 2,
        id,
        type: 'error',
        code: 'EJOB',
        message: 'a job answers asynchronously; use handle',
      };
    }
    return r;
  }

  private fail(id: number, e: unknown): Reply {
    const code = e instanceof EsError ? e.code : 'EINTERNAL';
    const message = e instanceof Error ? e.message : String(e);
    return { v: 2, id, type: 'error', code, message };
  }

  private answer(msg: Exclude<Request, { type: 'workload' | 'import' }>): Reply {
    const t = this.timeline;
    const id = msg.id;
    switch (msg.type) {
      case 'ping':
        return { v: 2, id, type: 'pong', engine: 'esx-3.9-merge-window' };
      case 'cancel':
        this.cancelled.add(msg.job);
        return { v: 2, id, type: 'cancelled' };
      case 'load': {
        const fresh = new Timeline(msg.base);
        const results = fresh.load(msg.base, msg.ops);
        this.timeline = fresh;
        if (msg.cursor) fresh.seek(msg.cursor);
        return { v: 2, id, type: 'snapshot', results, snapshot: this.snapshot(msg.ino) };
      }
      case 'apply': {
        const { results, dropped } = t.apply(msg.ops);
        return { v: 2, id, type: 'snapshot', results, dropped, snapshot: this.snapshot(msg.ino) };
      }
      case 'seek':
        t.seek(msg.cursor);
        return { v: 2, id, type: 'snapshot', results: [], snapshot: this.snapshot(msg.ino) };
      case 'move':
        t.move(msg.move);
        return { v: 2, id, type: 'snapshot', results: [], snapshot: this.snapshot(msg.ino) };
      case 'continue': {
        const hit = t.continueTo(msg.dir, msg.breakpoints);
        return {
          v: 2,
          id,
          type: 'snapshot',
          results: [],
          hit: hit ? { breakpoint: hit.bp, text: hit.step.text } : null,
          snapshot: this.snapshot(msg.ino),
        };
      }
      case 'view':
        return { v: 2, id, type: 'snapshot', results: [], snapshot: this.snapshot(msg.ino) };
      case 'open': {
        const r = openSession(msg.format, msg.text);
        if (!r.ok) return { v: 2, id, type: 'error', code: r.code, message: r.message };
        const { base, ops, cursor, selected, breakpoints, view } = r.session;
        const fresh = new Timeline(base);
        const results = fresh.load(base, ops);
        fresh.seek(cursor);
        this.timeline = fresh;
        return {
          v: 2,
          id,
          type: 'snapshot',
          results,
          session: { base, ops, selected, breakpoints, view },
          snapshot: this.snapshot(selected),
        };
      }
      case 'encode':
        return {
          v: 2,
          id,
          type: 'encoded',
          text: encodeCurrent(t, msg.kind, {
            selected: msg.selected,
            breakpoints: msg.breakpoints,
            view: msg.view,
          }),
        };
    }
  }

  private async job(
    msg: Extract<Request, { type: 'workload' | 'import' }>,
    emit: Emit,
  ): Promise<Reply> {
    const id = msg.id;
    const stop = () => {
      if (this.cancelled.delete(id)) throw new Cancelled();
      return false;
    };
    try {
      if (msg.type === 'workload') {
        const problem = checkWorkload(msg.params);
        if (problem) throw new EsError('EBADARG', problem);
        const p = msg.params;
        const last = p.firstIno + p.files - 1;
        const ops: Op[] = [];
        const inodes = this.inodeCount();
        if (last > inodes) ops.push({ op: 'add_inodes', count: last });
        for (const op of generateWorkload(p)) ops.push(op);
        // Apply on a copy of the timeline state, so that Cancel leaves the session as it was.
        const t = this.timeline;
        const before = { cursor: { ...t.cursor }, length: t.length };
        t.seek({ op: t.length, step: 0 }); // workloads append to the end of the log
        for (let i = 0; i < ops.length; i += CHUNK_OPS) {
          const chunk = ops.slice(i, i + CHUNK_OPS);
          t.apply(chunk);
          // the ops travel with the progress, a chunk at a time, so that no single message
          // makes the page decode a hundred thousand objects at once
          emit({
            v: 2,
            id,
            type: 'progress',
            done: Math.min(i + CHUNK_OPS, ops.length),
            total: ops.length,
            label: 'ops',
            ops: chunk,
          });
          await this.pause();
          if (this.cancelled.has(id)) {
            t.seek({ op: before.length, step: 0 });
            t.apply([]);
            t.seek(before.cursor);
            stop();
          }
        }
        return {
          v: 2,
          id,
          type: 'snapshot',
          results: [],
          added: ops.length,
          snapshot: this.snapshot(msg.ino),
        };
      }
      const imp = new TraceImporter();
      const text = msg.text;
      for (let i = 0; i < text.length; i += CHUNK_CHARS) {
        imp.feed(text.slice(i, i + CHUNK_CHARS));
        const pr = imp.progress();
        emit({
          v: 2,
          id,
          type: 'progress',
          done: Math.min(i + CHUNK_CHARS, text.length),
          total: text.length,
          label: `characters (${pr.lines} lines, ${pr.ops} ops)`,
        });
        await this.pause();
        stop();
      }
      const r = imp.finish();
      const fresh = new Timeline({ inodes: r.inodes });
      for (let i = 0; i < r.ops.length; i += CHUNK_OPS) {
        const chunk = r.ops.slice(i, i + CHUNK_OPS);
        fresh.apply(chunk);
        emit({
          v: 2,
          id,
          type: 'progress',
          done: Math.min(i + CHUNK_OPS, r.ops.length),
          total: r.ops.length,
          label: 'ops replayed',
          ops: chunk,
        });
        await this.pause();
        stop();
      }
      this.timeline = fresh;
      const imported: ImportSummary = {
        name: msg.name,
        ops: r.ops.length,
        inodes: r.inodeMap.map((m) => ({ ino: m.ino, dev: m.dev, traceIno: m.traceIno })),
        bookmarks: r.bookmarks,
        divergences: r.divergences.map((d) => ({
          opIndex: d.opIndex,
          line: d.line,
          kind: d.kind,
          text: describeDivergence(d),
        })),
        report: formatReport(r, 0),
        unparsed: r.report.issues
          .slice(0, 100)
          .map((i) => ({ line: i.line, text: `${i.kind}: ${i.reason}: ${i.text}` })),
      };
      return {
        v: 2,
        id,
        type: 'snapshot',
        results: [],
        imported,
        added: r.ops.length,
        snapshot: this.snapshot(msg.ino),
      };
    } catch (e) {
      if (e instanceof Cancelled) return { v: 2, id, type: 'cancelled' };
      throw e;
    } finally {
      this.cancelled.delete(id);
    }
  }

  /** The downsampled reclaimable series, recomputed only when the log changed (O(ops) each). */
  private seriesCache: {
    history: unknown;
    revision: number;
    value: Snapshot['reclaimable'];
  } | null = null;
  private series(): Snapshot['reclaimable'] {
    const h = this.timeline.history;
    const c = this.seriesCache;
    if (c && c.history === h && c.revision === h.revision) return c.value;
    const value = downsample(h.reclaimable);
    this.seriesCache = { history: h, revision: h.revision, value };
    return value;
  }

  /** The session as the worker holds it (for tests). */
  session(): { ops: readonly Op[]; cursor: { op: number; step: number } } {
    return { ops: this.timeline.ops, cursor: this.timeline.cursor };
  }

  private inodeCount(): number {
    return this.timeline.stateAt(this.timeline.cursor.op).inodeCount;
  }

  private snapshot(ino: number): Snapshot {
    const t = this.timeline;
    const { op: k, step: s } = t.cursor;
    // The focus op: the one the cursor is inside, or the one just done.
    const fk = s > 0 ? k : k - 1;
    const rec = fk >= 0 ? t.stepsOf(fk) : null;
    // Boundary state: after k ops (mid-op views start from it too, as the state before op k).
    const sb = t.stateAt(k);
    const inodeCount = sb.inodeCount;
    const sel = Math.min(Math.max(1, Math.trunc(ino) || 1), inodeCount);
    const stats = { tree: treeStats(sb, sel), sb: sbStats(sb) };
    const counts = sb.extCount;
    let lru = sb.lruOrder();
    const lruNr = (i: number) => sb.lruNr[i]!;
    const onLru = (i: number) => sb.onLru(i);
    let detail: InodeDetail;
    let scanned: number[] | null = null;
    let inodes: InodeSummary[];
    if (s > 0) {
      const mid = t.midOp(k, s, sel);
      const src = recordSource(mid.inode.nodes, mid.inode.root);
      detail = this.detailFrom(
        sel,
        src,
        mid.inode.cache,
        mid.inode.lruNr,
        (id) => mid.inode.nodes.get(id)?.lblk ?? null,
      );
      lru = mid.lru;
      const steps = rec!.steps;
      for (let i = s - 1; i >= 0; i--) {
        const sc = steps[i]!.scanned;
        if (sc) {
          scanned = steps[i]!.kind === 'splice' ? null : sc;
          break;
        }
      }
      const onList = new Set(lru);
      inodes = [];
      for (let i = 1; i <= inodeCount; i++)
        inodes.push({
          ino: i,
          lruNr: mid.lruNr.get(i) ?? lruNr(i),
          extents: counts[i]! + (mid.countDelta.get(i) ?? 0),
          onLru: onList.has(i),
        });
    } else {
      const src = poolSource(sb.pool, sel);
      const cache = sb.cacheEs[sel]!;
      detail = this.detailFrom(sel, src, cache, sb.lruNr[sel]!, (id) =>
        id ? sb.pool.lblk[id]! : null,
      );
      inodes = [];
      for (let i = 1; i <= inodeCount; i++)
        inodes.push({ ino: i, lruNr: lruNr(i), extents: counts[i]!, onLru: onLru(i) });
    }
    let focus: FocusOp | null = null;
    const highlight = { nodes: [] as number[], changed: [] as number[], lruMoved: [] as number[] };
    let lookup: Snapshot['lookup'] = null;
    if (rec && fk >= 0) {
      const current = s > 0 ? s - 1 : rec.steps.length - 1;
      const op = t.ops[fk]!;
      focus = {
        index: fk,
        command: formatCommand(op),
        result: rec.result,
        steps: rec.steps.map((st) => ({
          kind: st.kind,
          category: st.category,
          fn: st.fn,
          text: st.text,
          ino: st.ino,
        })),
        current,
      };
      const live = new Set(detail.nodes.map((n) => n.id));
      const changed = new Set<number>();
      const from = s > 0 ? s - 1 : 0;
      for (let i = from; i <= current && i < rec.steps.length; i++) {
        const st = rec.steps[i]!;
        if (st.ino !== sel) continue;
        for (const c of st.changes) if (live.has(c.id)) changed.add(c.id);
      }
      highlight.changed = [...changed];
      const cur = rec.steps[current];
      if (cur && s > 0 && cur.ino === sel) highlight.nodes = cur.nodes.filter((n) => live.has(n));
      if (cur && s > 0 && cur.lru) highlight.lruMoved = cur.ino ? [cur.ino] : [];
    }
    // the most recent lookup at or before the focus op (bounded look back)
    for (let i = fk; i >= 0 && i > fk - LOOKUP_LOOKBACK; i--) {
      const o = t.ops[i]!;
      if (o.op === 'lookup') {
        lookup = { ino: o.ino, lblk: o.lblk };
        break;
      }
    }
    return {
      cursor: { ...t.cursor },
      length: t.length,
      focus,
      highlight,
      scanned,
      lookup,
      stats,
      reclaimable: this.series(),
      inodeCount,
      lru,
      inodes,
      detail,
    };
  }

  private detailFrom(
    ino: number,
    src: TreeSource,
    cacheId: number,
    lruNr: number,
    lblkOf: (id: number) => number | null,
  ): InodeDetail {
    return {
      ino,
      lruNr,
      cacheId,
      cache: cacheId === NIL ? null : lblkOf(cacheId),
      extents: sourceExtents(src),
      shape: sourceShape(src),
      ...layoutTree(src),
    };
  }
}

class Cancelled extends Error {}

/** At most SERIES_POINTS points, each the maximum over its bucket of ops. */
function downsample(series: readonly number[]): { points: number[]; every: number } {
  const every = Math.max(1, Math.ceil(series.length / SERIES_POINTS));
  const points: number[] = [];
  for (let i = 0; i < series.length; i += every) {
    let m = 0;
    for (let j = i; j < i + every && j < series.length; j++) m = Math.max(m, series[j]!);
    points.push(m);
  }
  return { points, every };
}
