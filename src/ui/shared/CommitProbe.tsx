import { useLayoutEffect } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { selectSnapshot } from '../../store/selectors.ts';
import { perfMarks } from '../../store/perf.ts';

/** Marks when React has committed a new snapshot, for the latency benchmark. Renders nothing. */
export function CommitProbe() {
  const snapshot = useEsx(selectSnapshot);
  useLayoutEffect(() => {
    if (!snapshot) return;
    perfMarks.commitAt = performance.now();
    perfMarks.committedCursor = snapshot.cursor.op;
  }, [snapshot]);
  return null;
}
