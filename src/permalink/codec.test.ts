import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { dumpState } from '../core/dump.ts';
import { History } from '../core/history.ts';
import { applyOp, newSuperblock, parseCommand, type Op } from '../core/ops.ts';
import { restoreState } from '../core/restore.ts';
import {
  base64urlDecode,
  base64urlEncode,
  decodeSession,
  encodeSession,
  MAX_DECODED_BYTES,
} from './codec.ts';
import { sessionFromFile, sessionToFile } from './file.ts';
import { LinkError, type Session } from './session.ts';

const ops: Op[] = [
  'insert 1 10 1 D',
  'insert 1 30 1 D',
  'insert 1 20 1 D',
  'insert 2 0 8 500 W',
  'lookup 2 3',
  'shrink 1',
].map(parseCommand);

const session: Session = {
  base: { inodes: 2 },
  ops,
  cursor: { op: 2, step: 5 },
  selected: 1,
  breakpoints: [
    { on: 'category', category: 'rotation' },
    { on: 'inode', ino: 2 },
    { on: 'range', ino: 1, lblk: 0, len: 100 },
  ],
  view: { theme: 'dark', speed: 2, instant: false },
};

function payload(json: string): string {
  return 'esx1.' + base64urlEncode(deflateSync(new TextEncoder().encode(json)));
}

describe('encodeSession and decodeSession', () => {
  it('encodeSession round-trips a session exactly, from a whole URL too', () => {
    const link = encodeSession(session);
    expect(link).toMatch(/^esx1\.[A-Za-z0-9_-]+$/);
    expect(decodeSession(link)).toEqual({ ok: true, session });
    expect(decodeSession(`https://example.test/esx/#${link}`)).toEqual({ ok: true, session });
  });
  it('decodeSession names what is wrong with a bad link', () => {
    const link = encodeSession(session);
    const code = (t: string) => {
      const r = decodeSession(t);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('https://example.test/')).toBe('not_a_link');
    expect(code('esx1.' + '!!!!')).toBe('bad_encoding');
    expect(code(link.slice(0, link.length - 12))).toBe('truncated');
    expect(code('esx7.AAAA')).toBe('future_version');
    expect(code(payload('{"v":2}'))).toBe('future_version');
    expect(code(payload('[1,2]'))).toBe('invalid');
    expect(code(payload('not json'))).toBe('bad_encoding');
    expect(code(payload('{"v":1,"b":{"n":2},"o":"frob 1","c":[0,0],"i":1,"k":[],"w":{}}'))).toBe(
      'invalid',
    );
    expect(code(payload('{"v":1,"b":{"n":2},"o":"","c":[3,0],"i":1,"k":[],"w":{}}'))).toBe(
      'invalid',
    );
    expect(code(payload('{"v":1,"b":{"n":2},"o":"","c":[0,0],"i":9,"k":[],"w":{}}'))).toBe(
      'invalid',
    );
    expect(
      code(
        payload('{"v":1,"b":{"n":2},"o":"","c":[0,0],"i":1,"k":[{"on":"inode","ino":5}],"w":{}}'),
      ),
    ).toBe('invalid');
    expect(code(payload('{"v":1,"b":{"n":2},"o":"","c":[0,0],"i":1,"k":[],"w":{"<img>":1}}'))).toBe(
      'invalid',
    );
    // a flipped character in the middle: damaged data or an invalid session, never a crash
    const mid = Math.floor(link.length / 2);
    const flipped = link.slice(0, mid) + (link[mid] === 'A' ? 'B' : 'A') + link.slice(mid + 1);
    expect(['bad_encoding', 'invalid', 'truncated', 'ok']).toContain(code(flipped));
  });
  it('decodeSession refuses a payload that inflates past 5 MB', () => {
    const big = new Uint8Array(MAX_DECODED_BYTES + 10).fill(32);
    const link = 'esx1.' + base64urlEncode(deflateSync(big, { level: 9 }));
    expect(link.length).toBeLessThan(20_000);
    const r = decodeSession(link);
    expect(r.ok ? 'ok' : r.error.code).toBe('too_large');
  });
  it('decodeSession never throws and answers quickly for any input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const t0 = performance.now();
        const r = decodeSession(s);
        expect(performance.now() - t0).toBeLessThan(500);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeSession('esx1.' + base64urlEncode(bytes));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeSession(payload(JSON.stringify(v)));
        expect(r.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
  it('base64urlDecode inverts base64urlEncode for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(base64urlDecode(base64urlEncode(b))).toEqual(b);
      }),
    );
  });
});

