/**
 * Kernel trace import: ftrace / trace-cmd / perf script text with `ext4:ext4_es_*` events →
 * explorer ops, an inode map, bookmarks, divergences from the 3.9 model and a report.
 */
export {
  importTrace,
  TraceImporter,
  type Bookmark,
  type ImportIssue,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type TraceImport,
  type TraceInode,
} from './importer.ts';
export {
  describeDivergence,
  describeResult,
  type Divergence,
  type DivergenceKind,
} from './divergence.ts';
export { formatReport } from './report.ts';
export { parseTraceLine, type EsEvent, type TraceLine } from './lineParser.ts';
export { parseTraceStatus, type TraceStatus } from './traceStatus.ts';
