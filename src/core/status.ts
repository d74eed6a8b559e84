/**
 * Extent status flags. The kernel keeps them in the top four bits of `es_pblk`
 * (WRITTEN bit 63, UNWRITTEN 62, DELAYED 61, HOLE 60); the engine keeps them in a
 * byte of their own with the same order, so WUDH reads left to right.
 */
export const ST_WRITTEN = 8;
export const ST_UNWRITTEN = 4;
export const ST_DELAYED = 2;
export const ST_HOLE = 1;

/** Letters in the canonical order W U D H. */
const LETTERS: readonly [string, number][] = [
  ['W', ST_WRITTEN],
  ['U', ST_UNWRITTEN],
  ['D', ST_DELAYED],
  ['H', ST_HOLE],
];

const NAMES: string[] = [];
for (let bits = 0; bits < 16; bits++) {
  let s = '';
  for (const [letter, bit] of LETTERS) if (bits & bit) s += letter;
  NAMES.push(s);
}

/** `WUDH`-ordered letters of a status byte ("" for 0). */
export function statusName(bits: number): string {
  return NAMES[bits & 15] ?? '';
}

/**
 * Parses a status written as letters in any order ("DW" is "WD"). Returns the status
 * byte, or -1 when the text is empty, repeats a letter or has a letter other than WUDH.
 */
export function parseStatus(text: string): number {
  if (text.length === 0 || text.length > 4) return -1;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bit =
      c === 87
        ? ST_WRITTEN
        : c === 85
          ? ST_UNWRITTEN
          : c === 68
            ? ST_DELAYED
            : c === 72
              ? ST_HOLE
              : 0;
    if (bit === 0 || bits & bit) return -1;
    bits |= bit;
  }
  return bits;
}

/** True when the status maps real blocks (W or U), so its pblk carries meaning. */
export function hasPblk(bits: number): boolean {
  return (bits & (ST_WRITTEN | ST_UNWRITTEN)) !== 0;
}
