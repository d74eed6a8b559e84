/**
 * Fuzzing with fast-check: arbitrary op sequences, values at the 32-bit and 48-bit edges
 * included, never throw outside the engine's own error values, never break an invariant, and
 * never leave the state changed by an op that failed. The parsers take any text without throwing
 * anything but EsError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dumpState } from './dump.ts';
import { EsError } from './errors.ts';
import { checkInvariants } from './invariants.ts';
import { applyOp, newSuperblock, parseCommand, parseOpObject, type Op } from './ops.ts';

const edgeU32 = fc.oneof(
  fc.integer({ min: 0, max: 64 }),
  fc.integer({ min: 0xffffffff - 64, max: 0xffffffff }),
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.constantFrom(0x7fffffff, 0x80000000, 2 ** 32, -1, 1.5, Number.NaN),
);
const edgePblk = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.constantFrom(2 ** 48 - 1, 2 ** 48, 2 ** 53, -5),
);
const status = fc.oneof(
  fc.constantFrom('W', 'U', 'D', 'H', 'WD', 'UD', 'WUDH', 'HD'),
  fc.string({ maxLength: 5 }),
);
const ino = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 4, -1, 2.5));

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    ino,
    lblk: edgeU32,
    len: edgeU32,
    pblk: edgePblk,
    status,
  }),
  fc.record({ op: fc.constant('remove' as const), ino, lblk: edgeU32, len: edgeU32 }),
  fc.record({ op: fc.constant('lookup' as const), ino, lblk: edgeU32 }),
  fc.record({ op: fc.constant('find_delayed' as const), ino, lblk: edgeU32 }),
  fc.record({
    op: fc.constant('shrink' as const),
    nr: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(-1, 2 ** 31, 2 ** 31 - 1)),
  }),
  fc.record({ op: fc.constant('lru_del' as const), ino }),
  fc.record({ op: fc.constant('add_inodes' as const), count: fc.integer({ min: 0, max: 6 }) }),
);

describe('engine under arbitrary ops', () => {
  it('applyOp never throws, keeps every invariant, and changes nothing when it reports an error', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const sb = newSuperblock(3);
        for (const o of ops) {
          const before = JSON.stringify(dumpState(sb));
          const r = applyOp(sb, o);
          if (r.err) expect(JSON.stringify(dumpState(sb))).toBe(before);
          expect(checkInvariants(sb)).toEqual([]);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('parsers under arbitrary input', () => {
  const onlyEsError = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(EsError);
    }
  };
  it('parseCommand accepts or refuses any text with an EsError, never hanging', () => {
    const words = fc.array(
      fc.oneof(
        fc.constantFrom(
          'insert',
          'remove',
          'lookup',
          'find_delayed',
          'shrink',
          'lru_del',
          'add_inodes',
          'W',
          'UD',
          '0x',
          '0xff',
          '-1',
          '4294967295',
        ),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 7 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          words.map((w) => w.join(' ')),
        ),
        (text) => {
          const t0 = performance.now();
          onlyEsError(() => parseCommand(text));
          // a hang would take forever; 1 s leaves room for a GC pause on a loaded machine
          expect(performance.now() - t0).toBeLessThan(1000);
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('parseOpObject accepts or refuses any JSON value with an EsError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => onlyEsError(() => parseOpObject(v))),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(
        fc.record({
          op: fc.constantFrom('insert', 'lookup', 'shrink'),
          ino: fc.jsonValue(),
          lblk: fc.jsonValue(),
          len: fc.jsonValue(),
          status: fc.jsonValue(),
          nr: fc.jsonValue(),
        }),
        (v) => onlyEsError(() => parseOpObject(v)),
      ),
      { numRuns: 2000 },
    );
  });
});
