/**
 * Timestamps for the UI latency benchmark: when an op was submitted, when its reply arrived and
 * when the views committed it. Kept outside the store so that recording them renders nothing.
 */
export interface PerfMarks {
  submitAt: number;
  replyAt: number;
  commitAt: number;
  /** The cursor of the last snapshot received and of the last one committed by the views. */
  cursor: number;
  committedCursor: number;
}

export const perfMarks: PerfMarks = {
  submitAt: 0,
  replyAt: 0,
  commitAt: 0,
  cursor: -1,
  committedCursor: -1,
};
