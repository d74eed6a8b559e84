import { describe, expect, it } from 'vitest';
import { EngineClient, inProcessPort, type Port } from './client.ts';
import { EngineHost } from './host.ts';
import { isReply, isRequest } from './protocol.ts';

/** A port that holds messages until the test releases replies, in any order. */
function manualPort() {
  const sent: { id: number; type: string }[] = [];
  let listener: ((e: MessageEvent<unknown>) => void) | null = null;
  const port: Port = {
    postMessage: (m) => void sent.push(m as { id: number; type: string }),
    addEventListener: (_t, l) => {
      listener = l;
    },
  };
  const reply = (data: unknown) => listener?.({ data } as MessageEvent<unknown>);
  return { port, sent, reply };
}

describe('EngineClient.request', () => {
  it('stamps version and increasing ids', () => {
    const m = manualPort();
    const c = new EngineClient(m.port);
    void c.request({ type: 'ping' });
    void c.request({ type: 'view', ino: 2 });
    expect(m.sent).toEqual([
      { type: 'ping', v: 2, id: 1 },
      { type: 'view', ino: 2, v: 2, id: 2 },
    ]);
    expect(m.sent.every(isRequest)).toBe(true);
  });

  it('matches replies to requests by id, whatever their order', async () => {
    const m = manualPort();
    const c = new EngineClient(m.port);
    const a = c.request({ type: 'ping' });
    const b = c.request({ type: 'ping' });
    m.reply({ v: 2, id: 2, type: 'pong', engine: 'second' });
    m.reply({ v: 2, id: 1, type: 'pong', engine: 'first' });
    expect(await a).toMatchObject({ engine: 'first' });
    expect(await b).toMatchObject({ engine: 'second' });
    expect(c.inFlight).toBe(0);
  });

  it('ignores messages of another version and unknown ids', () => {
    const m = manualPort();
    const c = new EngineClient(m.port);
    void c.request({ type: 'ping' });
    m.reply({ v: 3, id: 1, type: 'pong', engine: 'x' });
    m.reply({ v: 2, id: 99, type: 'pong', engine: 'x' });
    m.reply('garbage');
    expect(c.inFlight).toBe(1);
    expect(isReply({ v: 3, id: 1, type: 'pong' })).toBe(false);
    expect(isReply({ v: 2, id: 1, type: 'pong' })).toBe(true);
  });

  it('round-trips through an in-process host with structured clone', async () => {
    const host = new EngineHost();
    const c = new EngineClient(inProcessPort((msg, emit) => host.handle(msg, emit)));
    const r = await c.request({
      type: 'load',
      base: { inodes: 1 },
      ops: [{ op: 'lookup', ino: 1, lblk: 3 }],
      ino: 1,
    });
    expect(r.type === 'snapshot' && r.results).toEqual([{ found: 0, es: null }]);
  });
});
