/**
 * The message protocol between the explorer's main thread and the engine worker. Requests and
 * replies are discriminated unions on `type`; every reply carries the `id` of its request; errors
 * travel as values (`type: 'error'`), never as thrown exceptions across the boundary.
 *
 * Version 1. A reply whose `v` differs from the client's is refused by the client.
 */
import type { ExtentTuple } from '../core/dump.ts';
import type { Op, OpResult } from '../core/ops.ts';

export const PROTOCOL_VERSION = 1 as const;

/** The session as the worker replays it: a base (inode count) plus an op log up to `cursor`. */
export interface SessionBase {
  inodes: number;
}

export type Request =
  | { v: 1; id: number; type: 'ping' }
  /** Start over from `base` and replay `ops` (all of them); reply with a snapshot for `ino`. */
  | { v: 1; id: number; type: 'load'; base: SessionBase; ops: Op[]; ino: number }
  /** Append `ops` to the session in the worker and apply them; reply with results and a snapshot. */
  | { v: 1; id: number; type: 'apply'; ops: Op[]; ino: number }
  /** A snapshot for another inode, state unchanged. */
  | { v: 1; id: number; type: 'view'; ino: number };

export type RequestType = Request['type'];

/** Distributes Omit over a union so each member keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request before the client stamps it with `v` and `id`. */
export type RequestBody = DistributiveOmit<Request, 'v' | 'id'>;

export type Reply =
  | { v: 1; id: number; type: 'pong'; engine: string }
  | { v: 1; id: number; type: 'snapshot'; results: OpResult[]; snapshot: Snapshot }
  | { v: 1; id: number; type: 'error'; code: string; message: string };

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

/** Everything the views draw for one inode. */
export interface InodeDetail {
  ino: number;
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

/** One inode in the LRU view. */
export interface InodeSummary {
  ino: number;
  lruNr: number;
  extents: number;
  onLru: boolean;
}

export interface Snapshot {
  /** Ops the worker has applied in this session (the cursor, for now always the log's end). */
  cursor: number;
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
    (r.type === 'pong' || r.type === 'snapshot' || r.type === 'error')
  );
}

/** True when `x` looks like a request of this protocol version. */
export function isRequest(x: unknown): x is Request {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { v?: unknown; id?: unknown; type?: unknown };
  return (
    r.v === PROTOCOL_VERSION &&
    typeof r.id === 'number' &&
    (r.type === 'ping' || r.type === 'load' || r.type === 'apply' || r.type === 'view')
  );
}
