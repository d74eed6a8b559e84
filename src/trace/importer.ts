/**
 * The trace importer: text in (in chunks of any size), explorer ops out, each op replayed through
 * the 3.9 engine as it is made so that the trace's own exit events can be checked against the
 * model on the spot. One pass, O(lines); no DOM and no Node, so a Web Worker and the CLI share it.
 *
 *   const imp = new TraceImporter();
 *   for (const chunk of chunks) { imp.feed(chunk); progress(imp.progress()); if (cancelled) return; }
 *   const result = imp.finish();
 */
import { applyOp, newSuperblock, type Op, type OpResult } from '../core/ops.ts';
import { hasPblk, statusName } from '../core/status.ts';
import { MAX_INODES, MAX_NR_TO_SCAN, PBLK_LIMIT, type Superblock } from '../core/superblock.ts';
import { parseTraceLine, type EsEvent } from './lineParser.ts';
import type { TraceStatus } from './traceStatus.ts';
import {
  compareFind,
  compareLookup,
  compareShrink,
  type Divergence,
  type DivergenceKind,
} from './divergence.ts';

/** An explorer inode and the trace inode it stands for. */
export interface TraceInode {
  /** Explorer inode number, 1..N in order of first appearance. */
  ino: number;
  /** `M,m` as the trace prints it. */
  dev: string;
  /** The trace's inode number, as printed (exact even past 2^53). */
  traceIno: string;
  /** Line of its first event. */
  line: number;
}

/** A `tracing_mark_write` marker: a named point before op `opIndex`. */
export interface Bookmark {
  opIndex: number;
  name: string;
  line: number;
}

/** A line that was not turned into an op although it is not a comment or another subsystem's event. */
export interface ImportIssue {
  line: number;
  /** `unknown`: not a trace line; `malformed`: an ext4_es line that does not read; `skipped`: read
   * but not representable in the model. */
  kind: 'unknown' | 'malformed' | 'skipped';
  reason: string;
  text: string;
}

export interface ImportReport {
  lines: number;
  /** ext4_es_* lines read, by event name. */
  events: Record<string, number>;
  /** Lines of other trace events (not ours), by event name. */
  otherEvents: Record<string, number>;
  comments: number;
  blank: number;
  markers: number;
  ops: number;
  unknown: number;
  malformed: number;
  skipped: number;
  /** The first `maxIssues` unknown, malformed or skipped lines. */
  issues: ImportIssue[];
  /** Statuses that carried the REFERENCED letter (R), dropped because the model has no such bit. */
  referenced: number;
  /** Statuses with bits that are not W, U, D, H (`D0x10`, low hex bits), dropped. */
  unknownBits: number;
  /** D/H inserts whose printed pblk was dropped (the model stores none for them). */
  pblkDropped: number;
  /** Ranges that ran past block 0xfffffffe, cut to end there. */
  clamped: number;
  /** `ext4_es_cache_extent` events, replayed as plain inserts (see README). */
  cacheAsInsert: number;
  /** Exit events with no enter event before them on that inode (or the shrinker). */
  unpairedExits: number;
  /** Ops the engine refused (should stay 0: the importer validates first). */
  engineErrors: number;
  divergences: Record<DivergenceKind, number>;
  devices: string[];
}

export interface TraceImport {
  /** Explorer inodes (at least 1, as the engine needs one). */
  inodes: number;
  ops: Op[];
  /** Trace line number of each op. */
  opLines: number[];
  inodeMap: TraceInode[];
  bookmarks: Bookmark[];
  divergences: Divergence[];
  report: ImportReport;
}

export interface ImportOptions {
  /** Replay through the engine and compare with exit events (default true). */
  check?: boolean;
  /** How many issues to list (default 100). */
  maxIssues?: number;
}

export interface ImportProgress {
  lines: number;
  chars: number;
  ops: number;
  divergences: number;
}

/** The last block + 1 a range may reach (EXT_MAX_BLOCKS). */
const END_LIMIT = 0xffffffff;

interface Pending {
  opIndex: number;
  line: number;
  result: OpResult;
}

export class TraceImporter {
  private readonly check: boolean;
  private readonly maxIssues: number;
  private readonly sb: Superblock;
  private rest = '';
  private lineNo = 0;
  private chars = 0;
  private finished: TraceImport | null = null;

  private readonly ops: Op[] = [];
  private readonly opLines: number[] = [];
  private readonly inodeMap: TraceInode[] = [];
  private readonly inoByDev = new Map<string, Map<string, number>>();
  private readonly bookmarks: Bookmark[] = [];
  private readonly divergences: Divergence[] = [];
  /** Enter results waiting for their exit, by task and inode (tasks interleave on SMP). */
  private readonly lookups = new Map<string, Pending>();
  private readonly finds = new Map<string, Pending>();
  private shrinkPending: Pending | null = null;
  private readonly report: ImportReport;

