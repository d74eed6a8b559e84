import { describe, expect, it } from 'vitest';
import { EngineClient, inProcessPort } from '../worker/client.ts';
import { EngineHost } from '../worker/host.ts';
import { createEsxStore } from './esxStore.ts';

function hostPort() {
  const host = new EngineHost(() => Promise.resolve());
  return inProcessPort((m, emit) => host.handle(m, emit));
}

describe('recover', () => {
  it('recover rebuilds the session in a new worker from its base, log and cursor', async () => {
    const client = new EngineClient(hostPort());
    const store = createEsxStore(client);
    await store.getState().start();
    await store.getState().run([
      { op: 'insert', ino: 1, lblk: 10, len: 1, status: 'D' },
      { op: 'insert', ino: 1, lblk: 30, len: 1, status: 'D' },
      { op: 'insert', ino: 1, lblk: 20, len: 1, status: 'D' },
    ]);
    await store.getState().move('prev');
    const before = store.getState();
    client.replacePort(hostPort(), 'it failed');
    await store.getState().recover('it failed');
    const after = store.getState();
    expect(after.result?.text).toMatch(/nothing was lost/);
    expect(after.cursor).toEqual(before.cursor);
    expect(after.snapshot?.detail.shape).toBe(before.snapshot?.detail.shape);
    expect(after.ops).toEqual(before.ops);
  });
});
