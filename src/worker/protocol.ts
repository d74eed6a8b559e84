/**
 * The message protocol between the explorer's main thread and the engine worker. Requests and
 * replies are discriminated unions on `type`; every reply carries the `id` of its request; errors
 * travel as values (`type: 'error'`), never as thrown exceptions across the boundary.
 *
 * Version 2 (the step debugger). A reply whose `v` differs from the client's is refused.
 */
import type { Breakpoint } from '../core/breakpoints.ts';
import type { ExtentTuple } from '../core/dump.ts';
import type { Op, OpResult } from '../core/ops.ts';
import type { SbStats, TreeStats } from '../core/stats.ts';
import type { StepCategory, StepKind } from '../core/steps.ts';
import type { WorkloadParams } from '../core/workloads.ts';
import type { Bins, Lod, LodView } from './bigTree.ts';
import type { Cursor, Move, TimelineBase } from './timeline.ts';

export const PROTOCOL_VERSION = 2 as const;

/**
 * Trees with more nodes than this are big: the page draws them on a canvas, and the worker sends
 * only the window the page looks at (BigDetail), never the whole tree.
 */
export const BIG_TREE = 4000;

/** The session as the worker replays it: a base (inode count or a state) plus an op log. */
export type SessionBase = TimelineBase;
export type { Cursor, Move };

type V = { v: 2; id: number };

export type Request =
  | (V & { type: 'ping' })
  /** Start over from `base` and replay `ops`; the cursor goes to `cursor` (default: the end). */
  | (V & { type: 'load'; base: SessionBase; ops: Op[]; cursor?: Cursor; ino: number })
  /**
   * Apply `ops` at the cursor: ops after it are dropped first (and sent back in `dropped`, so the
   * page can offer Undo). The cursor goes to the end.
   */
  | (V & { type: 'apply'; ops: Op[]; ino: number })
  /** Move the cursor to a position, or by one move of the step debugger. */
  | (V & { type: 'seek'; cursor: Cursor; ino: number })
  | (V & { type: 'move'; move: Move; ino: number })
  /** Run to the next (dir 1) or previous (dir -1) step that hits a breakpoint. */
  | (V & { type: 'continue'; dir: 1 | -1; breakpoints: Breakpoint[]; ino: number })
  /** A snapshot for another inode, state unchanged. */
  | (V & { type: 'view'; ino: number })
  /** A big tree's window moved (pan, zoom, table page): the detail for it, state unchanged. */
  | (V & { type: 'window'; ino: number; window: BigWindow })
  /** The extent covering logical block `lblk` of inode `ino` (any tree size). */
  | (V & { type: 'find'; ino: number; lblk: number })
  /** Long jobs: progress replies carry the request's id; `cancel` stops the job with that id. */
  | (V & { type: 'workload'; params: WorkloadParams; ino: number })
  | (V & { type: 'import'; text: string; name: string; ino: number })
  | (V & { type: 'cancel'; job: number })
  /** Open a link or a session file: decode, check, load; the reply carries the session. */
  | (V & { type: 'open'; format: 'link' | 'file'; text: string; ino: number })
  /** Encode the session (link or file), or the state at the cursor (a state link). */
  | (V & {
      type: 'encode';
      kind: 'link' | 'state' | 'file';
      selected: number;
      breakpoints: Breakpoint[];
      view: Record<string, string | number | boolean>;
    });

export type RequestType = Request['type'];

const REQUEST_TYPES: readonly RequestType[] = [
  'ping',
  'load',
  'apply',
  'seek',
  'move',
  'continue',
  'view',
  'window',
  'find',
  'workload',
  'import',
  'cancel',
  'open',
  'encode',
];

/** Distributes Omit over a union so each member keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request before the client stamps it with `v` and `id`. */
export type RequestBody = DistributiveOmit<Request, 'v' | 'id'>;

export type Reply =
  | (V & { type: 'pong'; engine: string })
  | (V & {
      type: 'snapshot';
      /** Results of the ops this request applied (load: all of them). */
      results: OpResult[];
      snapshot: Snapshot;
      /** apply: ops dropped from after the cursor. */
      dropped?: Op[];
      /** continue: what stopped it, or null when it ran to the end or the start. */
      hit?: { breakpoint: Breakpoint; text: string } | null;
      /** import: the import's report. */
      imported?: ImportSummary;
      /** workload and import: how many ops they added (the ops came with the progress). */
      added?: number;
      /** open: the session that was loaded. */
      session?: OpenedSession;
    })
  /** Progress of a job; a job that adds ops sends them here, a chunk at a time, in order. */
  | (V & { type: 'progress'; done: number; total: number; label: string; ops?: Op[] })
  | (V & { type: 'encoded'; text: string })
  /** window: the big tree's detail for the window (null when the tree is not big any more). */
  | (V & { type: 'window'; ino: number; big: BigDetail | null; at: Cursor })
  | (V & { type: 'found'; found: FoundBlock })
  | (V & { type: 'cancelled' })
  | (V & { type: 'error'; code: string; message: string });

/** A session opened from a link or a file, as the page keeps it. */
export interface OpenedSession {
  base: SessionBase;
  ops: Op[];
  selected: number;
  breakpoints: Breakpoint[];
  view: Record<string, string | number | boolean>;
}

/** What an import brought in, for the import panel. */
export interface ImportSummary {
  name: string;
  ops: number;
  inodes: { ino: number; dev: string; traceIno: string }[];
  bookmarks: { opIndex: number; name: string; line: number }[];
  divergences: { opIndex: number; line: number; kind: string; text: string }[];
  report: string;
  unparsed: { line: number; text: string }[];
}

