/**
 * Session files: the whole session as readable JSON (`esx-session/1`), for "Download session"
 * and "Open session". The same checks as links apply.
 */
import { LinkError, sessionFromJson, sessionToJson, type Session } from './session.ts';
import { MAX_DECODED_BYTES } from './codec.ts';

export const SESSION_FILE_FORMAT = 'esx-session/1';

export function sessionToFile(s: Session): string {
  const j = sessionToJson(s);
  return JSON.stringify(
    {
      format: SESSION_FILE_FORMAT,
      v: j.v,
      base: j.b,
      ops: j.o.length ? j.o.split('\n') : [],
      cursor: j.c,
      selected: j.i,
      breakpoints: j.k,
      view: j.w,
    },
    null,
    1,
  );
}

export type FileResult = { ok: true; session: Session } | { ok: false; error: LinkError };

/** Reads a session file's text. Never throws. */
export function sessionFromFile(text: string): FileResult {
  try {
    if (text.length > MAX_DECODED_BYTES)
      throw new LinkError('too_large', `the file is larger than ${MAX_DECODED_BYTES / 1048576} MB`);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new LinkError('bad_encoding', 'the file is not JSON');
    }
    const x = raw as Record<string, unknown> | null;
    if (
      !x ||
      typeof x !== 'object' ||
      typeof x.format !== 'string' ||
      !x.format.startsWith('esx-session/')
    )
      throw new LinkError('not_a_link', 'this is not an esx session file');
    const version = Number(/^esx-session\/(\d+)$/.exec(x.format)?.[1] ?? NaN);
    if (!Number.isInteger(version))
      throw new LinkError('invalid', `unknown session file format ${JSON.stringify(x.format)}`);
    if (version > 1)
      throw new LinkError(
        'future_version',
        `made by a newer esx (session format ${version}; this one reads format 1)`,
      );
    if (!Array.isArray(x.ops) || !x.ops.every((o) => typeof o === 'string' && !o.includes('\n')))
      throw new LinkError('invalid', 'ops must be a list of commands');
    return {
      ok: true,
      session: sessionFromJson({
        v: x.v,
        b: x.base,
        o: x.ops.join('\n'),
        c: x.cursor,
        i: x.selected,
        k: x.breakpoints,
        w: x.view,
      }),
    };
  } catch (e) {
    if (e instanceof LinkError) return { ok: false, error: e };
    return { ok: false, error: new LinkError('invalid', 'the file could not be read') };
  }
}
