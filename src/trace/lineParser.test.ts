import { describe, expect, it } from 'vitest';
import { parseTraceLine } from './lineParser.ts';

const es = (line: string) => {
  const p = parseTraceLine(line);
  if (p.kind !== 'es') throw new Error(`not an es line: ${JSON.stringify(p)}`);
  return p;
};

describe('parseTraceLine', () => {
  it('parseTraceLine reads the ftrace prefix of 3.9 (4 flags) and 6.1 (5 flags)', () => {
    const a = es(
      '           <...>-2231  [001] ....   120.000139: ext4_es_insert_extent: dev 8,1 ino 12 es [0/1) mapped 1152921504606846975 status 2000000000000000',
    );
    expect(a.task).toBe('<...>-2231');
    expect(a.es).toMatchObject({
      type: 'insert',
      source: 'insert',
      dev: '8,1',
      ino: '12',
      lblk: 0,
      len: 1,
    });
    const b = es(
      '              dd-119     [001] .....     3.100183: ext4_es_insert_delayed_block: dev 254,0 ino 12 es [0/1) mapped 0 status D allocated 0',
    );
    expect(b.es).toMatchObject({ type: 'insert', source: 'delayed', status: { bits: 2 } });
  });
  it('parseTraceLine reads perf script, trace-cmd report and bare lines', () => {
    const p = es(
      '      DOM Worker   3120 [001]   812.400022:           ext4:ext4_es_lookup_extent_enter: dev 259,2 ino 21 lblk 7',
    );
    expect(p.task).toBe('DOM Worker   3120');
    expect(p.es).toEqual({ type: 'lookup_enter', dev: '259,2', ino: '21', lblk: 7 });
    const t = es(
      '             cp-3120 [001]   812.400066: ext4_es_insert_extent:   dev 259,2 ino 21 es [0/4294967295) mapped 0 status H',
    );
    expect(t.es).toMatchObject({ lblk: 0, len: 4294967295, status: { bits: 1 } });
    const bare = es(
      'ext4:ext4_es_lookup_extent_exit: dev 253,0 ino 12 found 1 [2/4294967293) 0 HR',
    );
    expect(bare.task).toBe('');
    expect(bare.es).toMatchObject({ type: 'lookup_exit', found: true, lblk: 2, len: 4294967293 });
    expect(es('ext4_es_remove_extent: dev 8,1 ino 3 es [5/6)').es).toEqual({
      type: 'remove',
      dev: '8,1',
      ino: '3',
      lblk: 5,
      len: 6,
    });
  });
  it('parseTraceLine takes empty statuses after a trailing space', () => {
    expect(
      es('x-1 [000] ..... 1.0: ext4_es_lookup_extent_exit: dev 1,2 ino 3 found 0 [0/0) 0 ').es,
    ).toMatchObject({ found: false, status: { bits: 0 } });
    expect(
      es(
        'x-1 [000] ..... 1.0: ext4_es_find_extent_range_exit: dev 1,2 ino 3 es [0/0) mapped 0 status ',
      ).es,
    ).toMatchObject({ type: 'find_exit', len: 0, status: { bits: 0 } });
    expect(
      es('x-1 [000] ..... 1.0: ext4_es_lookup_extent_enter: dev 1,2 ino 3 lblk 80 ').es,
    ).toMatchObject({
      lblk: 80,
    });
  });
  it('parseTraceLine reads every shrinker generation', () => {
    const ev = (f: string) => es(`k-1 [000] .... 1.0: ${f}`).es;
    expect(ev('ext4_es_shrink_enter: dev 8,1 nr to scan 128')).toEqual({
      type: 'shrink_enter',
      dev: '8,1',
      nr: 128,
    });
    expect(ev('ext4_es_shrink_exit: dev 8,1 nr to scan 5')).toEqual({
      type: 'shrink_exit',
      dev: '8,1',
      shrunk: 5,
    });
    expect(ev('ext4_es_shrink_enter: dev 8,1 nr_to_scan 0 cache_cnt 3')).toMatchObject({ nr: 0 });
    expect(ev('ext4_es_shrink_exit: dev 8,1 shrunk_nr 3 cache_cnt 0')).toMatchObject({ shrunk: 3 });
    expect(ev('ext4_es_shrink_scan_enter: dev 8,1 nr_to_scan 128 cache_cnt 544')).toMatchObject({
      nr: 128,
    });
    expect(ev('ext4_es_shrink_scan_exit: dev 8,1 nr_shrunk 61 cache_cnt 512')).toMatchObject({
      shrunk: 61,
    });
    expect(
      ev('ext4_es_shrink: dev 8,1 nr_shrunk 61, scan_time 222 nr_skipped 0 retried 0'),
    ).toEqual({
      type: 'info',
      dev: '8,1',
    });
    expect(ev('ext4_es_shrink_count: dev 8,1 nr_to_scan 0 cache_cnt 544').type).toBe('info');
    expect(ev('ext4_es_reclaim_extents_count: dev 8,1 cached objects nr 3').type).toBe('info');
  });
  it('parseTraceLine knows every find event name', () => {
    for (const name of [
      'ext4_es_find_delayed_extent',
      'ext4_es_find_delayed_extent_range',
      'ext4_es_find_extent_range',
    ]) {
      expect(es(`${name}_enter: dev 1,1 ino 2 lblk 3`).es.type).toBe('find_enter');
      expect(es(`${name}_exit: dev 1,1 ino 2 es [3/1) mapped 9 status D`).es.type).toBe(
        'find_exit',
      );
    }
  });
  it('parseTraceLine returns markers, comments, blank and other events', () => {
    expect(parseTraceLine('  init-1 [000] ..... 3.08: tracing_mark_write: step1 writes ')).toEqual({
      kind: 'marker',
      name: 'step1 writes',
    });
    expect(parseTraceLine('  init-1 [000] 3.08: print:   0xffffffffc0a1b2c3s: step2')).toEqual({
      kind: 'marker',
      name: 'step2',
    });
    expect(parseTraceLine('# tracer: nop').kind).toBe('comment');
    expect(parseTraceLine('cpus=4').kind).toBe('comment');
    expect(parseTraceLine('   ').kind).toBe('blank');
    expect(parseTraceLine('  <idle>-0 [003] 1.5: sched_switch: prev_comm=a')).toEqual({
      kind: 'other',
      event: 'sched_switch',
    });
    expect(parseTraceLine('hello world').kind).toBe('unknown');
  });
  it('parseTraceLine does not take a comm that merely contains the event prefix', () => {
    const p = es(
      'ext4_es_probe-12 [000] .... 1.0: ext4_es_lookup_extent_enter: dev 1,1 ino 2 lblk 3',
    );
    expect(p.task).toBe('ext4_es_probe-12');
    expect(p.es).toMatchObject({ type: 'lookup_enter', lblk: 3 });
  });
  it('parseTraceLine reports malformed ext4_es lines with a reason', () => {
    const bad = (l: string) => {
      const p = parseTraceLine(l);
      expect(p.kind, l).toBe('malformed');
      return p.kind === 'malformed' ? p.reason : '';
    };
    expect(bad('ext4_es_insert_extent: dev 1,1 ino 2 es [3/x) mapped 9 status W')).toMatch(/es \[/);
    expect(bad('ext4_es_insert_extent: dev 1,1 ino 2 es [3/1) mapped 9 status Q')).toMatch(
      /status/,
    );
    expect(bad('ext4_es_insert_extent: dev 1,1 ino 2 es [4294967296/1) mapped 9 status W')).toMatch(
      /es/,
    );
    expect(bad('ext4_es_lookup_extent_exit: dev 1,1 ino 2 found 2 [0/0) 0 ')).toMatch(/found/);
    expect(bad('ext4_es_lookup_extent_enter: dev 1 ino 2 lblk 3')).toMatch(/dev/);
    expect(bad('ext4_es_frobnicate: dev 1,1 ino 2')).toMatch(/unknown event/);
    expect(bad('ext4_es_shrink_scan_exit: dev 1,1 nr_to_scan 3 cache_cnt 0')).toMatch(/nr_shrunk/);
  });
});
