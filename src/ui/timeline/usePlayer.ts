/**
 * Play: while `playing`, one micro-step every 250 ms / speed (speed 0: straight to the end). Stops
 * at the end of the log, on pause, and when the step just reached hits a breakpoint. One move is
 * in flight at most: the next tick is only scheduled once the worker has answered.
 */
import { useEffect, useRef } from 'react';
import type { Breakpoint } from '../../core/breakpoints.ts';
import { useEsx, useEsxStore } from '../../store/useEsx.ts';
import { selectPlaying, selectSpeed } from '../../store/selectors.ts';
import { reachedBreakpoint } from './kernel.ts';

/** One step a tick at speed 1: four steps a second. */
export const BASE_TICK_MS = 250;

export function usePlayer(onBreak: (bp: Breakpoint) => void): void {
  const store = useEsxStore();
  const playing = useEsx(selectPlaying);
  const speed = useEsx(selectSpeed);
  // The move in flight, shared across effect runs, so a speed change never doubles requests.
  const inFlight = useRef<Promise<void> | null>(null);
  const onBreakRef = useRef(onBreak);
  useEffect(() => {
    onBreakRef.current = onBreak;
  }, [onBreak]);

  useEffect(() => {
    if (!playing) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = (p: Promise<void>) => {
      const wrapped = p.finally(() => {
        if (inFlight.current === wrapped) inFlight.current = null;
      });
      inFlight.current = wrapped;
      return wrapped;
    };
    const atEnd = () => {
      const s = store.getState();
      const length = s.snapshot?.length ?? s.ops.length;
      return s.cursor.op >= length && s.cursor.step === 0;
    };
    const tick = async () => {
      if (inFlight.current) await inFlight.current;
      if (stopped) return;
      if (atEnd()) {
        store.getState().setPlaying(false);
        return;
      }
      if (speed === 0) {
        await send(store.getState().move('end'));
        store.getState().setPlaying(false);
        return;
      }
      await send(store.getState().move('next'));
      if (stopped) return;
      const s = store.getState();
      const bp = reachedBreakpoint(s.breakpoints, s.snapshot?.focus ?? null);
      if (bp) {
        s.setPlaying(false);
        onBreakRef.current(bp);
        return;
      }
      if (atEnd()) {
        s.setPlaying(false);
        return;
      }
      timer = setTimeout(() => void tick(), BASE_TICK_MS / speed);
    };
    timer = setTimeout(() => void tick(), speed === 0 ? 0 : BASE_TICK_MS / speed);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [playing, speed, store]);
}
