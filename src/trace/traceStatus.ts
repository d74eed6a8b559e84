/**
 * Extent status as trace events print it, in both of the forms kernels have used:
 *
 * - 3.9 and 3.10 print the flag bits of `es_pblk` in hex (`%llx`): `8000000000000000` is WRITTEN
 *   (bit 63), `4000…` UNWRITTEN, `2000…` DELAYED, `1000…` HOLE, OR-ed together; a miss prints `0`.
 * - 3.11 on print letters (`show_extent_status`): `W` `U` `D` `H`, from 3.19 `R` (referenced), and
 *   `__print_flags` appends any bit it has no name for as hex (`D0x10`). A miss prints nothing.
 *
 * Hex is always lower case and letters always upper case, so the two never look alike.
 */
import { ST_DELAYED, ST_HOLE, ST_UNWRITTEN, ST_WRITTEN } from '../core/status.ts';

/** A decoded status: the WUDH bits the engine knows, and what was dropped to get them. */
export interface TraceStatus {
  /** WUDH bits in the engine's encoding (W 8, U 4, D 2, H 1); 0 when the trace printed none. */
  bits: number;
  /** The REFERENCED letter `R` was present (3.19+; the 3.9 model has no such bit). */
  referenced: boolean;
  /** Bits with no WUDH meaning were present (hex below bit 60, or a `0x…` suffix). */
  unknown: boolean;
}

const NONE: TraceStatus = { bits: 0, referenced: false, unknown: false };

/**
 * Decodes a status token (`W`, `UR`, `D0x10`, `a000000000000000`, `0`, ``). Returns null when the
 * token is neither form. O(token length).
 */
export function parseTraceStatus(tok: string): TraceStatus | null {
  if (tok.length === 0) return NONE;
  const c = tok.charCodeAt(0);
  const isHexStart = (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
  return isHexStart ? parseHexStatus(tok) : parseLetterStatus(tok);
}

function isHex(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function parseHexStatus(tok: string): TraceStatus | null {
  let from = tok.startsWith('0x') ? 2 : 0;
  if (!isHex(tok, from)) return null;
  while (from < tok.length - 1 && tok.charCodeAt(from) === 48) from++;
  const digits = tok.length - from;
  if (digits > 16) return null;
  if (digits < 16) {
    // Nothing in bits 60-63: no status, and any non-zero value is bits the model lacks.
    return tok.charCodeAt(from) === 48 && digits === 1 ? NONE : { ...NONE, unknown: true };
  }
  // The top hex digit is bits 63..60, which is W U D H in the engine's own order.
  const bits = parseInt(tok[from]!, 16);
  let unknown = false;
  for (let i = from + 1; i < tok.length; i++) if (tok.charCodeAt(i) !== 48) unknown = true;
  return { bits, referenced: false, unknown };
}

function parseLetterStatus(tok: string): TraceStatus | null {
  let bits = 0;
  let referenced = false;
  let i = 0;
  for (; i < tok.length; i++) {
    const c = tok[i];
    const bit =
      c === 'W'
        ? ST_WRITTEN
        : c === 'U'
          ? ST_UNWRITTEN
          : c === 'D'
            ? ST_DELAYED
            : c === 'H'
              ? ST_HOLE
              : 0;
    if (bit !== 0) {
      bits |= bit;
      continue;
    }
    if (c === 'R') {
      referenced = true;
      continue;
    }
    break;
  }
  if (i === tok.length) return { bits, referenced, unknown: false };
  // __print_flags prints the bits it cannot name as one hex number after the letters.
  if (tok.startsWith('0x', i) && isHex(tok, i + 2)) return { bits, referenced, unknown: true };
  return null;
}