describe('state links', () => {
  it('a state link after a 100,000-op workload round-trips to the identical canonical state', () => {
    const sb = newSuperblock(4);
    let x = 42;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    for (let k = 0; k < 100_000; k++) {
      const ino = 1 + rnd(4);
      const lblk = rnd(200_000);
      const r = rnd(100);
      if (r < 55)
        applyOp(sb, {
          op: 'insert',
          ino,
          lblk,
          len: 1 + rnd(8),
          pblk: 5000 + lblk,
          status: ['W', 'U', 'D', 'H'][rnd(4)]!,
        });
      else if (r < 65) applyOp(sb, { op: 'remove', ino, lblk, len: 1 + rnd(8) });
      else if (r < 95) applyOp(sb, { op: 'lookup', ino, lblk });
      else applyOp(sb, { op: 'shrink', nr: rnd(4) });
    }
    const state = dumpState(sb);
    const link = encodeSession({
      base: { state },
      ops: [],
      cursor: { op: 0, step: 0 },
      selected: 1,
      breakpoints: [],
      view: {},
    });
    const r = decodeSession(link);
    if (!r.ok) throw r.error;
    expect('state' in r.session.base).toBe(true);
    const back = restoreState((r.session.base as { state: typeof state }).state);
    expect(dumpState(back)).toEqual(state);
  });
  it('a state link with an inconsistent tree is refused with the reason', () => {
    const state = dumpState(newSuperblock(1));
    state.inodes[0] = { ino: 1, lru_nr: 1, cache: null, extents: [[0, 5, 'W', 1]], shape: '0r' };
    const r = decodeSession(
      encodeSession({
        base: { state },
        ops: [],
        cursor: { op: 0, step: 0 },
        selected: 1,
        breakpoints: [],
        view: {},
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/does not hold together: .*root is red/);
  });
});

describe('session files', () => {
  it('sessionToFile round-trips through sessionFromFile', () => {
    const text = sessionToFile(session);
    expect(JSON.parse(text)).toMatchObject({
      format: 'esx-session/1',
      ops: [
        'insert 1 10 1 D',
        'insert 1 30 1 D',
        'insert 1 20 1 D',
        'insert 2 0 8 500 W',
        'lookup 2 3',
        'shrink 1',
      ],
    });
    expect(sessionFromFile(text)).toEqual({ ok: true, session });
  });
  it('sessionFromFile refuses bad files with their reason and never throws', () => {
    const code = (t: string) => {
      const r = sessionFromFile(t);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('nope')).toBe('bad_encoding');
    expect(code('{"format":"other"}')).toBe('not_a_link');
    expect(code('{"format":"esx-session/2","v":2}')).toBe('future_version');
    expect(code(sessionToFile(session).replace('"selected": 1', '"selected": 7'))).toBe('invalid');
    expect(
      code(
        JSON.stringify({
          format: 'esx-session/1',
          v: 1,
          base: { n: 1 },
          ops: ['lookup 1 1\nlookup 1 2'],
          cursor: [0, 0],
          selected: 1,
          breakpoints: [],
          view: {},
        }),
      ),
    ).toBe('invalid');
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(typeof sessionFromFile(JSON.stringify(v)).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
  it('a session replays through History to the state it describes', () => {
    const h = new History(newSuperblock(2));
    for (const op of session.ops) h.append(op);
    expect(dumpState(h.seek(6)).lru).toEqual([1, 2]);
  });
});

describe('encodeSession size bound', () => {
  const session = (ops: Op[]): Session => ({
    base: { inodes: 1 },
    ops,
    cursor: { op: ops.length, step: 0 },
    selected: 1,
    breakpoints: [],
    view: {},
  });
  it('refuses a session whose data a link could not carry, before compressing it', () => {
    // 200,000 inserts of long numbers: over 5 MB of JSON
    const big: Op[] = Array.from({ length: 200_000 }, (_, i) => ({
      op: 'insert',
      ino: 1,
      lblk: 4_000_000_000 - i * 8,
      len: 7,
      pblk: 200_000_000_000 + i,
      status: 'WD',
    }));
    expect(() => encodeSession(session(big))).toThrow(/too large for a link \(200,000 ops/);
    // so many ops that no link could hold them: refused without writing them out
    const many: Op[] = new Array(700_000).fill({ op: 'shrink', nr: 8 });
    const t0 = performance.now();
    expect(() => encodeSession(session(many))).toThrow(LinkError);
    expect(performance.now() - t0).toBeLessThan(50);
    // a session just under the bound still encodes and decodes
    const ok: Op[] = big.slice(0, 20_000);
    const back = decodeSession(encodeSession(session(ok)));
    expect(back.ok && back.session.ops).toEqual(ok);
  });
});
