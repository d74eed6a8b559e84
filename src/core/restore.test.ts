import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dumpState, type SbState } from './dump.ts';
import { EsError } from './errors.ts';
import { applyOp, newSuperblock, parseOpObject } from './ops.ts';
import { parseShape, restoreState } from './restore.ts';

const root = join(import.meta.dirname, '../..');

function why(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof EsError) return e.message;
    throw e;
  }
  return 'accepted';
}

describe('restoreState', () => {
  it('restoreState rebuilds every state of a vector exactly, and the engine goes on from it alike', () => {
    const lines = gunzipSync(readFileSync(join(root, 'test/conformance/large-1.jsonl.gz')))
      .toString()
      .trim()
      .split('\n');
    const sb = newSuperblock(3);
    for (let i = 1; i < lines.length; i++) {
      const v = JSON.parse(lines[i]!) as { op: unknown; expect: { state: SbState } };
      applyOp(sb, parseOpObject(v.op));
      if (i % 50 !== 0) continue;
      const copy = restoreState(v.expect.state);
      expect(dumpState(copy)).toEqual(v.expect.state);
      // continue both with the next ops: identical results and states
      const a = sb.clone();
      for (let j = i + 1; j < Math.min(i + 20, lines.length); j++) {
        const op = parseOpObject((JSON.parse(lines[j]!) as { op: unknown }).op);
        expect(applyOp(copy, op)).toEqual(applyOp(a, op));
        expect(dumpState(copy)).toEqual(dumpState(a));
      }
    }
  });
  it('restoreState refuses inconsistent states with the reason', () => {
    const good: SbState = {
      lru: [1],
      inodes: [
        {
          ino: 1,
          lru_nr: 2,
          cache: 20,
          extents: [
            [10, 5, 'W', 100],
            [20, 5, 'D', null],
            [30, 5, 'U', 300],
          ],
          shape: '20b(10r,30r)',
        },
      ],
    };
    expect(dumpState(restoreState(good))).toEqual(good);
    const mutate = (f: (s: SbState) => void) => {
      const s = structuredClone(good);
      f(s);
      return why(() => restoreState(s));
    };
    expect(mutate((s) => (s.inodes[0]!.shape = '20r(10r,30r)'))).toMatch(/root is red/);
    expect(mutate((s) => (s.inodes[0]!.shape = '20b(10b,30r)'))).toMatch(/black height/);
    expect(mutate((s) => (s.inodes[0]!.shape = '20b(10r,)'))).toMatch(/2 nodes but there are 3/);
    expect(mutate((s) => (s.inodes[0]!.lru_nr = 3))).toMatch(/lru_nr is 3/);
    expect(mutate((s) => (s.inodes[0]!.cache = 12))).toMatch(/cache 12/);
    expect(mutate((s) => (s.inodes[0]!.extents[0]![1] = 15))).toMatch(/overlaps/);
    expect(mutate((s) => (s.inodes[0]!.extents[1]![3] = 5))).toMatch(/pblk must be null/);
    expect(mutate((s) => (s.inodes[0]!.extents[0]![2] = 'X'))).toMatch(/bad status/);
    expect(mutate((s) => (s.lru = [1, 1]))).toMatch(/repeated/);
    expect(mutate((s) => (s.lru = [2]))).toMatch(/unknown/);
    expect(mutate((s) => (s.inodes[0]!.ino = 2))).toMatch(/must be inode 1/);
    expect(why(() => restoreState({ lru: [], inodes: [] }))).toMatch(/inode count/);
    expect(why(() => restoreState(null as unknown as SbState))).toMatch(/expected/);
  });
});

describe('parseShape', () => {
  it('parseShape reads lone children on their own side and rejects bad syntax', () => {
    expect(parseShape('10b(,20r)')).toEqual({
      lblk: 10,
      red: false,
      left: null,
      right: { lblk: 20, red: true, left: null, right: null },
    });
    expect(parseShape('10b(20r,)')?.left?.lblk).toBe(20);
    expect(parseShape('')).toBeNull();
    for (const bad of [
      '10',
      '10x',
      '10b(',
      '10b(,)',
      '10b(5r,20r',
      '10b(5r,20r))',
      '10b)',
      '(5r,)',
      '10b(5r,(1r,))',
      '99999999999b',
    ]) {
      expect(
        why(() => parseShape(bad)),
        bad,
      ).toMatch(/^shape:/);
    }
  });
  it('parseShape handles a very deep shape without recursion', () => {
    let s = '';
    for (let k = 0; k < 50_000; k++) s += `${k}b(,`;
    s += '50000r' + ')'.repeat(50_000);
    let n = parseShape(s);
    let depth = 0;
    while (n) {
      depth++;
      n = n.right;
    }
    expect(depth).toBe(50_001);
  });
});