  constructor(opts: ImportOptions = {}) {
    this.check = opts.check ?? true;
    this.maxIssues = opts.maxIssues ?? 100;
    this.sb = newSuperblock(1);
    this.report = {
      lines: 0,
      events: {},
      otherEvents: {},
      comments: 0,
      blank: 0,
      markers: 0,
      ops: 0,
      unknown: 0,
      malformed: 0,
      skipped: 0,
      issues: [],
      referenced: 0,
      unknownBits: 0,
      pblkDropped: 0,
      clamped: 0,
      cacheAsInsert: 0,
      unpairedExits: 0,
      engineErrors: 0,
      divergences: { lookup: 0, find: 0, shrink: 0 },
      devices: [],
    };
  }

  /** Feeds the next piece of text; lines may be split across pieces anywhere. O(piece). */
  feed(text: string): void {
    if (this.finished) return;
    this.chars += text.length;
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl < 0) {
      this.rest += text;
      return;
    }
    if (this.rest.length > 0) {
      this.line(this.rest + text.slice(0, nl));
      this.rest = '';
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    while (nl >= 0) {
      this.line(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    this.rest = text.slice(start);
  }

  /** Counts so far, for a progress bar. */
  progress(): ImportProgress {
    return {
      lines: this.lineNo,
      chars: this.chars,
      ops: this.ops.length,
      divergences: this.divergences.length,
    };
  }

  /** Reads the last unterminated line and returns the result (the same object on later calls). */
  finish(): TraceImport {
    if (this.finished) return this.finished;
    if (this.rest.length > 0) this.line(this.rest);
    this.rest = '';
    this.report.lines = this.lineNo;
    this.report.ops = this.ops.length;
    this.finished = {
      inodes: Math.max(1, this.inodeMap.length),
      ops: this.ops,
      opLines: this.opLines,
      inodeMap: this.inodeMap,
      bookmarks: this.bookmarks,
      divergences: this.divergences,
      report: this.report,
    };
    return this.finished;
  }

  private line(raw: string): void {
    const n = ++this.lineNo;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let parsed;
    try {
      parsed = parseTraceLine(text);
    } catch (e) {
      // parseTraceLine is written not to throw; this keeps a bug there from losing an import.
      this.issue(n, 'malformed', `parser error: ${String(e)}`, text);
      return;
    }
    const r = this.report;
    switch (parsed.kind) {
      case 'blank':
        r.blank++;
        return;
      case 'comment':
        r.comments++;
        return;
      case 'marker':
        r.markers++;
        this.bookmarks.push({ opIndex: this.ops.length, name: parsed.name, line: n });
        return;
      case 'other':
        r.otherEvents[parsed.event] = (r.otherEvents[parsed.event] ?? 0) + 1;
        return;
      case 'unknown':
        this.issue(n, 'unknown', 'not a trace event line', text);
        return;
      case 'malformed':
        this.issue(n, 'malformed', `${parsed.event}: ${parsed.reason}`, text);
        return;
      case 'es':
        r.events[parsed.event] = (r.events[parsed.event] ?? 0) + 1;
        this.event(parsed.es, parsed.task, n, text);
        return;
    }
  }

  private issue(line: number, kind: ImportIssue['kind'], reason: string, text: string): void {
    this.report[kind]++;
    if (this.report.issues.length < this.maxIssues)
      this.report.issues.push({ line, kind, reason, text: text.slice(0, 300) });
  }

  /** The explorer inode of (dev, ino), made on first sight; 0 when the engine has no room left. */
  private inode(dev: string, traceIno: string, line: number): number {
    let byIno = this.inoByDev.get(dev);
    if (!byIno) this.inoByDev.set(dev, (byIno = new Map()));
    const known = byIno.get(traceIno);
    if (known !== undefined) return known;
    if (this.inodeMap.length >= MAX_INODES) return 0;
    const ino = this.inodeMap.length + 1;
    byIno.set(traceIno, ino);
    this.inodeMap.push({ ino, dev, traceIno, line });
    if (!this.report.devices.includes(dev)) this.report.devices.push(dev);
    if (this.check) applyOp(this.sb, { op: 'add_inodes', count: ino });
    return ino;
  }

  private emit(op: Op, line: number): OpResult | null {
    this.ops.push(op);
    this.opLines.push(line);
    if (!this.check) return null;
    const res = applyOp(this.sb, op);
    if (res.err) {
      this.report.engineErrors++;
      this.issue(line, 'skipped', `engine refused: ${res.message ?? res.err}`, JSON.stringify(op));
    }
    return res;
  }

  /** Cuts a range to end on block 0xfffffffe (the model's EINVAL bound), counting the cut. */
  private clamp(lblk: number, len: number): number {
    if (lblk + len <= END_LIMIT) return len;
    this.report.clamped++;
    return lblk >= END_LIMIT ? 0 : END_LIMIT - lblk;
  }

  /** Status bits with R and unknown bits dropped and counted. */
  private bits(s: TraceStatus): number {
    if (s.referenced) this.report.referenced++;
    if (s.unknown) this.report.unknownBits++;
    return s.bits;
  }

  private event(es: EsEvent, task: string, line: number, text: string): void {
    if (es.type === 'info') return;
    if (es.type === 'shrink_enter' || es.type === 'shrink_exit') {
      if (!this.report.devices.includes(es.dev)) this.report.devices.push(es.dev);
      this.shrinkEvent(es, line, text);
      return;
    }
    const ino = this.inode(es.dev, es.ino, line);
    if (ino === 0) {
      this.issue(line, 'skipped', `more than ${MAX_INODES} inodes`, text);
      return;
    }
    switch (es.type) {
      case 'insert': {
        if (es.source === 'cache') this.report.cacheAsInsert++;
        const bits = this.bits(es.status);
        if (bits === 0) {
          this.issue(line, 'skipped', 'insert without a W, U, D or H status', text);
          return;
        }
        if (hasPblk(bits) && es.pblk >= PBLK_LIMIT) {
          this.issue(line, 'skipped', `physical block ${es.pblk} is not below 2^48`, text);
          return;
        }
        const len = this.clamp(es.lblk, es.len);
        const status = statusName(bits);
        if (hasPblk(bits)) {
          this.emit({ op: 'insert', ino, lblk: es.lblk, len, pblk: es.pblk, status }, line);
        } else {
          this.report.pblkDropped++;
          this.emit({ op: 'insert', ino, lblk: es.lblk, len, status }, line);
        }
        return;
      }
      case 'remove':
        this.emit({ op: 'remove', ino, lblk: es.lblk, len: this.clamp(es.lblk, es.len) }, line);
        return;
      case 'lookup_enter':
      case 'find_enter': {
        const op: Op =
          es.type === 'lookup_enter'
            ? { op: 'lookup', ino, lblk: es.lblk }
            : { op: 'find_delayed', ino, lblk: es.lblk };
        const opIndex = this.ops.length;
        const result = this.emit(op, line);
        if (result)
          (es.type === 'lookup_enter' ? this.lookups : this.finds).set(task + '\0' + ino, {
            opIndex,
            line,
            result,
          });
        return;
      }
      case 'lookup_exit':
      case 'find_exit': {
        const pendingMap = es.type === 'lookup_exit' ? this.lookups : this.finds;
        const bits = this.bits(es.status);
        if (!this.check) return;
        const key = task + '\0' + ino;
        const p = pendingMap.get(key);
        if (!p) {
          this.report.unpairedExits++;
          return;
        }
        pendingMap.delete(key);
        const len = this.clampQuiet(es.lblk, es.len);
        const d =
          es.type === 'lookup_exit'
            ? compareLookup(es.found, es.lblk, len, bits, es.pblk, p.result)
            : compareFind(es.lblk, len, p.result);
        if (d) this.diverge(d.kind, d.expected, d.model, ino, line, p);
        return;
      }
    }
  }

  /** Clamps an extent an exit event reports the same way its insert was clamped (not counted). */
  private clampQuiet(lblk: number, len: number): number {
    return lblk + len <= END_LIMIT ? len : Math.max(0, END_LIMIT - lblk);
  }

  private shrinkEvent(
    es: Extract<EsEvent, { type: 'shrink_enter' | 'shrink_exit' }>,
    line: number,
    text: string,
  ): void {
    if (es.type === 'shrink_enter') {
      if (es.nr > MAX_NR_TO_SCAN) {
        this.issue(line, 'skipped', `nr_to_scan ${es.nr} is more than an int holds`, text);
        return;
      }
      const opIndex = this.ops.length;
      const result = this.emit({ op: 'shrink', nr: es.nr }, line);
      this.shrinkPending = result ? { opIndex, line, result } : null;
      return;
    }
    if (!this.check) return;
    const p = this.shrinkPending;
    if (!p) {
      this.report.unpairedExits++;
      return;
    }
    this.shrinkPending = null;
    const d = compareShrink(es.shrunk, p.result);
    if (d) this.diverge('shrink', d.expected, d.model, 0, line, p);
  }

  private diverge(
    kind: DivergenceKind,
    expected: OpResult,
    model: OpResult,
    ino: number,
    line: number,
    p: Pending,
  ): void {
    this.report.divergences[kind]++;
    this.divergences.push({
      kind,
      line,
      enterLine: p.line,
      opIndex: p.opIndex,
      ino,
      expected,
      model,
    });
  }
}

/** Imports a whole trace held in one string. O(length). */
export function importTrace(text: string, opts?: ImportOptions): TraceImport {
  const imp = new TraceImporter(opts);
  imp.feed(text);
  return imp.finish();
}
