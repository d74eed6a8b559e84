/**
 * The timeline's selectors: each returns a primitive, so a part of the timeline re-renders only
 * when what it shows changes, not on every snapshot.
 */
import type { EsxState } from '../../store/esxStore.ts';
import { selectFocus, selectLength } from '../../store/selectors.ts';
import { positionText } from './kernel.ts';

export const selectAtStart = (s: EsxState) => s.cursor.op === 0 && s.cursor.step === 0;
export const selectAtEnd = (s: EsxState) => s.cursor.op >= selectLength(s) && s.cursor.step === 0;
/** "op k of N, step s of n". */
export const selectPosition = (s: EsxState) =>
  positionText(s.cursor, selectLength(s), selectFocus(s));
/** The cursor as "op:step", to tell whether it has moved since a breakpoint stopped play. */
export const selectHere = (s: EsxState) => `${s.cursor.op}:${s.cursor.step}`;
/** The Steps badge: how many steps the op in focus has. */
export const selectStepCount = (s: EsxState) => {
  const focus = selectFocus(s);
  return focus ? String(focus.steps.length) : undefined;
};
export const selectBreakpointCount = (s: EsxState) => s.breakpoints.length;
