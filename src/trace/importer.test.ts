import { describe, expect, it } from 'vitest';
import { importTrace, TraceImporter } from './importer.ts';
import { describeDivergence } from './divergence.ts';

/** The lines captured on real systems that kernel-notes.md quotes, verbatim. */
const QUOTED = `  raft-benchmark-37801   [003] .....  9904.830982: ext4_es_lookup_extent_enter: dev 259,5 ino 12 lblk 0
  raft-benchmark-37801   [003] .....  9904.830983: ext4_es_lookup_extent_exit: dev 259,5 ino 12 found 1 [0/1) 32887 U
  raft-benchmark-37801   [003] .....  9904.831135: ext4_es_lookup_extent_exit: dev 259,5 ino 12 found 1 [0/1) 32887 UR
  raft-benchmark-37801   [003] .....  9904.831136: ext4_es_insert_extent: dev 259,5 ino 12 es [0/1) mapped 32887 status U
     kworker/3:1-30279   [003] .....  9904.831199: ext4_es_insert_extent: dev 259,5 ino 12 es [0/1) mapped 32887 status W
  test-open-writ-4744  [000] ...1   369.188442: ext4_es_insert_extent: dev 259,13 ino 13 es [0/4294967295) mapped 576460752303423487 status H
  test-open-writ-4744  [000] ...1   369.188473: ext4_es_insert_extent: dev 259,13 ino 13 es [0/1) mapped 576460752303423487 status D
   kworker/u16:7-355   [001] ...1   371.965396: ext4_es_lookup_extent_exit: dev 259,13 ino 13 found 1 [0/1) 576460752303423487 D0x10
   kworker/u16:7-355   [001] ...1   371.965822: ext4_es_insert_extent: dev 259,13 ino 13 es [0/1) mapped 1555 status W
             fio   131 [000]    13.975421:           ext4:ext4_es_insert_extent: dev 253,0 ino 12 es [494/1) mapped 41454 status W
ext4:ext4_es_lookup_extent_exit: dev 253,0 ino 12 found 1 [2/4294967293) 0 HR
`;

