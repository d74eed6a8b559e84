import { describe, expect, it } from 'vitest';
import { describeBreakpoint, firstHit, hits, type Breakpoint } from './breakpoints.ts';
import { newSuperblock } from './ops.ts';
import { recordOp } from './steps.ts';

function steps() {
  const sb = newSuperblock(2);
  recordOp(sb, { op: 'insert', ino: 1, lblk: 10, len: 1, status: 'D' });
  recordOp(sb, { op: 'insert', ino: 1, lblk: 30, len: 1, status: 'D' });
  return recordOp(sb, { op: 'insert', ino: 1, lblk: 20, len: 1, status: 'D' }).steps;
}

describe('hits', () => {
  it('hits matches a step kind, an inode, and a block range the step touches', () => {
    const s = steps();
    const rotate = s.find((x) => x.kind === 'rotate')!;
    expect(hits({ on: 'category', category: 'rotation' }, rotate)).toBe(true);
    expect(hits({ on: 'category', category: 'merge' }, rotate)).toBe(false);
    expect(hits({ on: 'inode', ino: 1 }, rotate)).toBe(true);
    expect(hits({ on: 'inode', ino: 2 }, rotate)).toBe(false);
    expect(hits({ on: 'range', ino: 1, lblk: 20, len: 1 }, rotate)).toBe(true);
    expect(hits({ on: 'range', ino: 1, lblk: 100, len: 5 }, rotate)).toBe(false);
    expect(hits({ on: 'range', ino: 2, lblk: 20, len: 1 }, rotate)).toBe(false);
    const visit = s.find((x) => x.kind === 'search_visit')!;
    expect(hits({ on: 'range', ino: 1, lblk: 10, len: 1 }, visit)).toBe(true); // by the lblk it names
  });
  it('firstHit returns the first matching breakpoint, or null', () => {
    const s = steps();
    const bps: Breakpoint[] = [
      { on: 'category', category: 'reclaim' },
      { on: 'inode', ino: 1 },
    ];
    expect(firstHit(bps, s[0]!)).toEqual({ on: 'inode', ino: 1 });
    expect(firstHit([{ on: 'inode', ino: 2 }], s[0]!)).toBeNull();
  });
});

describe('describeBreakpoint', () => {
  it('describeBreakpoint says each kind in words', () => {
    expect(describeBreakpoint({ on: 'category', category: 'cache_miss' })).toBe(
      'every cache miss step',
    );
    expect(describeBreakpoint({ on: 'inode', ino: 3 })).toBe('every step on inode 3');
    expect(describeBreakpoint({ on: 'range', ino: 1, lblk: 5, len: 10 })).toBe(
      'inode 1, blocks 5 to 14',
    );
  });
});
