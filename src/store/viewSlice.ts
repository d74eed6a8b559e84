/**
 * The view slice: which inode is selected (everywhere at once), the block of the last lookup and
 * the Command field's history.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EsxState } from './esxStore.ts';

export interface ViewState {
  selectedIno: number;
  /** The last lookup, marked on the block map of its inode. */
  lookup: { ino: number; lblk: number } | null;
  /** Commands entered, oldest first. */
  history: string[];
}

export interface ViewActions {
  select(ino: number): void;
  remember(command: string): void;
}

const HISTORY_LIMIT = 200;

export const initialView: ViewState = { selectedIno: 1, lookup: null, history: [] };

export const createViewSlice: StateCreator<EsxState, [], [], ViewState & ViewActions> = (
  set,
  get,
) => ({
  ...initialView,
  select(ino) {
    const count = get().snapshot?.inodeCount ?? get().base.inodes;
    if (!Number.isInteger(ino) || ino < 1 || ino > count) return;
    set({ selectedIno: ino });
    void get().refreshView(ino);
  },
  remember(command) {
    const text = command.trim();
    if (text === '') return;
    set((s) => {
      const h = s.history[s.history.length - 1] === text ? s.history : [...s.history, text];
      return { history: h.slice(-HISTORY_LIMIT) };
    });
  },
});
