import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkFile } from './check.ts';
import { ScannedOp, scanOpLine } from './fastOps.ts';
import { canonicalJson } from './io.ts';
import { replayFile } from './replay.ts';
import { makeWorkload, workloadLine } from './workload.ts';

const root = join(import.meta.dirname, '../..');
const vector = (name: string) => join(root, 'test/conformance', name);
const tmp = mkdtempSync(join(tmpdir(), 'esx-cli-'));

function replay(file: string, quiet = false): string {
  let out = '';
  replayFile(file, { quiet, write: (s) => (out += s) });
  return out;
}

function esx(...args: string[]) {
  return spawnSync('node', [join(root, 'bin/esx.mjs'), ...args], { encoding: 'utf8' });
}

describe('replayFile', () => {
  it('replayFile of a vector file reproduces every expect line exactly', () => {
    for (const name of [
      'small-random-1.jsonl.gz',
      'shrinker-lru-2.jsonl.gz',
      'big-numbers-1.jsonl.gz',
    ]) {
      const lines = gunzipSync(readFileSync(vector(name)))
        .toString()
        .trim()
        .split('\n')
        .slice(1);
      const out = replay(vector(name)).trim().split('\n');
      expect(out.length).toBe(lines.length);
      out.forEach((line, i) => {
        const want = (JSON.parse(lines[i]!) as { expect: unknown }).expect;
        expect(canonicalJson(JSON.parse(line)), `${name} op ${i + 1}`).toBe(canonicalJson(want));
      });
    }
  });
  it('replayFile --quiet prints the op count and the final state', () => {
    const lines = gunzipSync(readFileSync(vector('large-1.jsonl.gz')))
      .toString()
      .trim()
      .split('\n');
    const last = JSON.parse(lines.at(-1)!) as { expect: { state: unknown } };
    const out = JSON.parse(replay(vector('large-1.jsonl.gz'), true)) as {
      ops: number;
      state: unknown;
    };
    expect(out.ops).toBe(1200);
    expect(canonicalJson(out.state)).toBe(canonicalJson(last.expect.state));
  });
  it('replayFile takes the fast reader and the JSON path to the same state', () => {
    const w = makeWorkload(20_000, 7, 4, 5000, 16);
    const header = '{"format":"esx-ops/1","inodes":4}';
    const body = Array.from({ length: w.count }, (_, k) => workloadLine(w, k));
    const fast = join(tmp, 'fast.jsonl');
    writeFileSync(fast, [header, ...body].join('\n') + '\n');
    // the same ops with a key the fast reader declines: JSON.parse takes every line
    const slow = join(tmp, 'slow.jsonl');
    writeFileSync(
      slow,
      [header, ...body.map((l) => l.replace('{', '{"note":"x",'))].join('\n') + '\n',
    );
    const a = replay(fast, true);
    const b = replay(slow, true);
    expect(JSON.parse(a)).toMatchObject({ ops: 20_000 });
    expect(a).toBe(b);
  });
  it('replayFile reports a malformed line with its number', () => {
    const f = join(tmp, 'bad.jsonl');
    writeFileSync(
      f,
      '{"format":"esx-ops/1","inodes":2}\n{"op":"lookup","ino":1,"lblk":3}\n{"op":"lookup","ino":1\n',
    );
    expect(() => replay(f, true)).toThrow(/bad\.jsonl:3: not valid JSON/);
    writeFileSync(
      f,
      '{"format":"esx-ops/1","inodes":2}\n{"op":"insert","ino":1,"lblk":3,"len":1,"status":"Q"}\n',
    );
    expect(() => replay(f, true)).toThrow(/bad\.jsonl:2: status must be/);
    writeFileSync(f, '{"format":"esx-ops/9","inodes":2}\n');
    expect(() => replay(f, true)).toThrow(/bad\.jsonl:1: unknown format/);
    writeFileSync(f, '');
    expect(() => replay(f, true)).toThrow(/empty file/);
  });
});

