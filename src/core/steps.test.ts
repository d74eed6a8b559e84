/**
 * The micro-steps are faithful: applied in order to the state before each op of every
 * conformance vector they end in the vector's state, every intermediate tree is a valid binary
 * search tree, and each op's rotations are the kernel's own (recorded in test/rotations/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dumpState, type SbState } from './dump.ts';
import { newSuperblock, parseOpObject, resultFields } from './ops.ts';
import { snapshotInode, type NodeRec } from './snapshot.ts';
import { recordOp, stepSummary, type Step } from './steps.ts';
import type { Superblock } from './superblock.ts';

const root = join(import.meta.dirname, '../..');
const files = readdirSync(join(root, 'test/conformance')).filter((f) => f.endsWith('.jsonl.gz'));

/** The state as steps see it: node records by id per inode, roots, caches, counters, LRU. */
interface StepModel {
  nodes: Map<number, NodeRec>[];
  root: number[];
  cache: number[];
  lruNr: number[];
  lru: number[];
}

function modelOf(sb: Superblock): StepModel {
  const m: StepModel = {
    nodes: [new Map()],
    root: [0],
    cache: [0],
    lruNr: [0],
    lru: sb.lruOrder(),
  };
  for (let i = 1; i <= sb.inodeCount; i++) {
    const s = snapshotInode(sb, i);
    m.nodes.push(new Map(s.nodes.map((n) => [n.id, n])));
    m.root.push(s.root);
    m.cache.push(s.cache);
    m.lruNr.push(s.lruNr);
  }
  return m;
}

function applyStep(m: StepModel, s: Step): void {
  if (s.ino) {
    const nodes = m.nodes[s.ino]!;
    for (const rec of s.changes) nodes.set(rec.id, rec);
    for (const id of s.freed) nodes.delete(id);
    m.root[s.ino] = s.root;
    m.cache[s.ino] = s.cache;
    m.lruNr[s.ino] = s.lruNr;
  }
  if (s.lru) m.lru = s.lru;
}

/** In-order walk from the root through child links; null when it is not a valid BST. */
function inorder(nodes: Map<number, NodeRec>, rootId: number): NodeRec[] | null {
  const out: NodeRec[] = [];
  const walk = (id: number, depth: number): boolean => {
    if (id === 0) return true;
    const n = nodes.get(id);
    if (!n || depth > 200) return false;
    if (!walk(n.left, depth + 1)) return false;
    out.push(n);
    return walk(n.right, depth + 1);
  };
  if (!walk(rootId, 0)) return null;
  for (let i = 1; i < out.length; i++) if (out[i]!.lblk <= out[i - 1]!.lblk) return null;
  return out;
}

function shapeOf(nodes: Map<number, NodeRec>, id: number): string {
  if (id === 0) return '';
  const n = nodes.get(id)!;
  const s = `${n.lblk}${n.color}`;
  return n.left || n.right ? `${s}(${shapeOf(nodes, n.left)},${shapeOf(nodes, n.right)})` : s;
}

function dumpModel(m: StepModel): SbState {
  return {
    lru: m.lru,
    inodes: m.nodes.slice(1).map((nodes, i) => {
      const ino = i + 1;
      const list = inorder(nodes, m.root[ino]!) ?? [];
      const cache = m.cache[ino]!;
      return {
        ino,
        lru_nr: m.lruNr[ino]!,
        cache: cache ? nodes.get(cache)!.lblk : null,
        extents: list.map((n) => [n.lblk, n.len, n.status, n.pblk]),
        shape: shapeOf(nodes, m.root[ino]!),
      };
    }),
  };
}

describe('recordOp', () => {
  for (const file of files) {
    it(`recordOp steps of ${file} rebuild each state, stay valid trees and rotate like the kernel`, () => {
      const lines = gunzipSync(readFileSync(join(root, 'test/conformance', file)))
        .toString()
        .trim()
        .split('\n');
      const rotations = JSON.parse(
        readFileSync(join(root, 'test/rotations', file.replace('.jsonl.gz', '.rot.json')), 'utf8'),
      ) as [number, number][][];
      const sb = newSuperblock((JSON.parse(lines[0]!) as { inodes: number }).inodes);
      let stepsSeen = 0;
      for (let i = 1; i < lines.length; i++) {
        const v = JSON.parse(lines[i]!) as { op: unknown; expect: Record<string, unknown> };
        const op = parseOpObject(v.op);
        const model = modelOf(sb);
        const { result, steps } = recordOp(sb, op);
        stepsSeen += steps.length;
        const where = `${file} op ${i}: ${JSON.stringify(v.op)}`;
        for (const [k, s] of steps.entries()) {
          applyStep(model, s);
          if (s.ino && inorder(model.nodes[s.ino]!, model.root[s.ino]!) === null)
            expect.fail(`${where}: not a valid BST after step ${k} (${s.kind}: ${s.text})`);
          expect(s.fn, where).toMatch(/^(ext4_|__es_|rb_)/);
          expect(s.text.length, where).toBeGreaterThan(5);
        }
        const { state: wantState, ...wantResult } = v.expect;
        expect(resultFields(result), where).toEqual(wantResult);
        if (!result.err) expect(dumpModel(model), where).toEqual(wantState);
        expect(dumpState(sb), where).toEqual(wantState);
        const rot = steps.filter((s) => s.kind === 'rotate').map((s) => [s.refs.down, s.refs.up]);
        expect(rot, `${where}: rotations`).toEqual(rotations[i - 1]);
      }
      expect(stepsSeen).toBeGreaterThan(lines.length);
    });
  }
});

describe('stepSummary', () => {
  it('stepSummary names a rotation by the lblk of the nodes rotated down and up', () => {
    const sb = newSuperblock(1);
    recordOp(sb, { op: 'insert', ino: 1, lblk: 10, len: 1, pblk: 0, status: 'D' });
    recordOp(sb, { op: 'insert', ino: 1, lblk: 30, len: 1, pblk: 0, status: 'D' });
    const { steps } = recordOp(sb, {
      op: 'insert',
      ino: 1,
      lblk: 20,
      len: 1,
      pblk: 0,
      status: 'D',
    });
    const rot = steps.filter((s) => s.kind === 'rotate').map(stepSummary);
    expect(rot).toMatchObject([
      { kind: 'rotate', fn: 'rb_insert_color', down: 30, up: 20 },
      { kind: 'rotate', fn: 'rb_insert_color', down: 10, up: 20 },
    ]);
    expect(String(rot[0]!.text)).toMatch(/insert case 2: right-rotate at 30/);
  });
  it('recordOp explains a split with its real numbers and records no steps on an error', () => {
    const sb = newSuperblock(1);
    recordOp(sb, { op: 'insert', ino: 1, lblk: 10, len: 20, pblk: 100, status: 'W' });
    const { steps } = recordOp(sb, { op: 'remove', ino: 1, lblk: 12, len: 2 });
    const split = steps.find((s) => s.kind === 'split')!;
    expect(split.text).toBe(
      'the range is inside the extent: split it, [10/2) stays and [14/16) is re-inserted (so it becomes cache_es)',
    );
    expect(steps.at(-1)).toMatchObject({ kind: 'cache_set', refs: { node: 14 } });
    expect(recordOp(sb, { op: 'remove', ino: 1, lblk: 4294967295, len: 1 }).steps).toEqual([]);
    expect(sb.tracer).toBeNull();
  });
});
