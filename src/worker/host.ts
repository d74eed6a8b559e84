/**
 * The engine host: owns the timeline (base + op log + cursor, with checkpoints) and answers
 * protocol requests. Pure (no `self`, no `postMessage`): the worker entry wires it to messages and
 * unit tests drive it directly. Long jobs (workloads, trace import) run in chunks, report progress
 * through `emit` and stop when a `cancel` request names them.
 */
import { EsError } from '../core/errors.ts';
import { formatCommand, type Op } from '../core/ops.ts';
import { NIL } from '../core/rbtree.ts';
import { sbStats, treeStats, type TreeStats } from '../core/stats.ts';
import { checkWorkload, generateWorkload } from '../core/workloads.ts';
import { describeDivergence, formatReport, TraceImporter } from '../trace/index.ts';
import { layoutTree } from './layout.ts';
import {
  BIG_TREE,
  PROTOCOL_VERSION,
  isRequest,
  type BigDetail,
  type BigWindow,
  type Cursor,
  type FocusOp,
  type FoundBlock,
  type ImportSummary,
  type InodeDetail,
  type InodeSummary,
  type Reply,
  type Request,
  type Snapshot,
} from './protocol.ts';
import { encodeCurrent, openSession } from './sessionIo.ts';
import { Timeline } from './timeline.ts';
import { overlaySource, poolSource, sourceExtents, sourceShape } from './treeSource.ts';
import type { NodeRec } from '../core/snapshot.ts';
import type { RbPool } from '../core/rbtree.ts';
import {
  TreeAug,
  TreeView,
  blockBins,
  findBlock,
  lod,
  mapDomain,
  nodeAtRank,
  rowsAt,
  statusCounts,
  type LodView,
} from './bigTree.ts';

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
        this.windowIno = 0; // a new session: the page fits the new tree
        const fresh = new Timeline(msg.base);
        const results = fresh.load(msg.base, msg.ops);
        this.timeline = fresh;
        if (msg.cursor) fresh.seek(msg.cursor);
        return { v: 2, id, type: 'snapshot', results, snapshot: this.snapshot(msg.ino) };
      }
      case 'apply': {
        // ops from the cursor on are replaced: summaries of a state past it are stale
        const at = t.cursor;
        const a = this.big?.at;
        if (a && (a.op > at.op || (a.op === at.op && a.step > 0))) this.big = null;
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
      case 'window': {
        this.window = msg.window;
        const big = this.bigNow(msg.ino);
        return { v: 2, id, type: 'window', ino: msg.ino, big, at: { ...t.cursor } };
      }
      case 'find':
        return { v: 2, id, type: 'found', found: this.find(msg.ino, msg.lblk) };
      case 'open': {
        this.windowIno = 0;
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
    this.big = null; // a job changes the log in bulk: summaries are rebuilt after it
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
          t.apply(chunk, true);
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
        t.keepPreAtEnd();
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
        fresh.apply(chunk, true);
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
      fresh.keepPreAtEnd();
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

  /**
   * The downsampled reclaimable series, recomputed only when the log changed, from the series'
   * range maxima: O(points × log ops), not O(ops), per op.
   */
  private seriesCache: {
    history: unknown;
    revision: number;
    value: Snapshot['reclaimable'];
  } | null = null;
  private series(): Snapshot['reclaimable'] {
    const h = this.timeline.history;
    const c = this.seriesCache;
    if (c && c.history === h && c.revision === h.revision) return c.value;
    const value = h.reclaimable.downsample(SERIES_POINTS);
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
    // What changed since the big tree's summaries were right (this may record an op, so it
    // comes before any look at the state).
    const touched = this.touchedSince(t.cursor, ino);
    // Boundary state: after k ops (mid-op views start from it, as the state before op k).
    const sb = s > 0 ? t.preOf(k) : t.stateAt(k);
    const inodeCount = sb.inodeCount;
    const sel = Math.min(Math.max(1, Math.trunc(ino) || 1), inodeCount);
    const counts = sb.extCount;
    let lru = sb.lruOrder();
    const lruNr = (i: number) => sb.lruNr[i]!;
    const onLru = (i: number) => sb.onLru(i);
    let detail: InodeDetail;
    let scanned: number[] | null = null;
    let inodes: InodeSummary[];
    if (s > 0) {
      const mid = t.midOp(k, s, sel);
      const m = mid.inode;
      const count = counts[sel]! + (mid.countDelta.get(sel) ?? 0);
      detail = this.detailFrom(sel, count, m.pool, m.root, m.overlay, m.cache, m.lruNr, touched);
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
      const p = sb.pool;
      detail = this.detailFrom(
        sel,
        counts[sel]!,
        p,
        p.root[sel]!,
        null,
        sb.cacheEs[sel]!,
        sb.lruNr[sel]!,
        touched,
      );
      inodes = [];
      for (let i = 1; i <= inodeCount; i++)
        inodes.push({ ino: i, lruNr: lruNr(i), extents: counts[i]!, onLru: onLru(i) });
    }
    let focus: FocusOp | null = null;
    const highlight: Snapshot['highlight'] = { nodes: [], changed: [], lruMoved: [] };
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
      const changed = new Set<number>();
      const from = s > 0 ? s - 1 : 0;
      for (let i = from; i <= current && i < rec.steps.length; i++) {
        const st = rec.steps[i]!;
        if (st.ino !== sel) continue;
        for (const c of st.changes) changed.add(c.id);
      }
      const cur = rec.steps[current];
      const named = cur && s > 0 && cur.ino === sel ? cur.nodes : [];
      const live = this.liveAmong(detail, new Set([...changed, ...named]));
      highlight.changed = [...changed].filter((id) => live.has(id));
      highlight.nodes = named.filter((n) => live.has(n));
      if (cur && s > 0 && cur.lru) highlight.lruMoved = cur.ino ? [cur.ino] : [];
    }
    // the shrink the Shrinker tab would replay: the last one that reclaims, up to the focus op
    const si = t.history.lastSweep(s > 0 ? k + 1 : k);
    const sweep = si === null ? null : { index: si, command: formatCommand(t.ops[si]!) };
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
      sweep,
      stats: {
        tree: detail.big ? this.bigStats(sel, detail.big) : treeStats(sb, sel),
        sb: sbStats(sb),
      },
      reclaimable: this.series(),
      inodeCount,
      lru,
      inodes,
      detail,
    };
  }

  /**
   * The selected inode's detail: a small tree laid out (tidy tree) with its extents and shape; a
   * big one as summaries plus the window the page looks at. `overlay`: the records a mid-op view
   * changed over `pool`.
   */
  private detailFrom(
    ino: number,
    count: number,
    pool: RbPool,
    root: number,
    overlay: Map<number, NodeRec> | null,
    cacheId: number,
    lruNr: number,
    touched: { touched: Set<number>; dead: Set<number> } | null,
  ): InodeDetail {
    const cache = cacheId === NIL ? null : (overlay?.get(cacheId)?.lblk ?? pool.lblk[cacheId]!);
    if (count > BIG_TREE) {
      const view = new TreeView(pool, root, overlay);
      const aug = this.augFor(ino, view, touched);
      this.bigState = { ino, view, aug, cacheId };
      const big = this.bigDetail();
      return {
        ino,
        // the nodes in the tree: mid-op, a node may be allocated and not linked yet
        count: aug.size[view.root]!,
        big,
        lruNr,
        cacheId,
        cache,
        extents: [],
        shape: '',
        nodes: [],
        minX: 0,
        maxX: Math.max(0, count - 1),
        maxDepth: Math.max(0, big.height - 1),
      };
    }
    this.bigState = null;
    const src = overlay ? overlaySource(pool, overlay, root) : { ...poolSource(pool, 0), root };
    const extents = sourceExtents(src);
    return {
      ino,
      count: extents.length,
      big: null,
      lruNr,
      cacheId,
      cache,
      extents,
      shape: sourceShape(src),
      ...layoutTree(src),
    };
  }

  // ---- big trees: summaries kept from one snapshot to the next, answered by window ----

  /** The summaries of the last big tree shown and the state they are right for. */
  private big: { timeline: Timeline; ino: number; at: Cursor; aug: TreeAug } | null = null;
  /** The big tree of the last snapshot (valid until the timeline moves). */
  private bigState: { ino: number; view: TreeView; aug: TreeAug; cacheId: number } | null = null;
  /** What the page looks at; reset to the whole tree when the inode changes. */
  private window: BigWindow = { tree: null, rows: { from: 0, count: 100 }, bins: null };
  private windowIno = 0;
  /** How often the summaries were patched and rebuilt (for tests and benchmarks). */
  patched = 0;
  rebuilt = 0;

  /**
   * Nodes whose links or payload differ between the state the summaries are right for and the
   * cursor `to`, when both lie within one op (its steps name them); null when unknown.
   */
  private touchedSince(
    to: Cursor,
    ino: number,
  ): { touched: Set<number>; dead: Set<number> } | null {
    const b = this.big;
    const t = this.timeline;
    if (!b || b.timeline !== t || b.ino !== ino) return null;
    const a = b.at;
    const [lo, hi] = a.op < to.op || (a.op === to.op && a.step <= to.step) ? [a, to] : [to, a];
    const K = lo.op;
    let end: number;
    if (hi.op === K) end = hi.step;
    else if (hi.op === K + 1 && hi.step === 0) end = Infinity;
    else return null;
    const touched = new Set<number>();
    const dead = new Set<number>();
    if (end === lo.step || K >= t.length) return { touched, dead };
    const steps = t.stepsOf(K).steps;
    for (let i = lo.step; i < end && i < steps.length; i++) {
      const st = steps[i]!;
      if (st.ino !== ino) continue;
      for (const c of st.changes) touched.add(c.id);
      for (const f of st.freed) touched.add(f);
    }
    // nodes the target state does not hold: freed before it (and not allocated again), or
    // allocated only after it
    const target = to.op === K ? to.step : steps.length;
    const seen = new Set<number>();
    steps.forEach((st, i) => {
      if (st.ino !== ino) return;
      if (i < target) {
        for (const f of st.freed) dead.add(f);
        if (st.kind === 'alloc') for (const n of st.nodes) dead.delete(n);
      } else {
        if (st.kind === 'alloc') for (const n of st.nodes) if (!seen.has(n)) dead.add(n);
        for (const n of [...st.nodes, ...st.freed]) seen.add(n);
      }
    });
    return { touched, dead };
  }

  private augFor(
    ino: number,
    view: TreeView,
    touched: { touched: Set<number>; dead: Set<number> } | null,
  ): TreeAug {
    const t = this.timeline;
    const at = { ...t.cursor };
    if (this.big && touched && this.big.aug.patch(view, touched.touched, touched.dead)) {
      this.big.at = at;
      this.patched++;
      return this.big.aug;
    }
    this.rebuilt++;
    const aug = this.big?.aug ?? new TreeAug();
    aug.rebuild(view);
    this.big = { timeline: t, ino, at, aug };
    return aug;
  }

  /** The window's detail of the current big tree. */
  private bigDetail(): BigDetail {
    const { ino, view, aug, cacheId } = this.bigState!;
    if (this.windowIno !== ino) {
      this.windowIno = ino;
      this.window = { tree: null, rows: { from: 0, count: this.window.rows.count }, bins: null };
    }
    const w = this.window;
    const root = view.root;
    const count = aug.size[root]!;
    const height = aug.height[root]!;
    const whole: LodView = { x0: 0, x1: count, d0: 0, d1: height, perPx: count / 1200 };
    const tv = w.tree ?? whole;
    const first = count ? view.lblk(rowsFirst(view)) : 0;
    const lastId = count ? nodeAtRank(view, aug, count - 1)!.id : NIL;
    const end = count ? view.lblk(lastId) + view.len(lastId) : 0;
    let cache: BigDetail['cache'] = null;
    if (cacheId !== NIL && view.linked(cacheId)) {
      const f = findBlock(view, aug, view.lblk(cacheId));
      cache = { rank: f.rank, depth: f.depth };
    }
    const from = Math.max(0, Math.min(w.rows.from, Math.max(0, count - w.rows.count)));
    const bw = w.bins ?? { b0: first, b1: Math.max(end, first + 1), n: 400 };
    let lo: number;
    let hi: number;
    if ('u0' in bw) {
      const [d0, d1] = mapDomain(first, end);
      lo = d0 + bw.u0 * (d1 - d0);
      hi = d0 + bw.u1 * (d1 - d0);
    } else [lo, hi] = [bw.b0, bw.b1];
    const b0 = Math.max(0, Math.floor(lo));
    const b1 = Math.max(b0 + 1, Math.ceil(hi));
    return {
      height,
      blocks: aug.blocks[root]!,
      first,
      end,
      cache,
      window: w,
      view: tv,
      lod: lod(view, aug, tv),
      overview: lod(view, aug, { ...whole, perPx: count / 160 }),
      rows: { from, extents: rowsAt(view, aug, from, Math.min(500, w.rows.count)) },
      bins: blockBins(view, aug, b0, b1, Math.max(1, Math.min(2000, Math.trunc(bw.n)))),
    };
  }

  /** The window's detail for inode `ino`, or null when its tree is not big. */
  private bigNow(ino: number): BigDetail | null {
    if (!this.bigState || this.bigState.ino !== ino) {
      // the window moved for an inode other than the last shown: show it first
      this.snapshot(ino);
    }
    return this.bigState && this.bigState.ino === ino ? this.bigDetail() : null;
  }

  private bigStats(ino: number, big: BigDetail): TreeStats {
    const { aug, view } = this.bigState!;
    const n = aug.size[view.root]!;
    return {
      ino,
      extents: n,
      byStatus: statusCounts(aug, view.root),
      height: big.height,
      bound: 2 * Math.log2(n + 1),
      blocks: big.blocks,
    };
  }

  /** "Go to block": the extent covering `lblk` in inode `ino`, or the next one. */
  private find(ino: number, lblk: number): FoundBlock {
    const snap = this.snapshot(ino);
    const sel = snap.detail.ino;
    if (this.bigState && this.bigState.ino === sel) {
      const { view, aug } = this.bigState;
      const f = findBlock(view, aug, lblk);
      if (f.rank >= 0)
        return {
          ino: sel,
          lblk,
          extent: view.tuple(f.id),
          near: null,
          rank: f.rank,
          depth: f.depth,
          id: f.id,
        };
      const next = nodeAtRank(view, aug, f.before);
      return {
        ino: sel,
        lblk,
        extent: null,
        near: next ? view.tuple(next.id) : null,
        rank: next ? f.before : -1,
        depth: next?.depth ?? 0,
        id: next?.id ?? NIL,
      };
    }
    const ext = snap.detail.extents;
    const k = ext.findIndex(([l, n]) => l <= lblk && lblk < l + n);
    const nk = k >= 0 ? k : ext.findIndex(([l]) => l > lblk);
    const node = nk >= 0 ? snap.detail.nodes.find((n) => n.lblk === ext[nk]![0]) : undefined;
    return {
      ino: sel,
      lblk,
      extent: k >= 0 ? ext[k]! : null,
      near: k < 0 && nk >= 0 ? ext[nk]! : null,
      rank: nk,
      depth: node?.depth ?? 0,
      id: node?.id ?? NIL,
    };
  }

  /** Which of `ids` are nodes of the detail's tree. O(|ids| × depth). */
  private liveAmong(detail: InodeDetail, ids: Set<number>): Set<number> {
    const live = new Set<number>();
    if (detail.big && this.bigState) {
      for (const id of ids) if (this.bigState.view.linked(id)) live.add(id);
      return live;
    }
    for (const n of detail.nodes) if (ids.has(n.id)) live.add(n.id);
    return live;
  }
}

/** The first node in logical order. O(depth). */
function rowsFirst(view: TreeView): number {
  let n = view.root;
  while (view.left(n) !== NIL) n = view.left(n);
  return n;
}

class Cancelled extends Error {}
