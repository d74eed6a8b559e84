/**
 * The view slice: which inode is selected (everywhere at once), the block of the last lookup and
 * the Command field's history.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Breakpoint } from '../core/breakpoints.ts';
import type { EsxState } from './esxStore.ts';
import { baseInodes } from './sessionSlice.ts';

export interface ViewState {
  selectedIno: number;
  /** The last lookup, marked on the block map of its inode. */
  lookup: { ino: number; lblk: number } | null;
  /** Commands entered, oldest first. */
  history: string[];
  /** Breakpoints of the step debugger (part of the session: links carry them). */
  breakpoints: Breakpoint[];
  /** Play: one micro-step per tick at `speed` (1 = four steps a second; 0 = instant). */
  playing: boolean;
  speed: number;
}

export interface ViewActions {
  select(ino: number): void;
  remember(command: string): void;
  setBreakpoints(bps: Breakpoint[]): void;
  toggleBreakpoint(bp: Breakpoint): void;
  setPlaying(on: boolean): void;
  setSpeed(speed: number): void;
}

const HISTORY_LIMIT = 200;

export const initialView: ViewState = {
  selectedIno: 1,
  lookup: null,
  history: [],
  breakpoints: [],
  playing: false,
  speed: 1,
};

function sameBreakpoint(a: Breakpoint, b: Breakpoint): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const createViewSlice: StateCreator<EsxState, [], [], ViewState & ViewActions> = (
  set,
  get,
) => ({
  ...initialView,
  select(ino) {
    const count = get().snapshot?.inodeCount ?? baseInodes(get().base);
    if (!Number.isInteger(ino) || ino < 1 || ino > count) return;
    set({ selectedIno: ino });
    void get().refreshView(ino);
  },
  setBreakpoints(bps) {
    set({ breakpoints: bps });
  },
  toggleBreakpoint(bp) {
    set((s) => ({
      breakpoints: s.breakpoints.some((b) => sameBreakpoint(b, bp))
        ? s.breakpoints.filter((b) => !sameBreakpoint(b, bp))
        : [...s.breakpoints, bp],
    }));
  },
  setPlaying(on) {
    set({ playing: on });
  },
  setSpeed(speed) {
    if (Number.isFinite(speed) && speed >= 0 && speed <= 8) set({ speed });
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
