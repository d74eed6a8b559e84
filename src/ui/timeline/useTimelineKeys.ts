/**
 * The step debugger's keys, anywhere on the page except in text fields and controls that use the
 * same keys: ←/→ one micro-step, Shift+←/→ one op, Space play/pause, Home/End the ends.
 */
import { useEffect } from 'react';
import type { Move } from '../../worker/protocol.ts';

/** Elements that keep their own keys: text entry, sliders, lists and menus. */
const OWN_KEYS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

export interface TimelineKeyHandlers {
  move(m: Move): void;
  togglePlay(): void;
}

/** Which move (or play) a key press asks for, or null when it is not a timeline key. */
export function timelineKey(e: {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): Move | 'play' | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'ArrowLeft':
      return e.shiftKey ? 'prevOp' : 'prev';
    case 'ArrowRight':
      return e.shiftKey ? 'nextOp' : 'next';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    case ' ':
      return e.shiftKey ? null : 'play';
    default:
      return null;
  }
}

export function useTimelineKeys(h: TimelineKeyHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A view that pans with the arrows (the tree, the block map) or a tab list got it first.
      if (e.defaultPrevented) return;
      const what = timelineKey(e);
      if (!what) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest(OWN_KEYS)) return;
      // Space on a button or link presses it; a dialog keeps its keys.
      if (what === 'play' && t?.closest('button, a, [role="button"], summary')) return;
      if (t?.closest('[role="dialog"], [role="alertdialog"]')) return;
      e.preventDefault();
      if (what === 'play') h.togglePlay();
      else h.move(what);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [h]);
}
