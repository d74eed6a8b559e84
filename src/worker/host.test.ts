import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseOpObject, type Op } from '../core/ops.ts';
import { EngineHost } from './host.ts';
import type { Reply, Snapshot, TreeNode } from './protocol.ts';
import { shapeFromNodes } from './shape.ts';

function snapshotOf(r: Reply): Snapshot {
  if (r.type !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(r)}`);
  return r.snapshot;
}

const ins = (ino: number, lblk: number, len: number, pblk: number, status = 'W'): Op => ({
  op: 'insert',
  ino,
  lblk,
  len,
  pblk,
  status,
});

describe('EngineHost.handle', () => {
  it('answers ping with pong and the same id', () => {
    const r = new EngineHost().handle({ v: 1, id: 7, type: 'ping' });
    expect(r).toMatchObject({ v: 1, id: 7, type: 'pong' });
  });

  it('refuses a message of another protocol version as an error value', () => {
    const r = new EngineHost().handle({ v: 2, id: 3, type: 'ping' });
    expect(r).toMatchObject({ id: 3, type: 'error', code: 'EPROTO' });
  });

  it('returns an error value, not a throw, for a bad inode count on load', () => {
    const r = new EngineHost().handle({
      v: 1,
      id: 1,
      type: 'load',
      base: { inodes: 0 },
      ops: [],
      ino: 1,
    });
    expect(r).toMatchObject({ type: 'error', code: 'EBADARG' });
  });

  it('applies ops, appends them to its log and reports results per op', () => {
    const h = new EngineHost();
    h.handle({ v: 1, id: 1, type: 'load', base: { inodes: 2 }, ops: [], ino: 1 });
    const r = h.handle({
      v: 1,
      id: 2,
      type: 'apply',
      ops: [ins(1, 10, 5, 100), ins(1, 15, 5, 105)],
      ino: 1,
    });
    const s = snapshotOf(r);
    expect(r.type === 'snapshot' && r.results).toEqual([{ ret: 0 }, { ret: 0 }]);
    expect(s.cursor).toBe(2);
    expect(s.detail.extents).toEqual([[10, 10, 'W', 100]]);
    expect(s.detail.cache).toBe(10);
    expect(s.lru).toEqual([1]);
    expect(s.inodes).toEqual([
      { ino: 1, lruNr: 1, extents: 1, onLru: true },
      { ino: 2, lruNr: 0, extents: 0, onLru: false },
    ]);
    expect(h.session().ops).toHaveLength(2);
  });

  it('leaves the state unchanged on EINVAL and carries the error in the result', () => {
    const h = new EngineHost();
    h.handle({ v: 1, id: 1, type: 'load', base: { inodes: 1 }, ops: [ins(1, 0, 4, 50)], ino: 1 });
    const before = snapshotOf(h.handle({ v: 1, id: 2, type: 'view', ino: 1 }));
    const r = h.handle({ v: 1, id: 3, type: 'apply', ops: [ins(1, 4294967290, 10, 5)], ino: 1 });
    expect(r.type === 'snapshot' && r.results[0]?.err).toBe('EINVAL');
    const after = snapshotOf(r);
    expect({ ...after, cursor: 0 }).toEqual({ ...before, cursor: 0 });
  });

  it('replays the log on load exactly as applying it op by op', () => {
    const ops = [
      ins(1, 0, 4, 50),
      ins(2, 8, 2, 9),
      { op: 'remove', ino: 1, lblk: 1, len: 1 } as Op,
    ];
    const a = new EngineHost();
    a.handle({ v: 1, id: 1, type: 'load', base: { inodes: 2 }, ops: [], ino: 1 });
    for (const op of ops) a.handle({ v: 1, id: 2, type: 'apply', ops: [op], ino: 1 });
    const b = new EngineHost();
    const rb = b.handle({ v: 1, id: 1, type: 'load', base: { inodes: 2 }, ops, ino: 1 });
    expect(snapshotOf(rb)).toEqual(snapshotOf(a.handle({ v: 1, id: 3, type: 'view', ino: 1 })));
  });

  it('grows the superblock with add_inodes and clamps the viewed inode', () => {
    const h = new EngineHost();
    h.handle({ v: 1, id: 1, type: 'load', base: { inodes: 1 }, ops: [], ino: 1 });
    const s = snapshotOf(
      h.handle({ v: 1, id: 2, type: 'apply', ops: [{ op: 'add_inodes', count: 3 }], ino: 9 }),
    );
    expect(s.inodeCount).toBe(3);
    expect(s.detail.ino).toBe(3);
  });

  it('keeps node ids stable while the tree rotates', () => {
    const h = new EngineHost();
    h.handle({ v: 1, id: 1, type: 'load', base: { inodes: 1 }, ops: [ins(1, 10, 1, 1)], ino: 1 });
    const first = snapshotOf(h.handle({ v: 1, id: 2, type: 'view', ino: 1 })).detail.nodes[0]!;
    const s = snapshotOf(
      h.handle({ v: 1, id: 3, type: 'apply', ops: [ins(1, 20, 1, 50), ins(1, 30, 1, 90)], ino: 1 }),
    );
    // Inserting 20 then 30 rotates left: 20 becomes the root, 10 its left child, same id.
    expect(s.detail.shape).toBe('20b(10r,30r)');
    const ten = s.detail.nodes.find((n) => n.lblk === 10)!;
    expect(ten.id).toBe(first.id);
    expect(ten.side).toBe('left');
  });
});

describe('layoutRbTree (through snapshots)', () => {
  const vector = gunzipSync(
    readFileSync(join(import.meta.dirname, '../../test/conformance/small-random-1.jsonl.gz')),
  )
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
  const header = JSON.parse(vector[0]!) as { inodes: number };

  it('draws exactly the vector shape, lone children on their side, no two nodes on one spot (small-random-1)', () => {
    const h = new EngineHost();
    h.handle({ v: 1, id: 0, type: 'load', base: { inodes: header.inodes }, ops: [], ino: 1 });
    for (let i = 1; i < vector.length; i++) {
      const { op, expect: want } = JSON.parse(vector[i]!) as {
        op: unknown;
        expect: { state: { inodes: { ino: number; shape: string }[] } };
      };
      const parsed = parseOpObject(op);
      const ino = 'ino' in parsed ? parsed.ino : 1;
      const s = snapshotOf(h.handle({ v: 1, id: i, type: 'apply', ops: [parsed], ino }));
      const wantShape = want.state.inodes.find((x) => x.ino === ino)!.shape;
      expect(shapeFromNodes(s.detail.nodes), `op ${i}`).toBe(wantShape);
      checkGeometry(s.detail.nodes, i);
    }
  });
});

function checkGeometry(nodes: TreeNode[], at: number) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const spots = new Set<string>();
  for (const n of nodes) {
    const spot = `${n.depth}:${n.x.toFixed(3)}`;
    expect(spots.has(spot), `op ${at}: two nodes at ${spot}`).toBe(false);
    spots.add(spot);
    const p = byId.get(n.parent);
    if (!p) continue;
    expect(n.depth, `op ${at}`).toBe(p.depth + 1);
    if (n.side === 'left')
      expect(n.x, `op ${at}: left child ${n.lblk} not left of ${p.lblk}`).toBeLessThan(p.x);
    else expect(n.x, `op ${at}: right child ${n.lblk} not right of ${p.lblk}`).toBeGreaterThan(p.x);
  }
}
