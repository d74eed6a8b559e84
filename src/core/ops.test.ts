import { describe, expect, it } from 'vitest';
import { EsError } from './errors.ts';
import { checkInvariants } from './invariants.ts';
import { dumpState } from './dump.ts';
import {
  applyOp,
  formatCommand,
  newSuperblock,
  parseCommand,
  parseNumber,
  parseOpObject,
} from './ops.ts';
import { parseStatus, statusName } from './status.ts';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof EsError) return e.code;
    throw e;
  }
  return 'none';
}

describe('parseCommand', () => {
  it('parseCommand reads every op and formatCommand writes it back', () => {
    for (const line of [
      'insert 1 10 5 100 W',
      'insert 2 0 4 D',
      'remove 1 12 2',
      'lookup 1 12',
      'find_delayed 1 0',
      'shrink 8',
      'lru_del 1',
      'add_inodes 9',
    ]) {
      expect(formatCommand(parseCommand(line))).toBe(line);
    }
  });
  it('parseCommand normalises status letters and accepts hex numbers', () => {
    expect(parseCommand('insert 1 0x10 2 0xff dw')).toEqual({
      op: 'insert',
      ino: 1,
      lblk: 16,
      len: 2,
      pblk: 255,
      status: 'WD',
    });
  });
  it('parseCommand rejects bad commands with typed errors', () => {
    expect(code(() => parseCommand('frobnicate 1'))).toBe('EBADOP');
    expect(code(() => parseCommand('insert 1 10'))).toBe('EBADARG');
    expect(code(() => parseCommand('lookup 1 -3'))).toBe('EBADARG');
    expect(code(() => parseCommand('lookup 1 1.5'))).toBe('EBADARG');
    expect(code(() => parseCommand('insert 1 0 1 5 X'))).toBe('EBADSTATUS');
    expect(code(() => parseCommand('insert 1 0 1 5 WW'))).toBe('EBADSTATUS');
    expect(code(() => parseCommand(''))).toBe('EBADOP');
  });
  it('parseNumber refuses what is not a safe non-negative integer', () => {
    expect(parseNumber('99999999999999999999')).toBeNull();
    expect(parseNumber('0xfffffffffffffffff')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('0x1F')).toBe(31);
  });
});

describe('parseOpObject', () => {
  it('parseOpObject rejects non-objects, unknown ops, missing and non-integer fields', () => {
    expect(code(() => parseOpObject(null))).toBe('EBADOP');
    expect(code(() => parseOpObject([1]))).toBe('EBADOP');
    expect(code(() => parseOpObject({ op: 'nope' }))).toBe('EBADOP');
    expect(code(() => parseOpObject({ op: 'lookup', ino: 1 }))).toBe('EBADARG');
    expect(code(() => parseOpObject({ op: 'lookup', ino: 1, lblk: '3' }))).toBe('EBADARG');
    expect(code(() => parseOpObject({ op: 'insert', ino: 1, lblk: 0, len: 1, status: 7 }))).toBe(
      'EBADSTATUS',
    );
    expect(parseOpObject({ op: 'insert', ino: 1, lblk: 0, len: 1, status: 'H' })).toEqual({
      op: 'insert',
      ino: 1,
      lblk: 0,
      len: 1,
      status: 'H',
    });
  });
});

