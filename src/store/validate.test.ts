import { describe, expect, it } from 'vitest';
import { checkNumber, parseCommandLines } from './validate.ts';

describe('checkNumber', () => {
  it('accepts decimal and hex within bounds', () => {
    expect(checkNumber('lblk', '42')).toEqual({ ok: true, value: 42 });
    expect(checkNumber('lblk', ' 0xff ')).toEqual({ ok: true, value: 255 });
    expect(checkNumber('len', '4294967295')).toEqual({ ok: true, value: 4294967295 });
  });
  it('refuses empty, non-integers, negatives and out-of-range values with a message', () => {
    expect(checkNumber('lblk', '')).toMatchObject({ ok: false });
    expect(checkNumber('lblk', '1.5')).toMatchObject({ ok: false, message: /whole number/ });
    expect(checkNumber('len', '-1')).toMatchObject({ ok: false });
    expect(checkNumber('lblk', '4294967296')).toMatchObject({ ok: false, message: /Out of range/ });
    expect(checkNumber('pblk', String(2 ** 48))).toMatchObject({ ok: false });
  });
  it('bounds inode numbers by the current count', () => {
    expect(checkNumber('ino', '3', 4)).toEqual({ ok: true, value: 3 });
    expect(checkNumber('ino', '5', 4)).toEqual({ ok: false, message: 'Inodes are 1 to 4.' });
    expect(checkNumber('ino', '0', 4)).toMatchObject({ ok: false });
  });
});

describe('parseCommandLines', () => {
  it('parses several lines, skipping blanks and comments', () => {
    const r = parseCommandLines('insert 1 10 5 100 W\n\n# a note\nremove 1 12 2\r\nshrink 8');
    expect(r).toEqual({
      ok: true,
      ops: [
        { op: 'insert', ino: 1, lblk: 10, len: 5, pblk: 100, status: 'W' },
        { op: 'remove', ino: 1, lblk: 12, len: 2 },
        { op: 'shrink', nr: 8 },
      ],
    });
  });
  it('reports every bad line by number and returns no ops', () => {
    const r = parseCommandLines('lookup 1 2\nfrobnicate 3\ninsert 1 2 3 X');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
  });
});
