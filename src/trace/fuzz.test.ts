import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/workloads.ts';
import { importTrace, TraceImporter } from './importer.ts';

/** A small seeded generator, so a failing seed replays. */
const rng = mulberry32;

const PIECES = [
  'ext4_es_insert_extent: ',
  'ext4_es_lookup_extent_exit: ',
  'ext4_es_remove_extent: ',
  'ext4_es_shrink_scan_enter: ',
  'ext4_es_shrink_exit: ',
  'ext4_es_find_extent_range_exit: ',
  'tracing_mark_write: ',
  'dev ',
  '8,1 ',
  'ino ',
  'es ',
  '[',
  '/',
  ')',
  'mapped ',
  'status ',
  'found ',
  'lblk ',
  'nr_to_scan ',
  'nr to scan ',
  '4294967295',
  '0',
  '1',
  '99999999999999999999',
  'W',
  'UR',
  'D0x10',
  'H',
  'a000000000000000',
  ' ',
  '  ',
  '\t',
  '\r',
  ':',
  '#',
  'é',
  '\u0000',
  ' kworker/u8:3-77 [003] ..... 4.5: ',
  '-1',
  'NaN',
  ',',
];

function garbage(next: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.6) s += PIECES[Math.floor(next() * PIECES.length)]!;
    else if (r < 0.9) s += String.fromCharCode(32 + Math.floor(next() * 95));
    else if (r < 0.97) s += '\n';
    else s += String.fromCharCode(Math.floor(next() * 0xffff));
  }
  return s;
}

describe('importTrace on garbage', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`importTrace never throws on random text and accounts for every line (seed ${seed})`, () => {
      const next = rng(seed);
      const text = garbage(next, 4000);
      const r = importTrace(text);
      const p = r.report;
      const events = Object.values(p.events).reduce((a, b) => a + b, 0);
      const others = Object.values(p.otherEvents).reduce((a, b) => a + b, 0);
      // Every line lands in exactly one bucket.
      expect(events + others + p.comments + p.blank + p.markers + p.unknown + p.malformed).toBe(
        p.lines,
      );
      expect(p.engineErrors).toBe(0);
      expect(r.ops).toHaveLength(r.opLines.length);
      // Fed in random chunks, the same text gives the same result.
      const imp = new TraceImporter();
      for (let i = 0; i < text.length;) {
        const n = 1 + Math.floor(next() * 300);
        imp.feed(text.slice(i, i + n));
        i += n;
      }
      expect(imp.finish()).toEqual(r);
    });
  }
});
