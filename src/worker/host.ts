/**
 * The engine host: owns the superblock, the session (base + op log) and the replay, and answers
 * protocol requests. Pure (no `self`, no `postMessage`), so unit tests drive it directly; the
 * worker entry `esx.worker.ts` only wires it to messages.
 */
import { dumpExtents, dumpShape } from '../core/dump.ts';
import { NIL } from '../core/rbtree.ts';
import { applyOp, newSuperblock, type Op, type OpResult } from '../core/ops.ts';
import { EsError } from '../core/errors.ts';
import type { Superblock } from '../core/superblock.ts';
import { layoutRbTree } from './layout.ts';
import {
  PROTOCOL_VERSION,
  isRequest,
  type InodeDetail,
  type InodeSummary,
  type Reply,
  type SessionBase,
  type Snapshot,
} from './protocol.ts';

export class EngineHost {
  private base: SessionBase = { inodes: 1 };
  private log: Op[] = [];
  private sb: Superblock = newSuperblock(1);

  /** Answers one request. Never throws: a failure becomes an `error` reply. */
  handle(msg: unknown): Reply {
    if (!isRequest(msg)) {
      const id = typeof msg === 'object' && msg !== null ? (msg as { id?: unknown }).id : undefined;
      return {
        v: PROTOCOL_VERSION,
        id: typeof id === 'number' ? id : -1,
        type: 'error',
        code: 'EPROTO',
        message: `not a protocol v${PROTOCOL_VERSION} request`,
      };
    }
    try {
      switch (msg.type) {
        case 'ping':
          return { v: 1, id: msg.id, type: 'pong', engine: 'esx-3.9-merge-window' };
        case 'load': {
          const sb = newSuperblock(msg.base.inodes);
          const results = msg.ops.map((op) => applyOp(sb, op));
          this.base = { ...msg.base };
          this.log = [...msg.ops];
          this.sb = sb;
          return { v: 1, id: msg.id, type: 'snapshot', results, snapshot: this.snapshot(msg.ino) };
        }
        case 'apply': {
          const results: OpResult[] = [];
          for (const op of msg.ops) {
            results.push(applyOp(this.sb, op));
            this.log.push(op);
          }
          return { v: 1, id: msg.id, type: 'snapshot', results, snapshot: this.snapshot(msg.ino) };
        }
        case 'view':
          return {
            v: 1,
            id: msg.id,
            type: 'snapshot',
            results: [],
            snapshot: this.snapshot(msg.ino),
          };
      }
    } catch (e) {
      const code = e instanceof EsError ? e.code : 'EINTERNAL';
      const message = e instanceof Error ? e.message : String(e);
      return { v: 1, id: msg.id, type: 'error', code, message };
    }
  }

  /** The session as the worker holds it (for tests and, later, checkpoints). */
  session(): { base: SessionBase; ops: readonly Op[] } {
    return { base: this.base, ops: this.log };
  }

  private snapshot(ino: number): Snapshot {
    const sb = this.sb;
    const inodes: InodeSummary[] = [];
    for (let i = 1; i <= sb.inodeCount; i++) {
      let count = 0;
      for (let n = sb.pool.rbFirst(i); n !== NIL; n = sb.pool.rbNext(n)) count++;
      inodes.push({ ino: i, lruNr: sb.lruNr[i]!, extents: count, onLru: sb.onLru(i) });
    }
    const sel = Math.min(Math.max(1, Math.trunc(ino) || 1), sb.inodeCount);
    return {
      cursor: this.log.length,
      inodeCount: sb.inodeCount,
      lru: sb.lruOrder(),
      inodes,
      detail: this.detail(sel),
    };
  }

  private detail(ino: number): InodeDetail {
    const sb = this.sb;
    const cacheId = sb.cacheEs[ino]!;
    const layout = layoutRbTree(sb.pool, ino);
    return {
      ino,
      lruNr: sb.lruNr[ino]!,
      cacheId,
      cache: cacheId === NIL ? null : sb.pool.lblk[cacheId]!,
      extents: dumpExtents(sb, ino),
      shape: dumpShape(sb, ino),
      ...layout,
    };
  }
}
