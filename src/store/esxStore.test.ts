import { describe, expect, it } from 'vitest';
import { EngineClient, inProcessPort } from '../worker/client.ts';
import { EngineHost } from '../worker/host.ts';
import { createEsxStore } from './esxStore.ts';
import { selectInodeCount, selectIsEmpty, selectLru, selectTreeIds } from './selectors.ts';
import { EXAMPLE_OPS } from './sessionSlice.ts';

async function started(inodes = 4) {
  const host = new EngineHost();
  const store = createEsxStore(new EngineClient(inProcessPort((m, emit) => host.handle(m, emit))));
  if (inodes !== 4) store.setState({ base: { inodes } });
  await store.getState().start();
  return { store, host };
}

describe('createEsxStore', () => {
  it('start: pings the engine and loads an empty session', async () => {
    const { store } = await started();
    const s = store.getState();
    expect(s.engine).toMatch(/esx/);
    expect(s.snapshot?.inodeCount).toBe(4);
    expect(selectIsEmpty(s)).toBe(true);
  });

  it('run: appends ops and results to the log, moves the cursor, describes the result', async () => {
    const { store, host } = await started();
    await store
      .getState()
      .run([{ op: 'insert', ino: 2, lblk: 10, len: 5, pblk: 100, status: 'W' }]);
    const s = store.getState();
    expect(s.ops).toHaveLength(1);
    expect(s.results).toEqual([{ ret: 0 }]);
    expect(s.cursor).toEqual({ op: 1, step: 0 });
    expect(s.selectedIno).toBe(2);
    expect(s.result).toEqual({
      kind: 'ok',
      text: 'insert 2 10 5 100 W: cached [10/5) written at 100 in inode 2',
    });
    expect(selectTreeIds(s)).toHaveLength(1);
    expect(host.session().ops).toEqual(s.ops);
  });

  it('run: appends in place to a log of its own: other stores, newSession and a loaded array keep theirs', async () => {
    const a = (await started()).store;
    const b = (await started()).store;
    const op = { op: 'lookup', ino: 1, lblk: 3 } as const;
    await a.getState().run([op]);
    const log = a.getState().ops;
    await a.getState().run([op]);
    expect(a.getState().ops).toBe(log);
    expect(log).toHaveLength(2);
    expect(a.getState().results).toHaveLength(2);
    expect(b.getState().ops).toEqual([]);
    await b.getState().newSession(4);
    expect(b.getState().ops).toEqual([]);
    // a lesson's ops (or Undo's) handed to loadSession must not grow with the log
    const mine = [...EXAMPLE_OPS];
    await b.getState().loadSession({ inodes: 4 }, mine, { op: mine.length, step: 0 });
    await b.getState().run([op]);
    expect(mine).toEqual(EXAMPLE_OPS);
    expect(b.getState().ops).toHaveLength(EXAMPLE_OPS.length + 1);
    await a.getState().newSession(4);
    expect(a.getState().ops).toEqual([]);
    expect(log).toHaveLength(2);
  });

  it('run: shows an engine error in the result line and keeps the state', async () => {
    const { store } = await started();
    await store.getState().run(EXAMPLE_OPS);
    const before = store.getState().snapshot;
    await store
      .getState()
      .run([{ op: 'insert', ino: 1, lblk: 4294967290, len: 10, pblk: 5, status: 'W' }]);
    const s = store.getState();
    expect(s.result?.kind).toBe('error');
    expect(s.result?.text).toContain('EINVAL');
    expect(s.snapshot?.detail.extents).toEqual(before?.detail.extents);
    expect(s.snapshot?.lru).toEqual(before?.lru);
  });

  it('run: marks the last lookup for the block map', async () => {
    const { store } = await started();
    await store.getState().run([
      { op: 'lookup', ino: 3, lblk: 7 },
      { op: 'lookup', ino: 1, lblk: 12 },
    ]);
    expect(store.getState().lookup).toEqual({ ino: 1, lblk: 12 });
    expect(selectLru(store.getState())).toEqual([3, 1]);
  });

  it('setInodeCount: sets the base while the log is empty', async () => {
    const { store } = await started();
    await store.getState().setInodeCount(9);
    expect(store.getState().base).toEqual({ inodes: 9 });
    expect(store.getState().ops).toEqual([]);
    expect(selectInodeCount(store.getState())).toBe(9);
  });

  it('setInodeCount: records add_inodes once ops have run, refuses to shrink', async () => {
    const { store } = await started(2);
    await store.getState().run([{ op: 'lookup', ino: 1, lblk: 0 }]);
    await store.getState().setInodeCount(5);
    expect(store.getState().ops.at(-1)).toEqual({ op: 'add_inodes', count: 5 });
    expect(selectInodeCount(store.getState())).toBe(5);
    await store.getState().setInodeCount(3);
    expect(store.getState().result?.kind).toBe('error');
    expect(selectInodeCount(store.getState())).toBe(5);
    await store.getState().setInodeCount(65);
    expect(store.getState().result?.text).toMatch(/1 to 64/);
  });

  it('select: changes the inode shown everywhere and fetches its snapshot', async () => {
    const { store } = await started();
    await store.getState().run(EXAMPLE_OPS);
    store.getState().select(2);
    expect(store.getState().selectedIno).toBe(2);
    await store.getState().refreshView(2);
    expect(store.getState().snapshot?.detail.ino).toBe(2);
    store.getState().select(99);
    expect(store.getState().selectedIno).toBe(2);
  });

  it('newSession: drops the log and starts over', async () => {
    const { store } = await started();
    await store.getState().run(EXAMPLE_OPS);
    await store.getState().newSession(3);
    const s = store.getState();
    expect(s.ops).toEqual([]);
    expect(s.snapshot?.inodeCount).toBe(3);
    expect(selectIsEmpty(s)).toBe(true);
  });

  it('remember: keeps command history without repeating the last entry', async () => {
    const { store } = await started();
    store.getState().remember('lookup 1 2');
    store.getState().remember('lookup 1 2');
    store.getState().remember('  ');
    store.getState().remember('shrink 1');
    expect(store.getState().history).toEqual(['lookup 1 2', 'shrink 1']);
  });
});
