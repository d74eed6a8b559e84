import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLES, readTraceFile } from './samples.ts';

describe('readTraceFile', () => {
  it('readTraceFile inflates .gz files and reads others as text', async () => {
    const text = 'a-1 [000] .... 1.0: ext4_es_remove_extent: dev 8,1 ino 12 es [0/1)\n';
    expect(await readTraceFile(new Blob([gzipSync(text)]), 'trace.txt.gz')).toBe(text);
    expect(await readTraceFile(new Blob([text]), 'trace.txt')).toBe(text);
  });
});

describe('SAMPLES', () => {
  it('SAMPLES lists every file in public/samples, real or synthesized as its first line says', async () => {
    const files = readdirSync('public/samples').sort();
    expect(SAMPLES.map((s) => s.file).sort()).toEqual(files);
    const { readFileSync } = await import('node:fs');
    for (const s of SAMPLES) {
      const first = readFileSync(`public/samples/${s.file}`, 'utf8').split('\n')[0]!;
      expect(first).toContain(s.origin === 'real' ? 'REAL' : 'SYNTHESIZED');
    }
  });
});