describe('scanOpLine', () => {
  const enc = new TextEncoder();
  const scan = (s: string) => {
    const out = new ScannedOp();
    const b = enc.encode(s);
    return scanOpLine(b, 0, b.length, out) ? { ...out } : null;
  };
  it('scanOpLine reads the plain form into numbers', () => {
    expect(
      scan('{"op":"insert","ino":2,"lblk":10,"len":5,"pblk":281474976710655,"status":"UD"}'),
    ).toEqual({
      kind: 1,
      ino: 2,
      lblk: 10,
      len: 5,
      pblk: 281474976710655,
      status: 6,
      nr: -1,
    });
    expect(scan(' { "op" : "shrink" , "nr" : 0 } ')).toMatchObject({ kind: 5, nr: 0 });
  });
  it('scanOpLine declines what only JSON.parse should judge', () => {
    for (const s of [
      '{"op":"lookup","ino":1,"lblk":1.5}',
      '{"op":"lookup","ino":1,"lblk":1e3}',
      '{"op":"lookup","ino":1,"lblk":-1}',
      '{"op":"lookup","ino":1,"lblk":null}',
      '{"op":"lookup","ino":1,"lblk":01}',
      '{"op":"look\\u0075p","ino":1,"lblk":1}',
      '{"op":"lookup","ino":1,"lblk":1,"x":2}',
      '{"op":"nope","ino":1}',
      '{"op":"lookup","ino":1,"lblk":1} trailing',
      '{"op":"insert","status":"WX"}',
      '{"op":"insert","status":5}',
      '{"ino":{"a":1}}',
      '[1]',
      '{"op":"lookup","ino":1,"lblk":1234567890123456}',
    ]) {
      expect(scan(s), s).toBeNull();
    }
  });
});

describe('checkFile', () => {
  it('checkFile names the file, the op index and the difference when a vector disagrees', () => {
    const lines = gunzipSync(readFileSync(vector('holes-1.jsonl.gz')))
      .toString()
      .trim()
      .split('\n');
    const v = JSON.parse(lines[5]!) as { expect: { state: { lru: number[] } } };
    v.expect.state.lru = [99];
    lines[5] = JSON.stringify(v);
    const f = join(tmp, 'tampered.jsonl.gz');
    writeFileSync(f, gzipSync(lines.join('\n') + '\n'));
    const verdict = checkFile(f);
    expect(verdict.failed).toBeGreaterThanOrEqual(1);
    expect(verdict.first?.index).toBe(5);
    expect(verdict.first?.expected).toContain('[99]');
    expect(checkFile(join(tmp, 'missing.gz')).error).toMatch(/ENOENT/);
  });
});

describe('esx command', () => {
  it('esx check prints a line per file and the ops total, exit 0 when all pass', () => {
    const r = esx('check', vector('merge-heavy-1.jsonl.gz'), vector('holes-2.jsonl.gz'));
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1000 passed, 0 failed');
  });
  it('esx replay exits 2 with one message on a malformed line', () => {
    const f = join(tmp, 'malformed.jsonl');
    writeFileSync(f, '{"format":"esx-ops/1","inodes":1}\n{"op":"remove","ino":1}\n');
    const r = esx('replay', f);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/malformed\.jsonl:2: remove needs lblk/);
    expect(r.stderr).not.toMatch(/at .*\.ts/);
  });
  it('esx with no or an unknown command prints usage', () => {
    expect(esx().status).toBe(2);
    const r = esx('frob');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});

describe('esx steps', () => {
  it('esx steps prints one line per op with its steps, rotations named by lblk', () => {
    const f = join(tmp, 'steps.jsonl');
    writeFileSync(
      f,
      [
        '{"format":"esx-ops/1","inodes":1}',
        '{"op":"insert","ino":1,"lblk":10,"len":1,"status":"D"}',
        '{"op":"insert","ino":1,"lblk":30,"len":1,"status":"D"}',
        '{"op":"insert","ino":1,"lblk":20,"len":1,"status":"D"}',
      ].join('\n') + '\n',
    );
    const r = esx('steps', f);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { i: number; steps: { kind: string }[] });
    expect(lines.map((l) => l.i)).toEqual([1, 2, 3]);
    expect(lines[2]!.steps.filter((s) => s.kind === 'rotate')).toMatchObject([
      { fn: 'rb_insert_color', down: 30, up: 20 },
      { fn: 'rb_insert_color', down: 10, up: 20 },
    ]);
  });
});
