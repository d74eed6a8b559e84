import { describe, expect, it } from 'vitest';
import { parseTraceStatus } from './traceStatus.ts';

describe('parseTraceStatus', () => {
  it('parseTraceStatus reads the 3.9 hex flag bits into W U D H', () => {
    expect(parseTraceStatus('8000000000000000')).toEqual({
      bits: 8,
      referenced: false,
      unknown: false,
    });
    expect(parseTraceStatus('4000000000000000')?.bits).toBe(4);
    expect(parseTraceStatus('2000000000000000')?.bits).toBe(2);
    expect(parseTraceStatus('1000000000000000')?.bits).toBe(1);
    expect(parseTraceStatus('a000000000000000')?.bits).toBe(10);
    expect(parseTraceStatus('0')).toEqual({ bits: 0, referenced: false, unknown: false });
  });
  it('parseTraceStatus flags hex bits below bit 60 as unknown', () => {
    expect(parseTraceStatus('8000000000000010')).toEqual({
      bits: 8,
      referenced: false,
      unknown: true,
    });
    expect(parseTraceStatus('10')).toEqual({ bits: 0, referenced: false, unknown: true });
  });
  it('parseTraceStatus reads letters, R and a trailing hex remainder', () => {
    expect(parseTraceStatus('WUDH')?.bits).toBe(15);
    expect(parseTraceStatus('UR')).toEqual({ bits: 4, referenced: true, unknown: false });
    expect(parseTraceStatus('HR')).toEqual({ bits: 1, referenced: true, unknown: false });
    expect(parseTraceStatus('D0x10')).toEqual({ bits: 2, referenced: false, unknown: true });
    expect(parseTraceStatus('')).toEqual({ bits: 0, referenced: false, unknown: false });
  });
  it('parseTraceStatus refuses anything else', () => {
    for (const bad of ['X', 'W?', 'D0x', '1g', '0x', '10000000000000000f', 'w'])
      expect(parseTraceStatus(bad), bad).toBeNull();
  });
});
