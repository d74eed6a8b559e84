import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpState } from '../core/dump.ts';
import { History } from '../core/history.ts';
import { newSuperblock } from '../core/ops.ts';
import { restoreState } from '../core/restore.ts';
import { decodeSession } from './codec.ts';

const dir = join(import.meta.dirname, '../../test/links');
const links = readdirSync(dir).filter((f) => f.endsWith('.link'));

describe('golden links', () => {
  it('golden links are present', () => expect(links.length).toBeGreaterThanOrEqual(3));
  for (const name of links) {
    it(`decodeSession of golden ${name} reproduces its recorded state`, () => {
      const r = decodeSession(readFileSync(join(dir, name), 'utf8'));
      if (!r.ok) throw r.error;
      const s = r.session;
      const base = 'inodes' in s.base ? newSuperblock(s.base.inodes) : restoreState(s.base.state);
      const h = new History(base);
      for (const op of s.ops) h.append(op);
      const want = JSON.parse(
        readFileSync(join(dir, name.replace('.link', '.state.json')), 'utf8'),
      ) as unknown;
      expect(dumpState(h.seek(s.cursor.op))).toEqual(want);
    });
  }
});
