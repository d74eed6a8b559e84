import { describe, expect, it } from 'vitest';
import { describeBatch, describeResult } from './describe.ts';

describe('describeResult', () => {
  it('tells a lookup hit from a miss', () => {
    expect(
      describeResult({ op: 'lookup', ino: 1, lblk: 12 }, { found: 1, es: [10, 5, 'W', 100] }),
    ).toBe('hit: block 12 is in [10/5) written at 100');
    expect(describeResult({ op: 'lookup', ino: 1, lblk: 99 }, { found: 0, es: null })).toMatch(
      /^miss/,
    );
  });
  it('gives the shrinker counts and find_delayed extent', () => {
    expect(describeResult({ op: 'shrink', nr: 4 }, { ret: 3, shrunk: 1 })).toBe(
      'reclaimed 1 extent, 3 reclaimable left',
    );
    expect(describeResult({ op: 'find_delayed', ino: 1, lblk: 0 }, { es: [16, 6] })).toMatch(
      /\[16\/6\)/,
    );
  });
  it('shows the error code and message', () => {
    expect(
      describeResult(
        { op: 'remove', ino: 1, lblk: 1, len: 1 },
        { err: 'ENOINODE', message: 'no inode 9' },
      ),
    ).toBe('failed: ENOINODE, no inode 9');
  });
});

describe('describeBatch', () => {
  it('names the first failing line of a batch', () => {
    const r = describeBatch(
      [
        { op: 'lookup', ino: 1, lblk: 0 },
        { op: 'remove', ino: 1, lblk: 4294967290, len: 10 },
      ],
      [
        { found: 0, es: null },
        { err: 'EINVAL', message: 'too far' },
      ],
    );
    expect(r.kind).toBe('error');
    expect(r.text).toMatch(/^Ran 2 ops, 1 failed\. Line 2, remove 1 4294967290 10: failed: EINVAL/);
  });
});
