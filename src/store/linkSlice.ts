/**
 * Sessions in and out: opening links and session files (decoded and checked in the worker),
 * encoding the session or the current state, and the autosaved previous session that a link
 * pushed aside ("Restore previous session").
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EngineClient } from '../worker/client.ts';
import type { EsxState } from './esxStore.ts';
import { toTreeRecords } from './treeRecords.ts';

export interface LinkState {
  /** The autosaved session a link or file replaced, as a link payload; null when none. */
  previous: string | null;
  /** Length of the session's current link, when known. */
  linkLength: number | null;
}

export interface LinkActions {
  /** Opens a link or a session file; on failure says why and changes nothing. */
  openSession(format: 'link' | 'file', text: string, quiet?: boolean): Promise<boolean>;
  /**
   * The session as a link payload, the current state as a state link, or a session file. A
   * failure is said in the result line, unless `quiet` (autosave); `onError` gets its code.
   */
  encode(
    kind: 'link' | 'state' | 'file',
    opts?: { quiet?: boolean; onError?: (code: string) => void },
  ): Promise<string | null>;
  setPrevious(text: string | null): void;
  restorePrevious(): Promise<void>;
  /** After the worker died and a new one started: rebuild the session from its base and log. */
  recover(why: string): Promise<void>;
}

export const initialLink: LinkState = { previous: null, linkLength: null };

/** View settings that travel with a session. */
export function viewSettings(s: EsxState): Record<string, string | number | boolean> {
  return { speed: s.speed };
}

export function createLinkSlice(
  client: EngineClient,
): StateCreator<EsxState, [], [], LinkState & LinkActions> {
  return (set, get) => ({
    ...initialLink,

    async openSession(format, text, quiet = false) {
      set((s) => ({ busy: s.busy + 1 }));
      const r = await client.request({ type: 'open', format, text, ino: get().selectedIno });
      set((s) => ({ busy: s.busy - 1 }));
      const what = format === 'link' ? 'link' : 'session file';
      if (r.type === 'error') {
        set({
          result: {
            kind: 'error',
            text: `This ${what} cannot be opened: ${r.message}. Nothing was changed.`,
          },
        });
        return false;
      }
      if (r.type !== 'snapshot' || !r.session) return false;
      const { base, ops, breakpoints, view } = r.session;
      const speed =
        typeof view.speed === 'number' && view.speed >= 0 && view.speed <= 8
          ? view.speed
          : get().speed;
      set((s) => ({
        base,
        ops,
        results: r.results,
        snapshot: r.snapshot,
        tree: toTreeRecords(s.tree, r.snapshot.detail),
        cursor: r.snapshot.cursor,
        lookup: r.snapshot.lookup,
        selectedIno: r.snapshot.detail.ino,
        breakpoints,
        speed,
        pending: null,
        undo: null,
        imported: null,
        playing: false,
        result: quiet
          ? s.result
          : {
              kind: 'ok',
              text: `Opened the ${what}: ${ops.length} op${ops.length === 1 ? '' : 's'}${'state' in base ? ' from a saved state' : ''}, at op ${r.snapshot.cursor.op}${r.snapshot.cursor.step ? `, step ${r.snapshot.cursor.step}` : ''}.`,
            },
      }));
      return true;
    },

    async encode(kind, opts) {
      const s = get();
      const r = await client.request({
        type: 'encode',
        kind,
        selected: s.selectedIno,
        breakpoints: s.breakpoints,
        view: viewSettings(s),
      });
      if (r.type !== 'encoded') {
        if (r.type === 'error') {
          opts?.onError?.(r.code);
          if (!opts?.quiet)
            set({ result: { kind: 'error', text: `Could not save the session: ${r.message}` } });
        }
        return null;
      }
      if (kind === 'link') set({ linkLength: r.text.length });
      return r.text;
    },

    setPrevious(text) {
      set({ previous: text });
    },

    async recover(why) {
      const { base, ops, cursor } = get();
      set({ job: null, playing: false, busy: 0, pending: null });
      const ok = await get().loadSession(base, ops, cursor);
      set({
        result: ok
          ? {
              kind: 'error',
              text: `The engine stopped (${why}). A new one was started and the session rebuilt from its ${ops.length} op${ops.length === 1 ? '' : 's'}: nothing was lost.`,
            }
          : {
              kind: 'error',
              text: `The engine stopped (${why}) and the session could not be rebuilt.`,
            },
      });
    },

    async restorePrevious() {
      const p = get().previous;
      if (!p) return;
      if (await get().openSession('link', p, true)) {
        set({ previous: null, result: { kind: 'ok', text: 'The previous session is back.' } });
      }
    },
  });
}
