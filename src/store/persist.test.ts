import { describe, expect, it } from 'vitest';
import { EngineClient, inProcessPort } from '../worker/client.ts';
import { EngineHost } from '../worker/host.ts';
import { createEsxStore } from './esxStore.ts';
import { AUTOSAVE_KEY, boot, followSession, PREVIOUS_KEY, type PageEnv } from './persist.ts';

function fakeEnv(hash = '') {
  const storage = new Map<string, string>();
  const timers: (() => void)[] = [];
  const env: PageEnv & { current: string; storage: Map<string, string>; tick(): Promise<void> } = {
    current: hash,
    storage,
    hash: () => env.current,
    setHash: (p) => {
      env.current = p ? `#${p}` : '';
    },
    load: (k) => storage.get(k) ?? null,
    save: (k, v) => {
      storage.set(k, v);
      return true;
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {
      timers.length = 0;
    },
    async tick() {
      const fns = timers.splice(0);
      for (const f of fns) f();
      await new Promise((r) => setTimeout(r, 20));
    },
  };
  return env;
}

function newStore() {
  const host = new EngineHost(() => Promise.resolve());
  return createEsxStore(new EngineClient(inProcessPort((m, emit) => host.handle(m, emit))));
}

describe('boot and followSession', () => {
  it('followSession writes the session to the URL and the autosave, and boot brings it back', async () => {
    const env = fakeEnv();
    const a = newStore();
    await boot(a, env);
    followSession(a, env);
    await a.getState().run([
      { op: 'insert', ino: 1, lblk: 10, len: 1, status: 'D' },
      { op: 'insert', ino: 1, lblk: 30, len: 1, status: 'D' },
      { op: 'insert', ino: 1, lblk: 20, len: 1, status: 'D' },
    ]);
    await a.getState().move('prev');
    a.getState().toggleBreakpoint({ on: 'category', category: 'rotation' });
    await env.tick();
    expect(env.current).toMatch(/^#esx1\./);
    expect(env.storage.get(AUTOSAVE_KEY)).toBe(env.current.slice(1));

    // a reload: no hash in a new tab, the autosave comes back at the same cursor
    const b = newStore();
    const env2 = fakeEnv();
    env2.storage.set(AUTOSAVE_KEY, env.storage.get(AUTOSAVE_KEY)!);
    await boot(b, env2);
    expect(b.getState().ops).toHaveLength(3);
    expect(b.getState().cursor).toEqual(a.getState().cursor);
    expect(b.getState().breakpoints).toEqual([{ on: 'category', category: 'rotation' }]);
    expect(b.getState().snapshot?.detail.shape).toBe(a.getState().snapshot?.detail.shape);
  });

  it('a session too large for a link is not autosaved, says nothing, and clears the address bar', async () => {
    const env = fakeEnv();
    const a = newStore();
    await boot(a, env);
    followSession(a, env);
    await a.getState().run([{ op: 'insert', ino: 1, lblk: 10, len: 1, status: 'D' }]);
    await env.tick();
    expect(env.current).toMatch(/^#esx1\./);
    const saved = env.storage.get(AUTOSAVE_KEY);
    // 600,000 shrinks: more ops than any link can hold
    await a.getState().run(new Array(600_000).fill({ op: 'shrink', nr: 1 }));
    const result = a.getState().result;
    await env.tick();
    expect(env.current).toBe('');
    expect(a.getState().result).toEqual(result);
    expect(env.storage.get(AUTOSAVE_KEY)).toBe(saved);
    // the link of the whole session is refused in words when asked for by hand
    expect(await a.getState().encode('link')).toBeNull();
    expect(a.getState().result?.text).toMatch(/too large for a link \(600,001 ops/);
  }, 30_000);

  it('boot opens a link in the URL and keeps the autosaved session as the previous one', async () => {
    const env = fakeEnv();
    const a = newStore();
    await boot(a, env);
    await a.getState().run([{ op: 'insert', ino: 2, lblk: 0, len: 5, pblk: 9, status: 'W' }]);
    const link = (await a.getState().encode('link'))!;
    const env2 = fakeEnv(`#${link}`);
    env2.storage.set(AUTOSAVE_KEY, 'esx1.something-else');
    const b = newStore();
    await boot(b, env2);
    expect(b.getState().ops).toEqual(a.getState().ops);
    expect(b.getState().previous).toBe('esx1.something-else');
    expect(env2.storage.get(PREVIOUS_KEY)).toBe('esx1.something-else');
  });

  it('boot hands other fragments to its opener: opened, the autosave becomes the previous session', async () => {
    const seen: string[] = [];
    const opener = async (fragment: string) => {
      seen.push(fragment);
      if (fragment !== 'lesson=x/1') return false;
      return s
        .getState()
        .loadSession({ inodes: 2 }, [{ op: 'insert', ino: 2, lblk: 0, len: 1, status: 'D' }], {
          op: 1,
          step: 0,
        });
    };
    const env = fakeEnv('#lesson=x/1');
    env.storage.set(AUTOSAVE_KEY, 'esx1.saved');
    const s = newStore();
    await boot(s, env, opener);
    expect(seen).toEqual(['lesson=x/1']);
    expect(s.getState().ops).toHaveLength(1);
    expect(s.getState().previous).toBe('esx1.saved');
    expect(env.storage.get(PREVIOUS_KEY)).toBe('esx1.saved');

    // a fragment the opener declines: the autosave comes back as usual
    const a = newStore();
    await boot(a, fakeEnv());
    await a.getState().run([{ op: 'insert', ino: 1, lblk: 0, len: 3, status: 'D' }]);
    const env2 = fakeEnv('#lesson=nope/1');
    env2.storage.set(AUTOSAVE_KEY, (await a.getState().encode('link'))!);
    const b = newStore();
    await boot(b, env2, opener);
    expect(b.getState().ops).toEqual(a.getState().ops);
    expect(b.getState().previous).toBeNull();
  });

  it('boot shows what is wrong with a tampered link and loads the default session', async () => {
    const env = fakeEnv('#esx1.AAAAtampered');
    const s = newStore();
    await boot(s, env);
    expect(s.getState().result).toMatchObject({ kind: 'error' });
    expect(s.getState().result?.text).toMatch(/cannot be opened.*default session/);
    expect(s.getState().ops).toHaveLength(0);
    expect(s.getState().snapshot?.inodeCount).toBe(4);
    expect(env.current).toBe('');
  });

  it('a state link opens the same trees without the history', async () => {
    const env = fakeEnv();
    const a = newStore();
    await boot(a, env);
    await a.getState().run([
      { op: 'insert', ino: 1, lblk: 0, len: 8, pblk: 100, status: 'W' },
      { op: 'remove', ino: 1, lblk: 2, len: 2 },
      { op: 'shrink', nr: 1 },
    ]);
    const state = (await a.getState().encode('state'))!;
    const b = newStore();
    await boot(b, fakeEnv(`#${state}`));
    expect(b.getState().ops).toHaveLength(0);
    expect(b.getState().snapshot?.detail.extents).toEqual(a.getState().snapshot?.detail.extents);
    expect(b.getState().snapshot?.detail.shape).toBe(a.getState().snapshot?.detail.shape);
    expect(b.getState().snapshot?.lru).toEqual(a.getState().snapshot?.lru);
  });

  it('openSession of a session file round-trips, and a bad file changes nothing', async () => {
    const a = newStore();
    await boot(a, fakeEnv());
    await a.getState().run([{ op: 'insert', ino: 3, lblk: 5, len: 2, status: 'H' }]);
    const file = (await a.getState().encode('file'))!;
    const b = newStore();
    await boot(b, fakeEnv());
    await b.getState().run([{ op: 'lookup', ino: 1, lblk: 0 }]);
    expect(await b.getState().openSession('file', '{"format":"esx-session/9"}')).toBe(false);
    expect(b.getState().ops).toHaveLength(1);
    expect(await b.getState().openSession('file', file)).toBe(true);
    expect(b.getState().ops).toEqual(a.getState().ops);
  });
});
