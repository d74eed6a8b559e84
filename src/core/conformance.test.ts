import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpState } from './dump.ts';
import { checkInvariants } from './invariants.ts';
import { applyOp, newSuperblock, parseOpObject, resultFields } from './ops.ts';

const dir = join(import.meta.dirname, '../../test/conformance');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl.gz'));

describe('conformance vectors recorded from the kernel', () => {
  it('are all present', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });
  for (const file of files) {
    it(`replays ${file} op for op`, () => {
      const lines = gunzipSync(readFileSync(join(dir, file)))
        .toString('utf8')
        .split('\n')
        .filter(Boolean);
      const header = JSON.parse(lines[0]!) as { inodes: number; ops: number };
      const sb = newSuperblock(header.inodes);
      expect(lines.length - 1).toBe(header.ops);
      for (let i = 1; i < lines.length; i++) {
        const { op, expect: want } = JSON.parse(lines[i]!) as {
          op: unknown;
          expect: Record<string, unknown>;
        };
        const result = resultFields(applyOp(sb, parseOpObject(op)));
        const got = { ...result, state: dumpState(sb) };
        if (JSON.stringify(normalise(got)) !== JSON.stringify(normalise(want))) {
          expect.soft(got, `${file} op ${i}: ${JSON.stringify(op)}`).toEqual(want);
          return;
        }
        const problems = checkInvariants(sb);
        expect(problems, `${file} op ${i}: invariants`).toEqual([]);
      }
    });
  }
});

/** Key order does not matter: sort keys recursively. */
function normalise(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(normalise);
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, normalise(o[k])]),
    );
  }
  return x;
}