describe('applyOp', () => {
  it('applyOp leaves the state unchanged on every kind of error', () => {
    const sb = newSuperblock(2);
    applyOp(sb, { op: 'insert', ino: 1, lblk: 10, len: 5, pblk: 100, status: 'W' });
    const before = JSON.stringify(dumpState(sb));
    const bad = [
      { op: 'insert', ino: 1, lblk: 4294967290, len: 6, pblk: 1, status: 'W' },
      { op: 'insert', ino: 1, lblk: 4294967290, len: 10, pblk: 1, status: 'W' },
      { op: 'remove', ino: 1, lblk: 4294967295, len: 1 },
      { op: 'insert', ino: 3, lblk: 0, len: 1, pblk: 1, status: 'W' },
      { op: 'insert', ino: 1, lblk: 0, len: 1, status: 'W' },
      { op: 'insert', ino: 1, lblk: 0, len: 1, pblk: 2 ** 48, status: 'U' },
      { op: 'insert', ino: 1, lblk: 0, len: 1, pblk: 1, status: '' },
      { op: 'insert', ino: 1, lblk: 2 ** 32, len: 1, pblk: 1, status: 'W' },
      { op: 'lookup', ino: 0, lblk: 1 },
      { op: 'lookup', ino: 1, lblk: 2 ** 32 },
      { op: 'find_delayed', ino: 1.5, lblk: 1 },
      { op: 'find_delayed', ino: 1, lblk: -1 },
      { op: 'shrink', nr: -1 },
      { op: 'shrink', nr: 2 ** 31 },
      { op: 'lru_del', ino: 9 },
      { op: 'remove', ino: 4, lblk: 0, len: 1 },
      { op: 'add_inodes', count: 1 },
    ] as const;
    const codes = bad.map((op) => applyOp(sb, op as never).err);
    expect(codes).toEqual([
      'EINVAL',
      'EINVAL',
      'EINVAL',
      'ENOINODE',
      'EBADARG',
      'EBADARG',
      'EBADSTATUS',
      'EBADARG',
      'ENOINODE',
      'EBADARG',
      'EBADARG',
      'EBADARG',
      'EBADARG',
      'EBADARG',
      'ENOINODE',
      'ENOINODE',
      'EBADARG',
    ]);
    expect(JSON.stringify(dumpState(sb))).toBe(before);
    expect(applyOp(sb, { op: 'lookup', ino: 7, lblk: 0 }).message).toMatch(/inodes are 1 to 2/);
  });
  it('applyOp accepts a range that ends on block 0xfffffffe, the last valid one', () => {
    const sb = newSuperblock(1);
    expect(
      applyOp(sb, { op: 'insert', ino: 1, lblk: 4294967290, len: 5, pblk: 1, status: 'W' }),
    ).toEqual({ ret: 0 });
    expect(applyOp(sb, { op: 'lookup', ino: 1, lblk: 0xfffffffe })).toEqual({
      found: 1,
      es: [4294967290, 5, 'W', 1],
    });
    expect(checkInvariants(sb)).toEqual([]);
  });
  it('applyOp keeps physical blocks up to 2^48 exact', () => {
    const sb = newSuperblock(1);
    const pblk = 2 ** 48 - 10;
    applyOp(sb, { op: 'insert', ino: 1, lblk: 0, len: 10, pblk, status: 'W' });
    applyOp(sb, { op: 'remove', ino: 1, lblk: 3, len: 2 });
    expect(dumpState(sb).inodes[0]!.extents).toEqual([
      [0, 3, 'W', pblk],
      [5, 5, 'W', pblk + 5],
    ]);
  });
  it('applyOp add_inodes grows the superblock and keeps existing trees', () => {
    const sb = newSuperblock(1);
    applyOp(sb, { op: 'insert', ino: 1, lblk: 0, len: 1, status: 'D' });
    expect(applyOp(sb, { op: 'add_inodes', count: 70 })).toEqual({});
    expect(sb.inodeCount).toBe(70);
    expect(applyOp(sb, { op: 'insert', ino: 70, lblk: 0, len: 1, pblk: 5, status: 'W' })).toEqual({
      ret: 0,
    });
    expect(dumpState(sb).lru).toEqual([1, 70]);
    expect(checkInvariants(sb)).toEqual([]);
  });
  it('newSuperblock refuses a bad inode count', () => {
    expect(code(() => newSuperblock(0))).toBe('EBADARG');
    expect(code(() => newSuperblock(1.5))).toBe('EBADARG');
  });
});

describe('status', () => {
  it('parseStatus and statusName round-trip every combination in WUDH order', () => {
    for (let b = 1; b < 16; b++) expect(parseStatus(statusName(b))).toBe(b);
    expect(statusName(parseStatus('HDUW'))).toBe('WUDH');
    expect(parseStatus('')).toBe(-1);
    expect(parseStatus('WUDHW')).toBe(-1);
  });
});
