/** The header line of op and vector files. */
import { InputError } from './io.ts';

export type FileFormat = 'esx-ops/1' | 'esx-vector/1';

export interface FileHeader {
  format: FileFormat;
  inodes: number;
}

export function parseHeader(text: string, file: string): FileHeader {
  let h: unknown;
  try {
    h = JSON.parse(text);
  } catch {
    throw new InputError(
      `${file}:1: the first line must be a JSON header such as {"format":"esx-ops/1","inodes":4}`,
    );
  }
  const o = (h ?? {}) as Record<string, unknown>;
  if (o.format !== 'esx-ops/1' && o.format !== 'esx-vector/1')
    throw new InputError(
      `${file}:1: unknown format ${JSON.stringify(o.format)} (expected "esx-ops/1" or "esx-vector/1")`,
    );
  const n = o.inodes;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1 << 20)
    throw new InputError(`${file}:1: "inodes" must be an integer from 1 to 1048576`);
  return { format: o.format, inodes: n };
}
