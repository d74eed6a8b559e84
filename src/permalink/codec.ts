/**
 * Links: a session as `esx1.` + base64url(deflate-raw(JSON)), in the URL fragment. Decoding is
 * bounded (5 MB decoded at most), returns errors as values and never evaluates anything: the
 * payload is parsed as JSON and checked field by field.
 */
import { Inflate, deflateSync } from 'fflate';
import { LinkError, sessionFromJson, sessionToJson, type Session } from './session.ts';

export const LINK_PREFIX = 'esx1.';
/** Decoded payloads larger than this are refused. */
export const MAX_DECODED_BYTES = 5 * 1024 * 1024;
/** Links longer than this are cut by chat tools and some hosts. */
export const LONG_LINK = 8000;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]!;
  }
  return out;
}

/** Decodes base64url without padding; null on any character outside the alphabet. */
export function base64urlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}

/** Fewest bytes an op takes in a link's JSON (`shrink 8` and its newline). */
const MIN_OP_BYTES = 9;

/**
 * The link payload (what follows `#`) for a session. A session whose data would be refused when
 * the link is opened (over MAX_DECODED_BYTES) throws LinkError('too_large') before it is
 * compressed, and one with too many ops to fit before it is even written out.
 */
export function encodeSession(s: Session): string {
  const tooLarge = () =>
    new LinkError(
      'too_large',
      `the session is too large for a link (${s.ops.length.toLocaleString('en-US')} ops; a link holds at most ${MAX_DECODED_BYTES / 1048576} MB of data): save it as a session file instead`,
    );
  if (s.ops.length * MIN_OP_BYTES > MAX_DECODED_BYTES) throw tooLarge();
  const json = new TextEncoder().encode(JSON.stringify(sessionToJson(s)));
  if (json.length > MAX_DECODED_BYTES) throw tooLarge();
  return LINK_PREFIX + base64urlEncode(deflateSync(json, { level: 9 }));
}

/** Inflates with a size bound; throws LinkError. */
function inflateBounded(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > MAX_DECODED_BYTES)
      throw new LinkError(
        'too_large',
        `the link holds more than ${MAX_DECODED_BYTES / 1048576} MB of data`,
      );
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    inf.push(data, true);
  } catch (e) {
    if (e instanceof LinkError) throw e;
    const msg = e instanceof Error ? e.message : '';
    if (/unexpected EOF/i.test(msg))
      throw new LinkError('truncated', 'the link is cut short (part of it is missing)');
    throw new LinkError('bad_encoding', 'the link data is damaged (not valid compressed data)');
  }
  if (!done) throw new LinkError('truncated', 'the link is cut short (part of it is missing)');
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export type DecodeResult = { ok: true; session: Session } | { ok: false; error: LinkError };

/**
 * Decodes a link, a fragment (`#esx1.…`) or a bare payload. Never throws; never runs anything
 * from the link.
 */
export function decodeSession(text: string): DecodeResult {
  try {
    let t = text.trim();
    const hash = t.indexOf('#');
    if (hash >= 0) t = t.slice(hash + 1);
    if (!t.startsWith('esx')) throw new LinkError('not_a_link', 'this is not an esx link');
    const dot = t.indexOf('.');
    const version = Number(t.slice(3, dot));
    if (dot < 0 || !Number.isInteger(version) || version < 1)
      throw new LinkError('not_a_link', 'this is not an esx link');
    if (version > 1)
      throw new LinkError(
        'future_version',
        `made by a newer esx (link format ${version}; this one reads format 1)`,
      );
    const body = t.slice(dot + 1);
    if (body.length > (MAX_DECODED_BYTES * 4) / 3 + 16)
      throw new LinkError('too_large', `the link is longer than esx accepts`);
    const bytes = base64urlDecode(body);
    if (!bytes)
      throw new LinkError('bad_encoding', 'the link has characters that do not belong in it');
    const json = inflateBounded(bytes);
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    } catch {
      throw new LinkError('bad_encoding', 'the link data is not readable');
    }
    return { ok: true, session: sessionFromJson(raw) };
  } catch (e) {
    if (e instanceof LinkError) return { ok: false, error: e };
    return { ok: false, error: new LinkError('invalid', 'the link could not be read') };
  }
}
