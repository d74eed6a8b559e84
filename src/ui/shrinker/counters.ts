/**
 * The counters of a shrink op, read from the engine's answer (`ret` is the reclaimable count the
 * shrinker returns after the sweep, `shrunk` what it reclaimed) and the op's recorded steps.
 */
import type { FocusOp } from '../../worker/protocol.ts';

export interface SweepCounters {
  /** nr_to_scan was 0: the shrinker only counted. */
  count: boolean;
  /** The cursor is inside the op. */
  running: boolean;
  before: number;
  after: number;
  reclaimed: number;
  skipped: number;
  scanned: number;
  reclaimedSoFar: number;
  skippedSoFar: number;
}

/**
 * Counters of the shrink op in focus, or null when the focus is not a shrink (or it failed).
 * Before = ret + shrunk: every reclaimed extent was counted in some lru_nr on the list.
 */
export function sweepCounters(focus: FocusOp): SweepCounters | null {
  if (!focus.command.startsWith('shrink ')) return null;
  const { ret, shrunk } = focus.result;
  if (ret === undefined) return null;
  const reclaimed = shrunk ?? 0;
  let skipped = 0;
  let scanned = 0;
  let reclaimedSoFar = 0;
  let skippedSoFar = 0;
  focus.steps.forEach((s, i) => {
    const done = i <= focus.current;
    if (s.kind === 'skip') {
      skipped++;
      if (done) skippedSoFar++;
    } else if (s.kind === 'reclaim') {
      if (done) reclaimedSoFar++;
    } else if (s.kind === 'scan') scanned++;
  });
  return {
    count: focus.command === 'shrink 0',
    running: focus.current < focus.steps.length - 1,
    before: ret + reclaimed,
    after: ret,
    reclaimed,
    skipped,
    scanned,
    reclaimedSoFar,
    skippedSoFar,
  };
}
