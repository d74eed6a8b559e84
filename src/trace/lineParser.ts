/**
 * One line of trace text → what it says. Knows the prefixes of the tracing `trace` file
 * (`COMM-PID [CPU] FLAGS TIMESTAMP: EVENT: FIELDS`), `trace-cmd report` (no flags, padded event
 * name), `perf script` (`COMM PID [CPU] TIMESTAMP: ext4:EVENT: FIELDS`) and bare `EVENT: FIELDS`
 * lines, and the fields of every `ext4_es_*` event from the 3.9 merge window to 6.10.
 *
 * The prefix is never parsed: the event is found by its name, so comm names with spaces, dashes or
 * colons, 4- or 5-character flag columns and any pid width all read the same.
 */
import { parseTraceStatus, type TraceStatus } from './traceStatus.ts';

/** Where an insert-like event came from (all three become an `insert` op). */
export type InsertSource = 'insert' | 'cache' | 'delayed';

/** The fields of an `ext4_es_*` event, by what the importer does with it. */
export type EsEvent =
  | {
      type: 'insert';
      source: InsertSource;
      dev: string;
      ino: string;
      lblk: number;
      len: number;
      pblk: number;
      status: TraceStatus;
    }
  | { type: 'remove'; dev: string; ino: string; lblk: number; len: number }
  | { type: 'lookup_enter' | 'find_enter'; dev: string; ino: string; lblk: number }
  | {
      type: 'lookup_exit';
      dev: string;
      ino: string;
      found: boolean;
      lblk: number;
      len: number;
      pblk: number;
      status: TraceStatus;
    }
  | {
      type: 'find_exit';
      dev: string;
      ino: string;
      lblk: number;
      len: number;
      pblk: number;
      status: TraceStatus;
    }
  | { type: 'shrink_enter'; dev: string; nr: number }
  | { type: 'shrink_exit'; dev: string; shrunk: number }
  /** Understood, but nothing the model does: shrink_count, ext4_es_shrink, reclaim count. */
  | { type: 'info'; dev: string };

export type TraceLine =
  | { kind: 'blank' }
  | { kind: 'comment' }
  | { kind: 'marker'; name: string }
  /** `task` is the text before the CPU column (`COMM-PID`, or `COMM PID` in perf script; empty
   * on bare lines): it pairs an exit event with its own task's enter when tasks interleave. */
  | { kind: 'es'; event: string; task: string; es: EsEvent }
  /** An `ext4_es_*` line whose fields do not read as that event's (or an unknown ext4_es event). */
  | { kind: 'malformed'; event: string; reason: string }
  /** Some other trace event (sched_switch, block_rq_issue, ...): not ours, not an error. */
  | { kind: 'other'; event: string }
  /** Not a trace line at all. */
  | { kind: 'unknown' };

type Shape =
  | 'insert'
  | 'remove'
  | 'lookup_enter'
  | 'lookup_exit'
  | 'find_enter'
  | 'find_exit'
  | 'shrink_enter'
  | 'shrink_exit'
  | 'count'
  | 'shrink'
  | 'reclaim_count';

/** Every ext4_es event name any kernel generation has had, with the shape of its fields. */
const EVENTS: ReadonlyMap<string, Shape> = new Map<string, Shape>([
  ['ext4_es_insert_extent', 'insert'],
  ['ext4_es_cache_extent', 'insert'],
  ['ext4_es_insert_delayed_block', 'insert'],
  ['ext4_es_insert_delayed_extent', 'insert'],
  ['ext4_es_remove_extent', 'remove'],
  ['ext4_es_lookup_extent_enter', 'lookup_enter'],
  ['ext4_es_lookup_extent_exit', 'lookup_exit'],
  ['ext4_es_find_delayed_extent_enter', 'find_enter'],
  ['ext4_es_find_delayed_extent_exit', 'find_exit'],
  ['ext4_es_find_delayed_extent_range_enter', 'find_enter'],
  ['ext4_es_find_delayed_extent_range_exit', 'find_exit'],
  ['ext4_es_find_extent_range_enter', 'find_enter'],
  ['ext4_es_find_extent_range_exit', 'find_exit'],
  ['ext4_es_shrink_enter', 'shrink_enter'],
  ['ext4_es_shrink_scan_enter', 'shrink_enter'],
  ['ext4_es_shrink_exit', 'shrink_exit'],
  ['ext4_es_shrink_scan_exit', 'shrink_exit'],
  ['ext4_es_shrink_count', 'count'],
  ['ext4_es_shrink', 'shrink'],
  ['ext4_es_reclaim_extents_count', 'reclaim_count'],
]);

const NAMES: ReadonlyMap<string, string> = new Map([...EVENTS.keys()].map((k) => [k, k]));

const SOURCES: Record<string, InsertSource> = {
  ext4_es_insert_extent: 'insert',
  ext4_es_cache_extent: 'cache',
  ext4_es_insert_delayed_block: 'delayed',
  ext4_es_insert_delayed_extent: 'delayed',
};

