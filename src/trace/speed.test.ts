import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TraceImporter } from './importer.ts';

const real = gunzipSync(
  readFileSync(join(import.meta.dirname, '../../test/traces/trace-6.1-compact-annotated.txt.gz')),
).toString('utf8');
const body = real
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n');

describe('TraceImporter speed', () => {
  it('TraceImporter reads 200,000 real lines with the replay in under 2 s (10 s per million)', () => {
    const imp = new TraceImporter();
    const t0 = performance.now();
    let lines = 0;
    while (lines < 200_000) {
      imp.feed(body + '\n');
      lines = imp.progress().lines;
    }
    const r = imp.finish();
    const ms = performance.now() - t0;
    expect(r.report.malformed + r.report.unknown).toBe(0);
    expect(ms).toBeLessThan(2000);
  });
});
