import { describe, expect, it } from 'vitest';
import type { Op } from '../core/ops.ts';
import { EngineClient, inProcessPort } from '../worker/client.ts';
import { EngineHost } from '../worker/host.ts';
import { BIG_TREE } from '../worker/protocol.ts';
import { createEsxStore } from './esxStore.ts';

/** One extent every other block, alternating status: nothing merges. */
const many: Op[] = Array.from({ length: BIG_TREE + 100 }, (_, i) => ({
  op: 'insert',
  ino: 1,
  lblk: i * 2,
  len: 1,
  pblk: 10_000 + i,
  status: i % 2 ? 'W' : 'U',
}));

async function bigStore() {
  const host = new EngineHost();
  const store = createEsxStore(new EngineClient(inProcessPort((m, emit) => host.handle(m, emit))));
  await store.getState().start();
  await store.getState().loadSession({ inodes: 1 }, many, { op: many.length, step: 0 });
  return store;
}

describe('big tree slice', () => {
  it('setBigWindow: the table page and the drawing follow the window', async () => {
    const store = await bigStore();
    const big = store.getState().snapshot!.detail.big!;
    expect(big.rows.from).toBe(0);
    store.getState().setBigWindow({ rows: { from: 3000, count: 100 } });
    await expect.poll(() => store.getState().snapshot!.detail.big!.rows.from).toBe(3000);
    const b = store.getState().snapshot!.detail.big!;
    expect(b.rows.extents[0]).toEqual([6000, 1, 'U', 13_000]);
    // moves made while one is in flight are merged: the last one wins
    for (let i = 0; i < 5; i++)
      store
        .getState()
        .setBigWindow({ tree: { x0: i * 10, x1: i * 10 + 20, d0: 0, d1: 40, perPx: 0.05 } });
    await expect.poll(() => store.getState().snapshot!.detail.big!.view.x0).toBe(40);
    expect(store.getState().snapshot!.detail.big!.lod.nodes.some((n) => n.rank === 50)).toBe(true);
  });

  it('goToBlock finds the covering extent, or says which block has none', async () => {
    const store = await bigStore();
    await store.getState().goToBlock(4001);
    let s = store.getState();
    expect(s.found).toBeNull();
    expect(s.findMessage).toBe(
      'No extent of inode 1 covers block 4001; the next extent starts at block 4002.',
    );
    await store.getState().goToBlock(4002);
    s = store.getState();
    expect(s.found?.extent).toEqual([4002, 1, 'W', 12_001]);
    expect(s.found?.rank).toBe(2001);
    expect(s.findMessage).toBeNull();
    expect(s.foundSeq).toBe(2);
    // the state is untouched
    expect(s.ops).toHaveLength(many.length);
  });
});