describe('importTrace', () => {
  it('importTrace turns the lines quoted in kernel-notes.md into exactly these ops and divergences', () => {
    const r = importTrace(QUOTED);
    expect(r.ops).toEqual([
      { op: 'lookup', ino: 1, lblk: 0 },
      { op: 'insert', ino: 1, lblk: 0, len: 1, pblk: 32887, status: 'U' },
      { op: 'insert', ino: 1, lblk: 0, len: 1, pblk: 32887, status: 'W' },
      // [0/4294967295) ends on block 0xfffffffe: valid for the model, not clamped.
      { op: 'insert', ino: 2, lblk: 0, len: 4294967295, status: 'H' },
      { op: 'insert', ino: 2, lblk: 0, len: 1, status: 'D' },
      { op: 'insert', ino: 2, lblk: 0, len: 1, pblk: 1555, status: 'W' },
      { op: 'insert', ino: 3, lblk: 494, len: 1, pblk: 41454, status: 'W' },
    ]);
    expect(r.opLines).toEqual([1, 4, 5, 6, 7, 9, 10]);
    expect(r.inodes).toBe(3);
    expect(r.inodeMap.map((m) => [m.ino, m.dev, m.traceIno])).toEqual([
      [1, '259,5', '12'],
      [2, '259,13', '13'],
      [3, '253,0', '12'],
    ]);
    // The model starts empty, so the first lookup misses where the kernel had the extent cached.
    expect(r.divergences).toEqual([
      {
        kind: 'lookup',
        line: 2,
        enterLine: 1,
        opIndex: 0,
        ino: 1,
        expected: { found: 1, es: [0, 1, 'U', 32887] },
        model: { found: 0, es: null },
      },
    ]);
    expect(describeDivergence(r.divergences[0]!)).toBe(
      'line 2 (op 0, lookup ino 1): trace found [0/1) 32887 U, model not found',
    );
    // Lines 3, 8 and 11 are exits whose enter is not in the excerpt.
    expect(r.report).toMatchObject({
      lines: 11,
      ops: 7,
      unpairedExits: 3,
      referenced: 2,
      unknownBits: 1,
      pblkDropped: 2,
      clamped: 0,
      unknown: 0,
      malformed: 0,
      skipped: 0,
      devices: ['259,5', '259,13', '253,0'],
    });
  });

  it('importTrace maps find and shrink events and compares their exits', () => {
    const r = importTrace(
      [
        'ext4_es_insert_extent: dev 8,1 ino 5 es [10/4) mapped 1152921504606846975 status 2000000000000000',
        'ext4_es_find_delayed_extent_enter: dev 8,1 ino 5 lblk 0',
        'ext4_es_find_delayed_extent_exit: dev 8,1 ino 5 es [10/4) mapped 1152921504606846975 status 2000000000000000',
        'ext4_es_find_delayed_extent_enter: dev 8,1 ino 5 lblk 20',
        'ext4_es_find_delayed_extent_exit: dev 8,1 ino 5 es [10/2) mapped 0 status 2000000000000000',
        'ext4_es_insert_extent: dev 8,1 ino 5 es [20/3) mapped 700 status 8000000000000000',
        'ext4_es_shrink_enter: dev 8,1 nr to scan 5',
        'ext4_es_shrink_exit: dev 8,1 nr to scan 1',
        'ext4_es_shrink_enter: dev 8,1 nr to scan 5',
        'ext4_es_shrink_exit: dev 8,1 nr to scan 1',
      ].join('\n'),
    );
    expect(r.ops.map((o) => o.op)).toEqual([
      'insert',
      'find_delayed',
      'find_delayed',
      'insert',
      'shrink',
      'shrink',
    ]);
    expect(r.divergences.map((d) => [d.kind, d.line, d.opIndex, d.expected, d.model])).toEqual([
      ['find', 5, 2, { es: [10, 2] }, { es: null }],
      ['shrink', 10, 5, { shrunk: 1 }, { ret: 0, shrunk: 0 }],
    ]);
  });

  it('importTrace clamps ranges past block 0xfffffffe and counts them', () => {
    const r = importTrace(
      [
        'ext4_es_insert_extent: dev 1,1 ino 2 es [10/4294967295) mapped 0 status H',
        'ext4_es_remove_extent: dev 1,1 ino 2 es [4294967295/5)',
        'ext4_es_lookup_extent_enter: dev 1,1 ino 2 lblk 11',
        'ext4_es_lookup_extent_exit: dev 1,1 ino 2 found 1 [10/4294967295) 0 H',
      ].join('\n'),
    );
    expect(r.ops).toEqual([
      { op: 'insert', ino: 1, lblk: 10, len: 4294967285, status: 'H' },
      { op: 'remove', ino: 1, lblk: 4294967295, len: 0 },
      { op: 'lookup', ino: 1, lblk: 11 },
    ]);
    expect(r.report.clamped).toBe(2);
    expect(r.report.engineErrors).toBe(0);
    // The exit's extent is clamped the same way, so the clamp itself is no divergence.
    expect(r.divergences).toEqual([]);
  });

  it('importTrace skips and lists what the model cannot hold', () => {
    const r = importTrace(
      [
        'ext4_es_insert_extent: dev 1,1 ino 2 es [0/1) mapped 281474976710656 status W',
        'ext4_es_insert_extent: dev 1,1 ino 2 es [0/1) mapped 281474976710656 status H',
        'ext4_es_insert_extent: dev 1,1 ino 2 es [0/1) mapped 5 status R',
        'ext4_es_shrink_scan_enter: dev 1,1 nr_to_scan 2147483648 cache_cnt 0',
      ].join('\n'),
    );
    expect(r.ops).toEqual([{ op: 'insert', ino: 1, lblk: 0, len: 1, status: 'H' }]);
    expect(r.report.skipped).toBe(3);
    expect(r.report.issues.map((i) => [i.line, i.kind])).toEqual([
      [1, 'skipped'],
      [3, 'skipped'],
      [4, 'skipped'],
    ]);
    expect(r.report.issues[0]!.reason).toMatch(/2\^48/);
  });

  it('importTrace counts unknown and malformed lines, lists the first 100 and goes on', () => {
    const lines: string[] = [];
    for (let i = 0; i < 150; i++)
      lines.push(i % 2 ? 'garbage ' + i : 'ext4_es_lookup_extent_enter: dev 1,1 ino x lblk 0');
    lines.push('ext4_es_lookup_extent_enter: dev 1,1 ino 7 lblk 0');
    const r = importTrace(lines.join('\r\n'));
    expect(r.report.unknown).toBe(75);
    expect(r.report.malformed).toBe(75);
    expect(r.report.issues).toHaveLength(100);
    expect(r.report.issues[0]).toMatchObject({ line: 1, kind: 'malformed' });
    expect(r.report.issues[1]).toMatchObject({ line: 2, kind: 'unknown', text: 'garbage 1' });
    expect(r.ops).toEqual([{ op: 'lookup', ino: 1, lblk: 0 }]);
    expect(r.opLines).toEqual([151]);
  });

  it('importTrace of an empty text gives one empty inode and no ops', () => {
    const r = importTrace('');
    expect(r).toMatchObject({ inodes: 1, ops: [], divergences: [], bookmarks: [] });
  });

  it('importTrace pairs exits with their own task when tasks interleave', () => {
    const r = importTrace(
      [
        'ext4_es_insert_extent: dev 1,1 ino 2 es [0/10) mapped 100 status W',
        ' a-1 [000] .... 1.0: ext4_es_lookup_extent_enter: dev 1,1 ino 2 lblk 3',
        ' b-2 [001] .... 1.0: ext4_es_lookup_extent_enter: dev 1,1 ino 2 lblk 30',
        ' b-2 [001] .... 1.0: ext4_es_lookup_extent_exit: dev 1,1 ino 2 found 0 [0/0) 0 ',
        ' a-1 [000] .... 1.0: ext4_es_lookup_extent_exit: dev 1,1 ino 2 found 1 [0/10) 100 W',
      ].join('\n'),
    );
    expect(r.divergences).toEqual([]);
    expect(r.report.unpairedExits).toBe(0);
  });

  it('importTrace can skip the replay', () => {
    const r = importTrace(QUOTED, { check: false });
    expect(r.ops).toHaveLength(7);
    expect(r.divergences).toEqual([]);
  });
});

describe('TraceImporter', () => {
  it('TraceImporter gives the same result however the text is cut into chunks', () => {
    const whole = importTrace(QUOTED);
    for (const size of [1, 7, 64]) {
      const imp = new TraceImporter();
      for (let i = 0; i < QUOTED.length; i += size) imp.feed(QUOTED.slice(i, i + size));
      expect(imp.finish(), `chunks of ${size}`).toEqual(whole);
    }
  });
  it('TraceImporter.progress counts lines and characters as they come', () => {
    const imp = new TraceImporter();
    imp.feed(QUOTED.slice(0, 200));
    const p = imp.progress();
    expect(p.chars).toBe(200);
    expect(p.lines).toBe(1);
    expect(p.ops).toBe(1);
    const r = imp.finish();
    expect(imp.finish()).toBe(r);
  });
});
