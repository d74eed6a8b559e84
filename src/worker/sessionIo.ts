/**
 * Links and session files in the worker: decoding, checking and rebuilding a session (which can
 * mean rebuilding a million-extent state) and encoding the current one stay off the main thread.
 */
import type { Breakpoint } from '../core/breakpoints.ts';
import { dumpState } from '../core/dump.ts';
import { decodeSession, encodeSession } from '../permalink/codec.ts';
import { sessionFromFile, sessionToFile } from '../permalink/file.ts';
import { LinkError, type Session, type ViewSettings } from '../permalink/session.ts';
import { EsError } from '../core/errors.ts';
import type { Timeline } from './timeline.ts';

export type EncodeKind = 'link' | 'state' | 'file';

export interface PageState {
  selected: number;
  breakpoints: Breakpoint[];
  view: ViewSettings;
}

/** Decodes a link or a session file; errors as values with a message fit to show. */
export function openSession(
  format: 'link' | 'file',
  text: string,
): { ok: true; session: Session } | { ok: false; code: string; message: string } {
  const r = format === 'link' ? decodeSession(text) : sessionFromFile(text);
  if (r.ok) return r;
  return { ok: false, code: r.error.code, message: r.error.message };
}

/** The current session (or, for `state`, the state at the cursor without its history), encoded. */
export function encodeCurrent(t: Timeline, kind: EncodeKind, page: PageState): string {
  let s: Session;
  if (kind === 'state') {
    // A state link holds the state at the cursor's op boundary (inside an op: the state before it).
    const state = dumpState(t.stateAt(t.cursor.op));
    s = {
      base: { state },
      ops: [],
      cursor: { op: 0, step: 0 },
      ...page,
      selected: Math.min(page.selected, state.inodes.length),
    };
  } else {
    s = { base: t.base, ops: [...t.ops], cursor: { ...t.cursor }, ...page };
  }
  if (kind === 'file') return sessionToFile(s);
  try {
    return encodeSession(s);
  } catch (e) {
    if (e instanceof LinkError) throw new EsError('ETOOBIG', e.message);
    throw e;
  }
}
