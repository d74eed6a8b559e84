/**
 * Big trees: the window the page looks at (tree view, table page, block map range) and "Go to
 * block". The worker answers a window with just what it covers; while one request is in flight,
 * later moves are merged and sent when it returns, so a fast pan never queues a backlog.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EngineClient } from '../worker/client.ts';
import type { BigDetail, BigWindow, FoundBlock } from '../worker/protocol.ts';
import type { EsxState } from './esxStore.ts';

export interface BigState {
  /** What the page looks at in a big tree (the last one sent). */
  bigWindow: BigWindow;
  /** Where "Go to block" landed (cleared when the inode changes). */
  found: FoundBlock | null;
  /** Counts "Go to block" answers, so a view can centre on each one, even on the same block. */
  foundSeq: number;
  /** Why the last "Go to block" found nothing, in words. */
  findMessage: string | null;
}

export interface BigActions {
  /** Moves part of the window; the worker answers with the big tree's detail for it. */
  setBigWindow(part: Partial<BigWindow>): void;
  /** Finds the extent covering logical block `lblk` of the selected inode. */
  goToBlock(lblk: number): Promise<void>;
  clearFound(): void;
}

export const initialBig: BigState = {
  bigWindow: { tree: null, rows: { from: 0, count: 100 }, bins: null },
  found: null,
  foundSeq: 0,
  findMessage: null,
};

/**
 * `next` with the parts that answer the same question as in `prev` (same state, same part of the
 * window) taken from `prev`, so the views drawing them do not render again on a pan.
 */
export function keepUnchanged(prev: BigDetail, next: BigDetail): BigDetail {
  const pw = prev.window;
  const nw = next.window;
  const sameRows = pw.rows.from === nw.rows.from && pw.rows.count === nw.rows.count;
  const sameBins = sameBinsWindow(pw.bins, nw.bins);
  return {
    ...next,
    overview: prev.overview,
    rows: sameRows ? prev.rows : next.rows,
    bins: sameBins ? prev.bins : next.bins,
  };
}

function sameBinsWindow(a: BigWindow['bins'], b: BigWindow['bins']): boolean {
  if (a === b) return true;
  if (!a || !b || a.n !== b.n) return false;
  if ('u0' in a) return 'u0' in b && a.u0 === b.u0 && a.u1 === b.u1;
  return 'b0' in b && a.b0 === b.b0 && a.b1 === b.b1;
}

export function createBigSlice(
  client: EngineClient,
): StateCreator<EsxState, [], [], BigState & BigActions> {
  return (set, get) => {
    let inFlight = false;
    let again = false;
    const send = async (): Promise<void> => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      try {
        do {
          again = false;
          const s = get();
          const ino = s.snapshot?.detail.ino ?? s.selectedIno;
          const r = await client.request({ type: 'window', ino, window: s.bigWindow });
          if (r.type !== 'window' || !r.big) continue;
          // a reply for a state or an inode the page has left is dropped
          set((st) => {
            const snap = st.snapshot;
            if (!snap || snap.detail.ino !== r.ino) return {};
            if (snap.cursor.op !== r.at.op || snap.cursor.step !== r.at.step) return {};
            const old = snap.detail.big;
            const big = old ? keepUnchanged(old, r.big!) : r.big!;
            return { snapshot: { ...snap, detail: { ...snap.detail, big } } };
          });
        } while (again);
      } finally {
        inFlight = false;
      }
    };
    return {
      ...initialBig,
      setBigWindow(part) {
        set((s) => ({ bigWindow: { ...s.bigWindow, ...part } }));
        void send();
      },
      async goToBlock(lblk) {
        const s = get();
        const ino = s.snapshot?.detail.ino ?? s.selectedIno;
        const r = await client.request({ type: 'find', ino, lblk });
        if (r.type === 'error') {
          set({ found: null, findMessage: `Could not search: ${r.message}` });
          return;
        }
        if (r.type !== 'found') return;
        const f = r.found;
        const near = f.near ? `; the next extent starts at block ${f.near[0]}` : '';
        set((st) => ({
          found: f.extent ? f : null,
          foundSeq: st.foundSeq + 1,
          findMessage: f.extent ? null : `No extent of inode ${f.ino} covers block ${lblk}${near}.`,
        }));
      },
      clearFound() {
        set({ found: null, findMessage: null });
      },
    };
  };
}
