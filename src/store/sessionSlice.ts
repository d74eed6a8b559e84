/**
 * The session slice: base (inode count) + op log + results + cursor, and the latest snapshot the
 * worker sent. The worker owns replay; this slice only records what was sent and what came back.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Op, OpResult } from '../core/ops.ts';
import type { EngineClient } from '../worker/client.ts';
import { describeBreakpoint } from '../core/breakpoints.ts';
import type { WorkloadParams } from '../core/workloads.ts';
import type {
  Cursor,
  ImportSummary,
  Move,
  Reply,
  RequestBody,
  SessionBase,
  Snapshot,
} from '../worker/protocol.ts';
import { describeBatch, type ResultLine } from './describe.ts';
import { EMPTY_TREE, toTreeRecords, type TreeRecords } from './treeRecords.ts';
import { MAX_UI_INODES, opInode } from './validate.ts';
import type { EsxState } from './esxStore.ts';
import { perfMarks } from './perf.ts';

export interface SessionState {
  base: SessionBase;
  /**
   * The op log and each op's result. An op appends to them in place (a copy of a million-op log
   * at every op cost milliseconds and garbage): read their length, not their identity, to follow
   * them. A drop, a load or a job puts new arrays here, and the store never hands out or keeps
   * an array it does not own, so an array kept for Undo never changes.
   */
  ops: Op[];
  results: OpResult[];
  /** Where the timeline stands: `op` ops applied, `step` micro-steps into the next one. */
  cursor: Cursor;
  snapshot: Snapshot | null;
  tree: TreeRecords;
  result: ResultLine | null;
  /** The engine answered a ping from its worker. */
  engine: string | null;
  /** Requests waiting for the worker. */
  busy: number;
  /** Ops waiting for the user to confirm that later ops may be dropped. */
  pending: { ops: Op[]; drops: number } | null;
  /** The log and cursor before the last drop, for Undo. */
  undo: { ops: Op[]; cursor: Cursor; dropped: number } | null;
  /** A long job in the worker (workload or trace import), with its progress. */
  job: {
    id: number;
    kind: 'workload' | 'import';
    done: number;
    total: number;
    label: string;
  } | null;
  /** What the last trace import brought in. */
  imported: ImportSummary | null;
}

export interface SessionActions {
  /** Pings the worker and loads the session. */
  start(): Promise<void>;
  /**
   * Applies ops at the cursor. When the cursor is in the past, later ops would be dropped: the
   * ops wait in `pending` until `confirmRun` (then Undo can bring the dropped ops back).
   */
  run(ops: Op[]): Promise<void>;
  confirmRun(): Promise<void>;
  cancelRun(): void;
  /** Brings back the ops the last confirmed run dropped. */
  undoDrop(): Promise<void>;
  /** Grows the superblock (an `add_inodes` op), or sets the base while the log is empty. */
  setInodeCount(n: number): Promise<void>;
  /** Drops the log and starts over with `inodes` inodes. */
  newSession(inodes: number): Promise<void>;
  /** Replaces the session: base, log and cursor (links, session files, autosave). */
  loadSession(base: SessionBase, ops: Op[], cursor: Cursor): Promise<boolean>;
  /** Asks the worker for another inode's snapshot. */
  refreshView(ino: number): Promise<void>;
  /** The step debugger: go to a position, one move, or run to a breakpoint. */
  seek(cursor: Cursor): Promise<void>;
  move(m: Move): Promise<void>;
  continueTo(dir: 1 | -1): Promise<void>;
  /** Long jobs, with progress and Cancel. */
  runWorkload(params: WorkloadParams): Promise<void>;
  importTrace(text: string, name: string): Promise<void>;
  cancelJob(): void;
}

/** A few extents on two inodes: merges, every status, a hole and a lookup to mark. */
export const EXAMPLE_OPS: Op[] = [
  { op: 'insert', ino: 1, lblk: 0, len: 8, pblk: 1000, status: 'W' },
  { op: 'insert', ino: 1, lblk: 8, len: 4, pblk: 1008, status: 'W' },
  { op: 'insert', ino: 1, lblk: 16, len: 6, status: 'D' },
  { op: 'insert', ino: 1, lblk: 24, len: 8, pblk: 2000, status: 'U' },
  { op: 'insert', ino: 1, lblk: 40, len: 10, status: 'H' },
  { op: 'insert', ino: 1, lblk: 52, len: 4, pblk: 3000, status: 'WD' },
  { op: 'insert', ino: 2, lblk: 0, len: 32, pblk: 5000, status: 'W' },
  { op: 'insert', ino: 2, lblk: 64, len: 16, status: 'D' },
  { op: 'lookup', ino: 1, lblk: 26 },
];

