/**
 * The step debugger's highlight of the drawn inode keyed by lblk, for the views that key extents
 * by their first block (table rows, block map bars): 'focus' for what the current step is about,
 * 'changed' for what the step (or, between ops, the op) changed.
 */
import { useMemo } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { selectHighlight, selectTree } from '../../store/selectors.ts';
import type { EsxState } from '../../store/esxStore.ts';

export type StepMark = 'focus' | 'changed';

const selectById = (s: EsxState) => selectTree(s).byId;

export function useStepMarks(): Map<number, StepMark> {
  const highlight = useEsx(selectHighlight);
  const byId = useEsx(selectById);
  return useMemo(() => {
    const m = new Map<number, StepMark>();
    for (const id of highlight?.changed ?? []) {
      const n = byId[id];
      if (n) m.set(n.lblk, 'changed');
    }
    for (const id of highlight?.nodes ?? []) {
      const n = byId[id];
      if (n) m.set(n.lblk, 'focus');
    }
    return m;
  }, [highlight, byId]);
}