/** Decimal digits → number (inexact past 2^53, which only ever matters as "too large"); -1 if not. */
export function decimal(tok: string | undefined): number {
  if (tok === undefined || tok.length === 0 || tok.length > 20) return -1;
  let v = 0;
  for (let i = 0; i < tok.length; i++) {
    const d = tok.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const U32_MAX = 0xffffffff;

function u32(tok: string | undefined): number {
  const v = decimal(tok);
  return v > U32_MAX ? -1 : v;
}

/** `[LBLK/LEN)` → [lblk, len], or null. */
function range(tok: string | undefined): [number, number] | null {
  if (tok === undefined || tok.charCodeAt(0) !== 91 || !tok.endsWith(')')) return null;
  const slash = tok.indexOf('/');
  if (slash < 0) return null;
  const lblk = u32(tok.slice(1, slash));
  const len = u32(tok.slice(slash + 1, -1));
  return lblk < 0 || len < 0 ? null : [lblk, len];
}

/** True when `line[at]` begins a word: line start, space, tab, or the `ext4:` of perf script. */
function wordStart(line: string, at: number): boolean {
  if (at === 0) return true;
  const c = line.charCodeAt(at - 1);
  return c === 32 || c === 9 || c === 58;
}

/** Start of the first `needle` that begins a word and runs to a colon before any space, or -1. */
function findName(line: string, needle: string): number {
  for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
    if (!wordStart(line, at)) continue;
    const colon = line.indexOf(':', at);
    const space = line.indexOf(' ', at);
    if (colon > 0 && (space < 0 || colon < space)) return at;
  }
  return -1;
}

/** A generic `...TIMESTAMP: NAME: ` or bare `NAME: ` event line (any subsystem). */
const OTHER_EVENT = /(?:^|\d\.\d+:\s+)([A-Za-z_][\w]*(?::[\w]+)?):(?:\s|$)/;
/** Lines `trace-cmd report` prints before the events. */
const PREAMBLE =
  /^(?:cpus=\d+|version = \S+|CPU \d+ is empty|trace-cmd: |Dropped |\s*CPU:\d+ \[LOST)/;

/** Classifies and parses one line (without its newline). Never throws. */
export function parseTraceLine(line: string): TraceLine {
  const es = findName(line, 'ext4_es_');
  const mark = findName(line, 'tracing_mark_write:');
  if (mark >= 0 && (es < 0 || mark < es))
    return { kind: 'marker', name: line.slice(mark + 19).trim() };
  if (es >= 0) {
    const colon = line.indexOf(':', es);
    let from = colon + 1;
    while (line.charCodeAt(from) === 32) from++;
    const parsed = parseEsFields(line.slice(es, colon), line.slice(from));
    if (parsed.kind === 'es') {
      const cpu = line.lastIndexOf('[', es);
      if (cpu > 0) parsed.task = line.slice(0, cpu).trim();
    }
    return parsed;
  }
  const trimmed = line.trimStart();
  if (trimmed.length === 0) return { kind: 'blank' };
  if (trimmed.charCodeAt(0) === 35) return { kind: 'comment' };
  if (PREAMBLE.test(line)) return { kind: 'comment' };
  const m = OTHER_EVENT.exec(line);
  if (m) {
    const event = m[1]!;
    // trace-cmd shows a marker as a `print` event (`print: tracing_mark_write: ...` is handled
    // above; older versions print `print: 0xffffffff81234567s: NAME`).
    if (event === 'print' || event === 'ftrace:print') {
      const rest = line.slice(m.index + m[0].length).trim();
      return { kind: 'marker', name: rest.replace(/^0x[0-9a-f]+s:\s*/, '') };
    }
    return { kind: 'other', event };
  }
  return { kind: 'unknown' };
}

function bad(event: string, reason: string): TraceLine {
  return { kind: 'malformed', event, reason };
}

/** No event has more than this many fields that matter; later ones are left unsplit. */
const MAX_TOKENS = 12;

/**
 * Splits on single spaces like `split(' ')` (so a trailing space gives an empty last token), but
 * stops after MAX_TOKENS: the hot path of a million-line import, kept free of regular expressions.
 */
function tokens(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (out.length < MAX_TOKENS - 1) {
    const sp = s.indexOf(' ', from);
    if (sp < 0) break;
    out.push(s.slice(from, sp));
    from = sp + 1;
  }
  out.push(s.slice(from));
  return out;
}

/** `M,m` in decimal. */
function isDev(tok: string | undefined): boolean {
  if (tok === undefined) return false;
  const comma = tok.indexOf(',');
  return comma > 0 && decimal(tok.slice(0, comma)) >= 0 && decimal(tok.slice(comma + 1)) >= 0;
}

/** The fields after `EVENT: `. */
export function parseEsFields(event: string, fields: string): TraceLine {
  const shape = EVENTS.get(event);
  if (shape === undefined) return bad(event, `unknown event ${event}`);
  // The table's own copy of the name: a constant string makes the importer's counting cheap.
  event = NAMES.get(event) ?? event;
  // Single spaces separate fields; a trailing space (an empty status) leaves an empty last token.
  const t = tokens(fields);
  if (t[0] !== 'dev' || !isDev(t[1])) return bad(event, 'expected "dev M,m"');
  const dev = t[1]!;
  const es = parseShape(shape, event, dev, t);
  return typeof es === 'string' ? bad(event, es) : { kind: 'es', event, task: '', es };
}

/** Parses tokens t (t[0..1] are `dev M,m`); returns the event or the reason it does not read. */
function parseShape(shape: Shape, event: string, dev: string, t: string[]): EsEvent | string {
  switch (shape) {
    case 'shrink_enter':
    case 'shrink_exit': {
      // 3.9 merge window: `nr to scan N` (the exit prints the number shrunk under that label);
      // v3.9: `nr_to_scan N cache_cnt C` / `shrunk_nr N cache_cnt C`; 3.19+: `nr_shrunk N ...`.
      const nr = t[2] === 'nr' && t[3] === 'to' && t[4] === 'scan' ? decimal(t[5]) : decimal(t[3]);
      const label = t[2];
      const okLabel =
        label === 'nr' ||
        (shape === 'shrink_enter'
          ? label === 'nr_to_scan'
          : label === 'shrunk_nr' || label === 'nr_shrunk');
      if (!okLabel || nr < 0)
        return `expected "${shape === 'shrink_enter' ? 'nr_to_scan' : 'nr_shrunk'} N"`;
      return shape === 'shrink_enter'
        ? { type: 'shrink_enter', dev, nr }
        : { type: 'shrink_exit', dev, shrunk: nr };
    }
    case 'count':
      return t[2] === 'nr_to_scan' && decimal(t[3]) >= 0
        ? { type: 'info', dev }
        : 'expected "nr_to_scan N"';
    case 'shrink':
      // `nr_shrunk 61, scan_time ...`: the kernel's format has a comma after the first value.
      return t[2] === 'nr_shrunk' && decimal(t[3]?.replace(/,$/, '')) >= 0
        ? { type: 'info', dev }
        : 'expected "nr_shrunk N,"';
    case 'reclaim_count':
      return t[2] === 'cached' && t[3] === 'objects' && t[4] === 'nr' && decimal(t[5]) >= 0
        ? { type: 'info', dev }
        : 'expected "cached objects nr N"';
    default:
      break;
  }
  if (t[2] !== 'ino') return 'expected "ino I"';
  const ino = t[3] ?? '';
  if (decimal(ino) < 0) return 'expected "ino I"';
  switch (shape) {
    case 'lookup_enter':
    case 'find_enter': {
      const lblk = t[4] === 'lblk' ? u32(t[5]) : -1;
      if (lblk < 0) return 'expected "lblk L"';
      return { type: shape, dev, ino, lblk };
    }
    case 'remove': {
      const r = t[4] === 'es' ? range(t[5]) : null;
      if (!r) return 'expected "es [LBLK/LEN)"';
      return { type: 'remove', dev, ino, lblk: r[0], len: r[1] };
    }
    case 'insert':
    case 'find_exit': {
      // `es [L/N) mapped P status S`, then whatever later kernels append (`allocated A`).
      const r = t[4] === 'es' ? range(t[5]) : null;
      if (!r) return 'expected "es [LBLK/LEN)"';
      const pblk = t[6] === 'mapped' ? decimal(t[7]) : -1;
      if (pblk < 0) return 'expected "mapped PBLK"';
      if (t[8] !== 'status') return 'expected "status S"';
      const status = parseTraceStatus(t[9] ?? '');
      if (!status) return `unreadable status "${t[9]}"`;
      const [lblk, len] = r;
      if (shape === 'find_exit') return { type: 'find_exit', dev, ino, lblk, len, pblk, status };
      return {
        type: 'insert',
        source: SOURCES[event] ?? 'insert',
        dev,
        ino,
        lblk,
        len,
        pblk,
        status,
      };
    }
    case 'lookup_exit': {
      // `found F [L/N) P S`; a miss prints an empty (3.11+) or zero (3.9) status.
      const found = t[4] === 'found' ? decimal(t[5]) : -1;
      if (found !== 0 && found !== 1) return 'expected "found 0|1"';
      const r = range(t[6]);
      if (!r) return 'expected "[LBLK/LEN)"';
      const pblk = decimal(t[7]);
      if (pblk < 0) return 'expected a physical block';
      const status = parseTraceStatus(t[8] ?? '');
      if (!status) return `unreadable status "${t[8]}"`;
      return {
        type: 'lookup_exit',
        dev,
        ino,
        found: found === 1,
        lblk: r[0],
        len: r[1],
        pblk,
        status,
      };
    }
    default:
      return `unhandled shape ${shape}`;
  }
}
