import { describe, expect, it } from 'vitest';
import { EngineClient, inProcessPort } from '../worker/client.ts';
import { EngineHost } from '../worker/host.ts';
import { createEsxStore } from './esxStore.ts';
import type { Op } from '../core/ops.ts';

const ins = (lblk: number): Op => ({ op: 'insert', ino: 1, lblk, len: 1, status: 'D' });

async function withThreeOps() {
  const host = new EngineHost();
  const store = createEsxStore(new EngineClient(inProcessPort((m, emit) => host.handle(m, emit))));
  await store.getState().start();
  await store.getState().run([ins(10), ins(30), ins(20)]);
  await store.getState().seek({ op: 1, step: 0 });
  return store;
}

describe('undoDrop', () => {
  it('confirmRun: after a drop Undo brings the dropped ops and the cursor back', async () => {
    const store = await withThreeOps();
    await store.getState().run([ins(40)]);
    expect(store.getState().pending).toEqual({ ops: [ins(40)], drops: 2 });
    await store.getState().confirmRun();
    expect(store.getState().ops).toEqual([ins(10), ins(40)]);
    expect(store.getState().undo?.dropped).toBe(2);
    await store.getState().undoDrop();
    expect(store.getState().ops).toEqual([ins(10), ins(30), ins(20)]);
    expect(store.getState().cursor).toEqual({ op: 1, step: 0 });
    expect(store.getState().undo).toBeNull();
  });

  it('run: the next op withdraws Undo, so it can never silently lose that op', async () => {
    const store = await withThreeOps();
    await store.getState().run([ins(40)]);
    await store.getState().confirmRun();
    await store.getState().run([ins(50)]);
    expect(store.getState().undo).toBeNull();
    await store.getState().undoDrop();
    expect(store.getState().ops).toEqual([ins(10), ins(40), ins(50)]);
  });

  it('cancelRun: keeps the later ops and offers no Undo', async () => {
    const store = await withThreeOps();
    await store.getState().run([ins(40)]);
    store.getState().cancelRun();
    expect(store.getState().pending).toBeNull();
    expect(store.getState().ops).toHaveLength(3);
    expect(store.getState().undo).toBeNull();
  });
});
