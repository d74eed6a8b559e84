/**
 * The session slice: base (inode count) + op log + results + cursor, and the latest snapshot the
 * worker sent. The worker owns replay; this slice only records what was sent and what came back.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Op, OpResult } from '../core/ops.ts';
import type { EngineClient } from '../worker/client.ts';
import type { Reply, SessionBase, Snapshot } from '../worker/protocol.ts';
import { describeBatch, type ResultLine } from './describe.ts';
import { EMPTY_TREE, toTreeRecords, type TreeRecords } from './treeRecords.ts';
import { MAX_UI_INODES, opInode } from './validate.ts';
import type { EsxState } from './esxStore.ts';
import { perfMarks } from './perf.ts';

export interface SessionState {
  base: SessionBase;
  ops: Op[];
  results: OpResult[];
  /** Ops applied to reach the state shown; equals `ops.length` until the step debugger lands. */
  cursor: number;
  snapshot: Snapshot | null;
  tree: TreeRecords;
  result: ResultLine | null;
  /** The engine answered a ping from its worker. */
  engine: string | null;
  /** Requests waiting for the worker. */
  busy: number;
}

export interface SessionActions {
  /** Pings the worker and loads the session. */
  start(): Promise<void>;
  /** Applies ops in the worker and appends them to the log. */
  run(ops: Op[]): Promise<void>;
  /** Grows the superblock (an `add_inodes` op), or sets the base while the log is empty. */
  setInodeCount(n: number): Promise<void>;
  /** Drops the log and starts over with `inodes` inodes. */
  newSession(inodes: number): Promise<void>;
  /** Asks the worker for another inode's snapshot. */
  refreshView(ino: number): Promise<void>;
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

export const initialSession: SessionState = {
  base: { inodes: 4 },
  ops: [],
  results: [],
  cursor: 0,
  snapshot: null,
  tree: EMPTY_TREE,
  result: null,
  engine: null,
  busy: 0,
};

function protocolError(r: Reply): ResultLine | null {
  if (r.type !== 'error') return null;
  return { kind: 'error', text: `The engine could not answer: ${r.code}, ${r.message}` };
}

export function createSessionSlice(
  client: EngineClient,
): StateCreator<EsxState, [], [], SessionState & SessionActions> {
  return (set, get) => {
    /** Stores a snapshot reply; returns false on an error reply (shown in the result line). */
    const take = (r: Reply): r is Extract<Reply, { type: 'snapshot' }> => {
      const err = protocolError(r);
      if (err) {
        set({ result: err });
        return false;
      }
      if (r.type !== 'snapshot') return false;
      perfMarks.replyAt = performance.now();
      perfMarks.cursor = r.snapshot.cursor;
      set((s) => ({ snapshot: r.snapshot, tree: toTreeRecords(s.tree, r.snapshot.detail) }));
      return true;
    };
    const busy = (d: number) => set((s) => ({ busy: s.busy + d }));

    return {
      ...initialSession,

      async start() {
        busy(1);
        const pong = await client.request({ type: 'ping' });
        if (pong.type === 'pong') set({ engine: pong.engine });
        const { base, ops, selectedIno } = get();
        const r = await client.request({ type: 'load', base, ops, ino: selectedIno });
        busy(-1);
        if (take(r)) set({ results: r.results, cursor: r.snapshot.cursor });
      },

      async run(ops) {
        if (ops.length === 0) return;
        perfMarks.submitAt = performance.now();
        let ino = get().selectedIno;
        for (const op of ops) ino = opInode(op) ?? ino;
        const lookups = ops.filter((op) => op.op === 'lookup');
        const lastLookup = lookups[lookups.length - 1];
        busy(1);
        const r = await client.request({ type: 'apply', ops, ino });
        busy(-1);
        if (!take(r)) return;
        const inodes = r.snapshot.inodeCount;
        set((s) => ({
          ops: [...s.ops, ...ops],
          results: [...s.results, ...r.results],
          cursor: r.snapshot.cursor,
          result: describeBatch(ops, r.results),
          selectedIno: Math.min(ino, inodes),
          lookup:
            lastLookup && lastLookup.op === 'lookup'
              ? { ino: lastLookup.ino, lblk: lastLookup.lblk }
              : s.lookup,
        }));
      },

      async setInodeCount(n) {
        const s = get();
        const current = s.snapshot?.inodeCount ?? s.base.inodes;
        if (!Number.isInteger(n) || n < 1 || n > MAX_UI_INODES) {
          set({
            result: { kind: 'error', text: `Inode count must be from 1 to ${MAX_UI_INODES}.` },
          });
          return;
        }
        if (s.ops.length === 0) {
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
          ...initialSession,
          base: { inodes },
          engine: get().engine,
          selectedIno: 1,
          lookup: null,
        });
        await get().start();
      },

      async refreshView(ino) {
        busy(1);
        const r = await client.request({ type: 'view', ino });
        busy(-1);
        take(r);
      },
    };
  };
}
