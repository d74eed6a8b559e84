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
    const r = new EngineHost().handleNow({ v: 2, id: 7, type: 'ping' });
    expect(r).toMatchObject({ v: 2, id: 7, type: 'pong' });
  });

  it('refuses a message of another protocol version as an error value', () => {
    const r = new EngineHost().handleNow({ v: 3, id: 3, type: 'ping' });
    expect(r).toMatchObject({ id: 3, type: 'error', code: 'EPROTO' });
  });

  it('returns an error value, not a throw, for a bad inode count on load', () => {
    const r = new EngineHost().handleNow({
      v: 2,
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
    h.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 2 }, ops: [], ino: 1 });
    const r = h.handleNow({
      v: 2,
      id: 2,
      type: 'apply',
      ops: [ins(1, 10, 5, 100), ins(1, 15, 5, 105)],
      ino: 1,
    });
    const s = snapshotOf(r);
    expect(r.type === 'snapshot' && r.results).toEqual([{ ret: 0 }, { ret: 0 }]);
    expect(s.cursor).toEqual({ op: 2, step: 0 });
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
    h.handleNow({
      v: 2,
      id: 1,
      type: 'load',
      base: { inodes: 1 },
      ops: [ins(1, 0, 4, 50)],
      ino: 1,
    });
    const before = snapshotOf(h.handleNow({ v: 2, id: 2, type: 'view', ino: 1 }));
    const r = h.handleNow({ v: 2, id: 3, type: 'apply', ops: [ins(1, 4294967290, 10, 5)], ino: 1 });
    expect(r.type === 'snapshot' && r.results[0]?.err).toBe('EINVAL');
    const after = snapshotOf(r);
    const state = (x: Snapshot) => ({
      detail: x.detail,
      lru: x.lru,
      inodes: x.inodes,
      count: x.inodeCount,
    });
    expect(state(after)).toEqual(state(before));
  });

  it('replays the log on load exactly as applying it op by op', () => {
    const ops = [
      ins(1, 0, 4, 50),
      ins(2, 8, 2, 9),
      { op: 'remove', ino: 1, lblk: 1, len: 1 } as Op,
    ];
    const a = new EngineHost();
    a.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 2 }, ops: [], ino: 1 });
    for (const op of ops) a.handleNow({ v: 2, id: 2, type: 'apply', ops: [op], ino: 1 });
    const b = new EngineHost();
    const rb = b.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 2 }, ops, ino: 1 });
    expect(snapshotOf(rb)).toEqual(snapshotOf(a.handleNow({ v: 2, id: 3, type: 'view', ino: 1 })));
  });

  it('grows the superblock with add_inodes and clamps the viewed inode', () => {
    const h = new EngineHost();
    h.handleNow({ v: 2, id: 1, type: 'load', base: { inodes: 1 }, ops: [], ino: 1 });
    const s = snapshotOf(
      h.handleNow({ v: 2, id: 2, type: 'apply', ops: [{ op: 'add_inodes', count: 3 }], ino: 9 }),
    );
    expect(s.inodeCount).toBe(3);
    expect(s.detail.ino).toBe(3);
  });

  it('keeps node ids stable while the tree rotates', () => {
    const h = new EngineHost();
    h.handleNow({
      v: 2,
      id: 1,
      type: 'load',
      base: { inodes: 1 },
      ops: [ins(1, 10, 1, 1)],
      ino: 1,
    });
    const first = snapshotOf(h.handleNow({ v: 2, id: 2, type: 'view', ino: 1 })).detail.nodes[0]!;
    const s = snapshotOf(
      h.handleNow({
        v: 2,
        id: 3,
        type: 'apply',
        ops: [ins(1, 20, 1, 50), ins(1, 30, 1, 90)],
        ino: 1,
      }),
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
    h.handleNow({ v: 2, id: 0, type: 'load', base: { inodes: header.inodes }, ops: [], ino: 1 });
    for (let i = 1; i < vector.length; i++) {
      const { op, expect: want } = JSON.parse(vector[i]!) as {
        op: unknown;
        expect: { state: { inodes: { ino: number; shape: string }[] } };
      };
      const parsed = parseOpObject(op);
      const ino = 'ino' in parsed ? parsed.ino : 1;
      const s = snapshotOf(h.handleNow({ v: 2, id: i, type: 'apply', ops: [parsed], ino }));
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

describe('EngineHost step debugger', () => {
  const load = (h: EngineHost, ops: Op[], inodes = 1) =>
    snapshotOf(h.handleNow({ v: 2, id: 1, type: 'load', base: { inodes }, ops, ino: 1 }));
  const rot: Op[] = [ins(1, 10, 1, 0, 'D'), ins(1, 30, 1, 0, 'D'), ins(1, 20, 1, 0, 'D')];

  it('EngineHost move steps into an op: the tree is drawn mid-operation and the focus names the step', () => {
    const h = new EngineHost();
    load(h, rot);
    h.handleNow({ v: 2, id: 2, type: 'seek', cursor: { op: 2, step: 0 }, ino: 1 });
    let s = snapshotOf(h.handleNow({ v: 2, id: 3, type: 'move', move: 'next', ino: 1 }));
    expect(s.cursor).toEqual({ op: 2, step: 1 });
    expect(s.focus).toMatchObject({ index: 2, command: 'insert 1 20 1 0 D', current: 0 });
    // walk to the first rotation
    while (s.focus!.steps[s.focus!.current]!.kind !== 'rotate')
      s = snapshotOf(h.handleNow({ v: 2, id: 4, type: 'move', move: 'next', ino: 1 }));
    expect(s.focus!.steps[s.focus!.current]!.fn).toBe('rb_insert_color');
    expect(s.detail.shape).toBe('10b(,20r(,30r))');
    expect(s.highlight.nodes.length).toBe(2);
    const back = snapshotOf(h.handleNow({ v: 2, id: 5, type: 'move', move: 'prev', ino: 1 }));
    expect(back.detail.shape).toBe('10b(,30r(20r,))');
  });

  it('EngineHost continue stops at a rotation and reports it', () => {
    const h = new EngineHost();
    load(h, rot);
    h.handleNow({ v: 2, id: 2, type: 'move', move: 'start', ino: 1 });
    const r = h.handleNow({
      v: 2,
      id: 3,
      type: 'continue',
      dir: 1,
      breakpoints: [{ on: 'category', category: 'rotation' }],
      ino: 1,
    });
    expect(r).toMatchObject({
      type: 'snapshot',
      hit: { breakpoint: { on: 'category', category: 'rotation' } },
    });
    expect(snapshotOf(r).cursor.op).toBe(2);
  });

  it('EngineHost apply in the past drops later ops and returns them', () => {
    const h = new EngineHost();
    load(h, rot);
    h.handleNow({ v: 2, id: 2, type: 'seek', cursor: { op: 1, step: 0 }, ino: 1 });
    const r = h.handleNow({ v: 2, id: 3, type: 'apply', ops: [ins(1, 50, 1, 0, 'D')], ino: 1 });
    expect(r).toMatchObject({ type: 'snapshot', dropped: [rot[1], rot[2]] });
    expect(snapshotOf(r)).toMatchObject({ cursor: { op: 2, step: 0 }, length: 2 });
  });

  it('EngineHost runs a workload as a job with progress, and Cancel leaves the log as it was', async () => {
    const h = new EngineHost(() => Promise.resolve());
    load(h, rot, 2);
    const progress: number[] = [];
    const r = await h.handle(
      {
        v: 2,
        id: 9,
        type: 'workload',
        params: {
          kind: 'mixed-pressure',
          files: 2,
          firstIno: 1,
          fileSize: 500,
          maxOps: 12_000,
          seed: 1,
          shrinkEvery: 100,
          shrinkNr: 8,
        },
        ino: 1,
      },
      (p) => p.type === 'progress' && progress.push(p.done),
    );
    expect(r).toMatchObject({ type: 'snapshot' });
    expect(progress.length).toBeGreaterThan(1);
    expect(snapshotOf(r).length).toBe(3 + 12_000);
    // cancel a second one: after its first chunk
    const job = h.handle(
      {
        v: 2,
        id: 10,
        type: 'workload',
        params: {
          kind: 'random-write',
          files: 1,
          firstIno: 1,
          fileSize: 500,
          maxOps: 20_000,
          seed: 2,
          shrinkEvery: 0,
          shrinkNr: 8,
        },
        ino: 1,
      },
      () => h.handleNow({ v: 2, id: 11, type: 'cancel', job: 10 }),
    );
    expect(await job).toMatchObject({ type: 'cancelled' });
    const after = snapshotOf(h.handleNow({ v: 2, id: 12, type: 'view', ino: 1 }));
    expect(after.length).toBe(3 + 12_000);
  });

  it('EngineHost imports a trace as a new session with its inode map and divergences', async () => {
    const h = new EngineHost(() => Promise.resolve());
    load(h, rot);
    const text = [
      'fio-131 [000] .... 13.975421: ext4_es_insert_extent: dev 253,0 ino 12 es [494/1) mapped 41454 status W',
      'fio-131 [000] .... 13.975425: ext4_es_lookup_extent_enter: dev 253,0 ino 12 lblk 494',
      'fio-131 [000] .... 13.975426: ext4_es_lookup_extent_exit: dev 253,0 ino 12 found 0 [0/0) 0 ',
    ].join('\n');
    const r = await h.handle({ v: 2, id: 5, type: 'import', text, name: 't.txt', ino: 1 });
    expect(r).toMatchObject({
      type: 'snapshot',
      imported: { name: 't.txt', ops: 2, inodes: [{ ino: 1, dev: '253,0', traceIno: '12' }] },
    });
    if (r.type !== 'snapshot') throw new Error();
    expect(r.imported!.divergences).toHaveLength(1);
    expect(r.added).toBe(2);
  });
});