/** A new session's state; the log arrays are new each time, as ops are appended to them in place. */
export const initialSession = (): SessionState => ({
  base: { inodes: 4 },
  ops: [],
  results: [],
  cursor: { op: 0, step: 0 },
  snapshot: null,
  tree: EMPTY_TREE,
  result: null,
  engine: null,
  busy: 0,
  pending: null,
  undo: null,
  job: null,
  imported: null,
});

type SnapshotReply = Extract<Reply, { type: 'snapshot' }>;

function protocolError(r: Reply): ResultLine | null {
  if (r.type !== 'error') return null;
  return { kind: 'error', text: `The engine could not answer: ${r.code}, ${r.message}` };
}

export function createSessionSlice(
  client: EngineClient,
): StateCreator<EsxState, [], [], SessionState & SessionActions> {
  return (set, get) => {
    /**
     * Stores a snapshot reply, with what `more` derives from it in the same store update (so the
     * views render once per reply); returns false on an error reply (shown in the result line).
     */
    const take = (
      r: Reply,
      more?: (s: EsxState, r: SnapshotReply) => Partial<EsxState>,
    ): r is SnapshotReply => {
      const err = protocolError(r);
      if (err) {
        set({ result: err });
        return false;
      }
      if (r.type !== 'snapshot') return false;
      perfMarks.replyAt = performance.now();
      perfMarks.cursor = r.snapshot.cursor.op;
      set((s) => ({
        snapshot: r.snapshot,
        tree: toTreeRecords(s.tree, r.snapshot.detail),
        cursor: r.snapshot.cursor,
        lookup: r.snapshot.lookup,
        ...more?.(s, r),
      }));
      return true;
    };
    const busy = (d: number) => set((s) => ({ busy: s.busy + d }));
    const ask = async (body: RequestBody) => {
      busy(1);
      const r = await client.request(body);
      busy(-1);
      return r;
    };

    const apply = async (ops: Op[]) => {
      perfMarks.submitAt = performance.now();
      let ino = get().selectedIno;
      for (const op of ops) ino = opInode(op) ?? ino;
      const before = get();
      const r = await ask({ type: 'apply', ops, ino });
      take(r, (s, r) => {
        const dropped = r.dropped ?? [];
        // appended in place (see SessionState.ops); a drop starts new arrays, so the log kept
        // for Undo stays as it was
        const keep = s.ops.length - dropped.length;
        const log = dropped.length ? s.ops.slice(0, keep) : s.ops;
        const results = s.results.length === keep ? s.results : s.results.slice(0, keep);
        for (const op of ops) log.push(op);
        for (const res of r.results) results.push(res);
        return {
          ops: log,
          results,
          result: describeBatch(ops, r.results),
          selectedIno: Math.min(ino, r.snapshot.inodeCount),
          undo: dropped.length
            ? { ops: s.ops, cursor: before.cursor, dropped: dropped.length }
            : // Undo would now throw away this op too: it is only offered right after the drop.
              null,
        };
      });
    };

    return {
      ...initialSession(),

      async start() {
        busy(1);
        const pong = await client.request({ type: 'ping' });
        if (pong.type === 'pong') set({ engine: pong.engine });
        busy(-1);
        const { base, ops, cursor } = get();
        await get().loadSession(
          base,
          ops,
          cursor.op === 0 && cursor.step === 0 ? { op: ops.length, step: 0 } : cursor,
        );
      },

      async loadSession(base, ops, cursor) {
        const ino = Math.max(1, get().selectedIno);
        const r = await ask({ type: 'load', base, ops, cursor, ino });
        return take(r, (_, r) => ({
          base,
          // a copy: the caller's array (a lesson's, Undo's) must not grow with the log
          ops: ops.slice(),
          results: r.results,
          pending: null,
          undo: null,
          selectedIno: r.snapshot.detail.ino,
        }));
      },

      async run(ops) {
        if (ops.length === 0) return;
        const { cursor, ops: log } = get();
        const drops = log.length - cursor.op;
        if (drops > 0) {
          set({ pending: { ops, drops } });
          return;
        }
        await apply(ops);
      },

      async confirmRun() {
        const p = get().pending;
        if (!p) return;
        set({ pending: null });
        await apply(p.ops);
      },

      cancelRun() {
        set({
          pending: null,
          result: { kind: 'ok', text: 'Nothing ran; the later ops are kept.' },
        });
      },

      async undoDrop() {
        const u = get().undo;
        if (!u) return;
        if (await get().loadSession(get().base, u.ops, u.cursor))
          set({
            result: {
              kind: 'ok',
              text: `Undone: the ${u.dropped} dropped op${u.dropped === 1 ? ' is' : 's are'} back.`,
            },
          });
      },

      async setInodeCount(n) {
        const s = get();
        const current = s.snapshot?.inodeCount ?? baseInodes(s.base);
        if (!Number.isInteger(n) || n < 1 || n > MAX_UI_INODES) {
          set({
            result: { kind: 'error', text: `Inode count must be from 1 to ${MAX_UI_INODES}.` },
          });
          return;
        }
        if (s.ops.length === 0 && 'inodes' in s.base) {
          set({ base: { inodes: n }, selectedIno: Math.min(s.selectedIno, n) });
          await get().start();
          set({
            result: { kind: 'ok', text: `New session with ${n} inode${n === 1 ? '' : 's'}.` },
          });
          return;
        }
        if (n < current) {
          set({
            result: {
              kind: 'error',
              text: `Inodes cannot be taken away (the log uses them); start a new session for fewer than ${current}.`,
            },
          });
          return;
        }
        if (n === current) return;
        await get().run([{ op: 'add_inodes', count: n }]);
      },

      async newSession(inodes) {
        set({
          ...initialSession(),
          base: { inodes },
          engine: get().engine,
          selectedIno: 1,
          lookup: null,
        });
        await get().start();
      },

      async refreshView(ino) {
        take(await ask({ type: 'view', ino }));
      },

      async seek(cursor) {
        take(await ask({ type: 'seek', cursor, ino: get().selectedIno }));
      },

      async move(m) {
        take(await ask({ type: 'move', move: m, ino: get().selectedIno }));
      },

      async continueTo(dir) {
        const bps = get().breakpoints;
        const r = await ask({ type: 'continue', dir, breakpoints: bps, ino: get().selectedIno });
        if (!take(r)) return;
        const where = dir > 0 ? 'the end' : 'the start';
        set({
          result: r.hit
            ? {
                kind: 'ok',
                text: `Stopped at a breakpoint (${describeBreakpoint(r.hit.breakpoint)}): ${r.hit.text}`,
              }
            : {
                kind: 'ok',
                text: bps.length
                  ? `No breakpoint hit before ${where}.`
                  : `No breakpoints set: went to ${where}.`,
              },
        });
      },

      async runWorkload(params) {
        await job('workload', { type: 'workload', params, ino: get().selectedIno });
      },

      async importTrace(text, name) {
        await job('import', { type: 'import', text, name, ino: 1 });
      },

      cancelJob() {
        const j = get().job;
        if (j) client.cancel(j.id);
      },
    };

    async function job(kind: 'workload' | 'import', body: RequestBody) {
      if (get().job) return;
      // ops the job added, in chunks with its progress (kept aside until the job ends)
      const added: Op[][] = [];
      const { id, done } = client.start(body, (p) => {
        if (p.ops) added.push(p.ops);
        set({ job: { id, kind, done: p.done, total: p.total, label: p.label } });
      });
      set({ job: { id, kind, done: 0, total: 1, label: kind === 'import' ? 'reading' : 'ops' } });
      busy(1);
      const r = await done;
      busy(-1);
      set({ job: null });
      if (r.type === 'cancelled') {
        set({
          result: {
            kind: 'ok',
            text:
              kind === 'import'
                ? 'Import cancelled: the session is as it was.'
                : 'Workload cancelled: no op was added.',
          },
        });
        return;
      }
      if (!take(r)) return;
      if (kind === 'import' && r.imported) {
        const imp = r.imported;
        set({
          base: { inodes: r.snapshot.inodeCount },
          ops: added.flat(),
          results: [],
          imported: imp,
          undo: null,
          selectedIno: 1,
          result: {
            kind: 'ok',
            text: `Imported ${imp.name}: ${imp.ops} ops on ${imp.inodes.length} inodes, ${imp.divergences.length} divergence${imp.divergences.length === 1 ? '' : 's'} from the 3.9 model.`,
          },
        });
        return;
      }
      const n = r.added ?? 0;
      set((s) => ({
        ops: [...s.ops.slice(0, r.snapshot.length - n), ...added.flat()],
        results: s.results.slice(0, r.snapshot.length - n),
        result: { kind: 'ok', text: `Workload added ${n.toLocaleString('en')} ops.` },
        undo: null,
      }));
    }
  };
}

/** The inode count of a base (a state base counts its inodes). */
export function baseInodes(base: SessionBase): number {
  return 'inodes' in base ? base.inodes : base.state.inodes.length;
}
