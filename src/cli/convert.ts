/**
 * `esx convert TRACE`: a kernel trace (ftrace `trace` file, `trace-cmd report`, `perf script`;
 * plain or gzip) → an `esx-ops/1` file on stdout; the import report and the divergences from the
 * 3.9 model on stderr.
 */
import { formatReport, TraceImporter, type TraceImport } from '../trace/index.ts';
import { readBytes } from './io.ts';

/** Bytes decoded and fed per step; keeps the decoded text of a huge trace from being one string. */
const CHUNK = 1 << 22;

/** Imports `file`; returns the import. O(file size). */
export function importTraceFile(file: string): TraceImport {
  const buf = readBytes(file);
  const decoder = new TextDecoder();
  const imp = new TraceImporter();
  for (let at = 0; at < buf.length; at += CHUNK)
    imp.feed(decoder.decode(buf.subarray(at, at + CHUNK), { stream: true }));
  imp.feed(decoder.decode());
  return imp.finish();
}

/** The esx-ops/1 text of an import: header, then one op per line. */
export function opsFileText(r: TraceImport): string {
  const lines = [JSON.stringify({ format: 'esx-ops/1', inodes: r.inodes })];
  for (const op of r.ops) lines.push(JSON.stringify(op));
  return lines.join('\n') + '\n';
}

export function convertFile(
  file: string,
  out: (text: string) => void,
  err: (text: string) => void,
): TraceImport {
  const r = importTraceFile(file);
  out(opsFileText(r));
  err(formatReport(r));
  return r;
}