/** One micro-step, as the timeline lists it. */
export interface StepBrief {
  kind: StepKind;
  category: StepCategory;
  fn: string;
  text: string;
  ino: number;
}

/** The op the timeline is showing: in progress (cursor inside it) or just done. */
export interface FocusOp {
  index: number;
  command: string;
  result: OpResult;
  steps: StepBrief[];
  /** Index of the last step applied (-1: none yet). */
  current: number;
}

/** One node of a drawn tree. `id` is the engine's node index: stable while the node lives. */
export interface TreeNode {
  id: number;
  lblk: number;
  len: number;
  /** null unless the status has W or U. */
  pblk: number | null;
  status: string;
  red: boolean;
  /** Parent's id, 0 for the root. */
  parent: number;
  side: 'root' | 'left' | 'right';
  /** Layout position in layout units (one unit = one node slot across, one level down). */
  x: number;
  depth: number;
}

/**
 * Everything the views draw for one inode. A tree of more than BIG_TREE nodes comes as `big`,
 * and then `extents`, `shape` and `nodes` are empty.
 */
export interface InodeDetail {
  ino: number;
  /** Extents in the tree. */
  count: number;
  big: BigDetail | null;
  lruNr: number;
  /** Node id of cache_es, 0 for none. */
  cacheId: number;
  /** lblk of cache_es, null for none (the vectors' `cache`). */
  cache: number | null;
  extents: ExtentTuple[];
  /** Preorder, as the vectors write it. */
  shape: string;
  /** Nodes in preorder. */
  nodes: TreeNode[];
  /** Layout bounds in layout units. */
  minX: number;
  maxX: number;
  maxDepth: number;
}

/** What the page looks at in a big tree: the tree view, a page of table rows, the block map. */
export interface BigWindow {
  /** null: the whole tree, as at "Fit". */
  tree: LodView | null;
  rows: { from: number; count: number };
  /**
   * The block range cut into `n` bins: [b0, b1) as it stands, or the share [u0, u1) of the range
   * the block map fits (`mapDomain`), which moves with the extents: an op past the end is then
   * answered with the bins of the view the page will show, with no second request. null: the
   * whole range in 400 bins.
   */
  bins: { b0: number; b1: number; n: number } | { u0: number; u1: number; n: number } | null;
}

/** A big tree as the page sees it: summaries plus the window it looks at. */
export interface BigDetail {
  height: number;
  blocks: number;
  /** lblk of the first extent and the end (exclusive) of the last. */
  first: number;
  end: number;
  /** In-order rank and depth of cache_es, or null. */
  cache: { rank: number; depth: number } | null;
  window: BigWindow;
  /** The view the drawing answers (the window's, or the whole tree). */
  view: LodView;
  lod: Lod;
  /** The whole tree at a coarse level of detail, for the minimap. */
  overview: Lod;
  rows: { from: number; extents: ExtentTuple[] };
  bins: Bins;
}

/** Where "Go to block" landed. */
export interface FoundBlock {
  ino: number;
  lblk: number;
  /** The extent covering the block, or null (then `near` is the next extent, if any). */
  extent: ExtentTuple | null;
  near: ExtentTuple | null;
  /** In-order rank and depth of the extent found (or of `near`). */
  rank: number;
  depth: number;
  /** Node id of the extent found. */
  id: number;
}

/** One inode in the LRU view. */
export interface InodeSummary {
  ino: number;
  lruNr: number;
  extents: number;
  onLru: boolean;
}

export interface Snapshot {
  /** Where the timeline stands, and how many ops the log holds. */
  cursor: Cursor;
  length: number;
  focus: FocusOp | null;
  /** Nodes (ids) of the selected inode to highlight: what the step names, and what it changed. */
  highlight: {
    nodes: number[];
    changed: number[];
    lruMoved: number[];
  };
  /** The shrinker's private list of scanned inodes, while a sweep is in progress. */
  scanned: number[] | null;
  /** The last lookup at or before the focus op, marked on the block map. */
  lookup: { ino: number; lblk: number } | null;
  /** The last shrink that reclaims (nr > 0) at or before the focus op: what the Shrinker replays. */
  sweep: { index: number; command: string } | null;
  stats: { tree: TreeStats; sb: SbStats };
  /** Reclaimable extents after each op, downsampled to at most 400 points (`every` ops each). */
  reclaimable: { points: number[]; every: number };
  inodeCount: number;
  /** `s_es_lru` from head (next scanned) to tail. */
  lru: number[];
  inodes: InodeSummary[];
  detail: InodeDetail;
}

/** True when `x` looks like a reply of this protocol version. */
export function isReply(x: unknown): x is Reply {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { v?: unknown; id?: unknown; type?: unknown };
  return (
    r.v === PROTOCOL_VERSION &&
    typeof r.id === 'number' &&
    (r.type === 'pong' ||
      r.type === 'snapshot' ||
      r.type === 'progress' ||
      r.type === 'encoded' ||
      r.type === 'window' ||
      r.type === 'found' ||
      r.type === 'cancelled' ||
      r.type === 'error')
  );
}

/** True when `x` looks like a request of this protocol version. */
export function isRequest(x: unknown): x is Request {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { v?: unknown; id?: unknown; type?: unknown };
  return (
    r.v === PROTOCOL_VERSION &&
    typeof r.id === 'number' &&
    REQUEST_TYPES.includes(r.type as RequestType)
  );
}
