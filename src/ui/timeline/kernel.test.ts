import { describe, expect, it } from 'vitest';
import type { FocusOp, StepBrief } from '../../worker/protocol.ts';
import {
  briefHits,
  checkBlocks,
  checkInode,
  positionText,
  reachedBreakpoint,
  sourceUrl,
} from './kernel.ts';

const V39 = 'https://elixir.bootlin.com/linux/v3.9/source/';

const step = (over: Partial<StepBrief>): StepBrief => ({
  kind: 'rotate',
  category: 'rotation',
  fn: 'rb_insert_color',
  text: 'rotate',
  ino: 1,
  ...over,
});

const focus = (steps: StepBrief[], current: number): FocusOp => ({
  index: 2,
  command: 'insert 1 20 1 D',
  result: { ret: 0 },
  steps,
  current,
});

describe('sourceUrl', () => {
  it('sourceUrl: ext4 functions go to extents_status.c, rbtree ones to lib/rbtree.c', () => {
    expect(sourceUrl('__es_insert_extent')).toBe(V39 + 'fs/ext4/extents_status.c');
    expect(sourceUrl('ext4_es_shrink')).toBe(V39 + 'fs/ext4/extents_status.c');
    expect(sourceUrl('rb_insert_color')).toBe(V39 + 'lib/rbtree.c');
    expect(sourceUrl('rb_erase')).toBe(V39 + 'lib/rbtree.c');
    expect(sourceUrl('rb_link_node')).toBe(V39 + 'include/linux/rbtree.h');
    expect(sourceUrl('(explorer)')).toBeNull();
  });
});

describe('briefHits', () => {
  it('briefHits: categories exactly, inode and range breakpoints by inode', () => {
    const s = step({});
    expect(briefHits({ on: 'category', category: 'rotation' }, s)).toBe(true);
    expect(briefHits({ on: 'category', category: 'recolor' }, s)).toBe(false);
    expect(briefHits({ on: 'inode', ino: 1 }, s)).toBe(true);
    expect(briefHits({ on: 'inode', ino: 2 }, s)).toBe(false);
    expect(briefHits({ on: 'range', ino: 1, lblk: 0, len: 5 }, s)).toBe(true);
    expect(briefHits({ on: 'range', ino: 3, lblk: 0, len: 5 }, s)).toBe(false);
  });

  it('reachedBreakpoint: looks at the step just reached only', () => {
    const bps = [{ on: 'category', category: 'rotation' } as const];
    const steps = [step({ kind: 'link', category: 'other' }), step({})];
    expect(reachedBreakpoint(bps, focus(steps, 0))).toBeNull();
    expect(reachedBreakpoint(bps, focus(steps, 1))).toEqual(bps[0]);
    expect(reachedBreakpoint(bps, focus(steps, -1))).toBeNull();
    expect(reachedBreakpoint(bps, null)).toBeNull();
  });
});

describe('positionText', () => {
  it('positionText: counts ops and steps from 1, inside an op and after it', () => {
    const steps = [step({}), step({}), step({})];
    expect(positionText({ op: 0, step: 0 }, 0, null)).toBe('no ops yet');
    expect(positionText({ op: 0, step: 0 }, 4, null)).toBe('start, before op 1 of 4');
    expect(positionText({ op: 2, step: 2 }, 4, focus(steps, 1))).toBe('op 3 of 4, step 2 of 3');
    expect(positionText({ op: 3, step: 0 }, 4, focus(steps, 2))).toBe('op 3 of 4, step 3 of 3');
    expect(positionText({ op: 3, step: 0 }, 4, focus([], -1))).toBe('op 3 of 4, no steps');
  });
});

describe('checkBlocks', () => {
  it('checkBlocks: an inclusive range in decimal or hex, first not after last', () => {
    expect(checkBlocks('10', '0x13')).toEqual({ range: { lblk: 10, len: 10 } });
    expect(checkBlocks('20', '10').errorB).toBe('Not before block 20');
    expect(checkBlocks('x', '').errorA).toMatch(/0 to 0xfffffffe/);
    expect(checkBlocks('0', '4294967295').errorB).toMatch(/0 to 0xfffffffe/);
  });

  it('checkInode: from 1 to the inode count', () => {
    expect(checkInode('2', 4)).toEqual({ value: 2 });
    expect(checkInode('5', 4).error).toBe('An inode from 1 to 4');
    expect(checkInode('', 4).error).toBe('Enter an inode');
  });
});
