import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { Explorer } from './explorer.ts';
import { shapeFromNodes } from '../src/worker/shape.ts';

interface VectorOp {
  op: string;
  ino?: number;
  lblk?: number;
  len?: number;
  pblk?: number;
  status?: string;
  nr?: number;
}
interface InodeState {
  ino: number;
  lru_nr: number;
  cache: number | null;
  extents: [number, number, string, number | null][];
  shape: string;
}
interface Step {
  op: VectorOp;
  expect: { state: { lru: number[]; inodes: InodeState[] } };
}

const lines = gunzipSync(
  readFileSync(new URL('../test/conformance/small-random-1.jsonl.gz', import.meta.url)),
)
  .toString('utf8')
  .split('\n')
  .filter(Boolean);
const header = JSON.parse(lines[0]!) as { inodes: number };
const steps = lines.slice(1, 101).map((l) => JSON.parse(l) as Step);

/** The CLI form of a vector op, written out here rather than borrowed from the engine. */
function toCommand(o: VectorOp): string {
  switch (o.op) {
    case 'insert':
      return [
        'insert',
        o.ino,
        o.lblk,
        o.len,
        ...(o.pblk === undefined ? [] : [o.pblk]),
        o.status,
      ].join(' ');
    case 'remove':
      return `remove ${o.ino} ${o.lblk} ${o.len}`;
    case 'lookup':
    case 'find_delayed':
      return `${o.op} ${o.ino} ${o.lblk}`;
    case 'shrink':
      return `shrink ${o.nr}`;
    case 'lru_del':
      return `lru_del ${o.ino}`;
    default:
      throw new Error(`no command for ${o.op}`);
  }
}

test('the first 100 ops of small-random-1 pasted into Command draw exactly the kernel state', async ({
  page,
}) => {
  expect(steps).toHaveLength(100);
  const app = new Explorer(page);
  await app.open();
  await app.field('Inodes').fill(String(header.inodes));
  await app.button('Set inodes').click();
  await expect(app.result).toContainText(`New session with ${header.inodes} inodes`);

  let done = 0;
  for (const upto of [25, 50, 75, 100]) {
    await app.command(
      steps
        .slice(done, upto)
        .map((s) => toCommand(s.op))
        .join('\n'),
    );
    done = upto;
    const want = steps[upto - 1]!.expect.state;
    expect(await app.lruOrder(), `LRU after ${upto} ops`).toEqual(want.lru);
    for (const inode of want.inodes) {
      await app.selectInode(inode.ino);
      expect(await app.rows(inode.ino), `extents of inode ${inode.ino} after ${upto} ops`).toEqual(
        inode.extents,
      );
      const nodes = await app.nodes(inode.ino);
      expect(shapeFromNodes(nodes), `tree of inode ${inode.ino} after ${upto} ops`).toBe(
        inode.shape,
      );
      const cached = nodes.filter((n) => n.cache).map((n) => n.lblk);
      expect(cached, `cache_es of inode ${inode.ino} after ${upto} ops`).toEqual(
        inode.cache === null ? [] : [inode.cache],
      );
    }
  }
});
