import { describe, expect, it } from 'vitest';
import { EngineClient, inProcessPort, type Port } from './client.ts';
import { EngineHost } from './host.ts';

/** A port whose worker never answers (a closed worker). */
function deadPort(): Port {
  return { postMessage() {}, addEventListener() {} };
}

function hostPort() {
  const host = new EngineHost(() => Promise.resolve());
  return inProcessPort((m, emit) => host.handle(m, emit));
}

describe('EngineClient.replacePort', () => {
  it('EngineClient.replacePort answers waiting requests with ECRASH and talks to the new worker', async () => {
    const c = new EngineClient(deadPort());
    const waiting = c.request({ type: 'ping' });
    c.replacePort(hostPort(), 'it failed');
    expect(await waiting).toMatchObject({ type: 'error', code: 'ECRASH', message: 'it failed' });
    expect(await c.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });
});

describe('EngineClient.startWatchdog', () => {
  it('EngineClient.startWatchdog declares a silent worker dead, and not a quiet idle one', async () => {
    const c = new EngineClient(deadPort());
    const dead: string[] = [];
    c.startWatchdog(
      {
        onDead: (why) => {
          dead.push(why);
          c.replacePort(deadPort(), why); // what the page does: a new worker
        },
        pingAfterMs: 30,
        deadAfterMs: 60,
      },
      10,
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(dead).toEqual([]); // nothing waiting: nothing to worry about
    void c.request({ type: 'view', ino: 1 });
    await new Promise((r) => setTimeout(r, 250));
    c.stopWatchdog();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatch(/did not answer/);
  });
});
