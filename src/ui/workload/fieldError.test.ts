import { describe, expect, it } from 'vitest';
import { fieldError } from './WorkloadPanel.tsx';

describe('fieldError', () => {
  it('fieldError accepts good values and names the bad ones with checkWorkload’s words', () => {
    expect(fieldError('files', '8')).toBeNull();
    expect(fieldError('seed', '0x10')).toBeNull();
    expect(fieldError('shrinkEvery', '0')).toBeNull();
    expect(fieldError('files', '0')).toBe('Files must be from 1 to 4096.');
    expect(fieldError('seed', '4294967296')).toBe('Seed must be a 32-bit unsigned integer.');
    expect(fieldError('shrinkNr', '0')).toBe('Objects to scan must be from 1.');
    expect(fieldError('maxOps', '')).toBe('Enter a whole number.');
    expect(fieldError('fileSize', '1.5')).toBe('Enter a whole number.');
  });
});
