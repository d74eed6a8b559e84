import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importTrace } from './importer.ts';

const root = join(import.meta.dirname, '../..');
const realTrace = join(root, 'test/traces/trace-6.1-compact-annotated.txt.gz');
const text = gunzipSync(readFileSync(realTrace)).toString('utf8');

describe('importTrace of the real 6.1 trace', () => {
  const r = importTrace(text);

  it('importTrace leaves no ext4_es line of the real trace unparsed', () => {
    const esLines = text.split('\n').filter((l) => l.includes(': ext4_es_')).length;
    const read = Object.values(r.report.events).reduce((a, b) => a + b, 0);
    expect(esLines).toBe(53174 - 15);
    expect(read).toBe(esLines);
    expect(r.report).toMatchObject({ unknown: 0, malformed: 0, skipped: 0, engineErrors: 0 });
    expect(r.report.issues).toEqual([]);
    expect(r.report.unpairedExits).toBe(0);
  });

  it('importTrace maps the real trace to ops, inodes and bookmarks', () => {
    expect(r.report.events).toEqual({
      ext4_es_cache_extent: 601,
      ext4_es_find_extent_range_enter: 693,
      ext4_es_find_extent_range_exit: 693,
      ext4_es_insert_delayed_block: 2628,
      ext4_es_insert_extent: 755,
      ext4_es_lookup_extent_enter: 23734,
      ext4_es_lookup_extent_exit: 23734,
      ext4_es_remove_extent: 277,
      ext4_es_shrink: 11,
      ext4_es_shrink_count: 11,
      ext4_es_shrink_scan_enter: 11,
      ext4_es_shrink_scan_exit: 11,
    });
    // inserts + cache + delayed + removes + lookups + finds + shrink scans
    expect(r.ops).toHaveLength(755 + 601 + 2628 + 277 + 23734 + 693 + 11);
    expect(r.inodes).toBe(73);
    expect(r.inodeMap[0]).toEqual({ ino: 1, dev: '254,0', traceIno: '2', line: 14 });
    expect(r.bookmarks).toHaveLength(15);
    expect(r.bookmarks[0]).toEqual({
      opIndex: 0,
      name: 'step1 sequential buffered writes (delalloc)',
      line: 13,
    });
    expect(r.bookmarks.at(-1)!.name).toBe('workload done');
    expect(r.report.referenced).toBeGreaterThan(20000);
  });

  it('importTrace lists the real trace divergences from the 3.9 model', () => {
    expect(r.report.divergences).toEqual({ lookup: 81, find: 0, shrink: 10 });
    // Every lookup divergence is on the journal inode (8): its extents were cached at mount,
    // before tracing began, so the model has never seen them.
    const lookupInodes = new Set(
      r.divergences.filter((d) => d.kind === 'lookup').map((d) => d.ino),
    );
    expect([...lookupInodes].map((i) => r.inodeMap[i - 1]!.traceIno)).toEqual(['8']);
    // The 3.19+ shrinker (round robin, referenced bits) reclaims differently from 3.9's LRU.
    const first = r.divergences.find((d) => d.kind === 'shrink')!;
    expect(first).toMatchObject({ line: 30489, expected: { shrunk: 61 }, model: { shrunk: 128 } });
  });
});

describe('the samples in public/samples', () => {
  const dir = join(root, 'public/samples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('every sample says on its first line whether it is synthesized or real, and is small', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const body = readFileSync(join(dir, f), 'utf8');
      expect(body.length, f).toBeLessThan(200_000);
      expect(body.split('\n')[0], f).toMatch(/^# esx sample, (SYNTHESIZED|REAL)/);
    }
  });

  it('every sample imports with no unknown, malformed or skipped line', () => {
    for (const f of files) {
      const r = importTrace(readFileSync(join(dir, f), 'utf8'));
      expect(r.report.issues, f).toEqual([]);
      expect(r.report.engineErrors, f).toBe(0);
      expect(r.ops.length, f).toBeGreaterThan(10);
    }
  });

  it('the sample formats convert to the ops their scenario describes', () => {
    const get = (f: string) => importTrace(readFileSync(join(dir, f), 'utf8'));
    const hex = get('trace-3.9-mergewindow-hex.txt');
    expect(hex.ops.slice(0, 3)).toEqual([
      { op: 'lookup', ino: 1, lblk: 0 },
      { op: 'insert', ino: 1, lblk: 0, len: 1, status: 'D' },
      { op: 'lookup', ino: 1, lblk: 1 },
    ]);
    expect(hex.ops.filter((o) => o.op === 'shrink')).toEqual([
      { op: 'shrink', nr: 0 },
      { op: 'shrink', nr: 2 },
    ]);
    expect(hex.divergences).toEqual([]);
    const letters = get('trace-3.11-letters.txt');
    expect(letters.report.cacheAsInsert).toBe(1);
    expect(letters.divergences).toEqual([]);
    // ftrace, trace-cmd report and perf script of the same 6.x events give the same import.
    const six = get('trace-6.x-letters.txt');
    for (const f of ['trace-cmd-report.txt', 'perf-script.txt']) {
      const other = get(f);
      expect(other.ops, f).toEqual(six.ops);
      expect(
        other.bookmarks.map((b) => [b.opIndex, b.name]),
        f,
      ).toEqual(six.bookmarks.map((b) => [b.opIndex, b.name]));
      expect(
        other.divergences.map((d) => [d.kind, d.opIndex, d.expected, d.model]),
        f,
      ).toEqual(six.divergences.map((d) => [d.kind, d.opIndex, d.expected, d.model]));
    }
    expect(six.divergences.map((d) => [d.kind, d.expected, d.model])).toEqual([
      ['shrink', { shrunk: 1 }, { ret: 0, shrunk: 2 }],
    ]);
  });
});

describe('esx convert', () => {
  it('esx convert writes an esx-ops/1 file that esx replay accepts, and a report on stderr', () => {
    const run = (...args: string[]) =>
      spawnSync('node', [join(root, 'bin/esx.mjs'), ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
    const c = run('convert', join(root, 'public/samples/trace-6.x-letters.txt'));
    expect(c.status).toBe(0);
    const lines = c.stdout.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'esx-ops/1', inodes: 1 });
    expect(lines).toHaveLength(16);
    expect(c.stderr).toMatch(/divergences from the 3.9 model: 1 \(lookup 0, find 0, shrink 1\)/);
    expect(c.stderr).toMatch(/bookmark at op 10 \(line 24\): step2 sync/);
    const ops = join(mkdtempSync(join(tmpdir(), 'esx-convert-')), 'ops.jsonl');
    writeFileSync(ops, c.stdout);
    const replay = run('replay', '--quiet', ops);
    expect(replay.status).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ ops: 15 });
    const gz = run('convert', realTrace);
    expect(gz.status).toBe(0);
    expect(gz.stderr).toMatch(/0 unknown, 0 malformed, 0 skipped/);
    const missing = run('convert', join(root, 'no-such-trace.txt'));
    expect(missing.status).toBe(2);
  });
});
