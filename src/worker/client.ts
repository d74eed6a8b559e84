/**
 * The main thread's side of the protocol: stamps requests with a version and an id, and resolves
 * each with the reply of the same id. Transport-agnostic (anything with postMessage and a message
 * listener), so tests can drive it with an in-process host instead of a real Worker.
 */
import { PROTOCOL_VERSION, isReply, type Reply, type RequestBody } from './protocol.ts';

export interface Port {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}

export class EngineClient {
  private nextId = 1;
  private pending = new Map<number, (r: Reply) => void>();

  constructor(private readonly port: Port) {
    port.addEventListener('message', (e) => this.receive(e.data));
  }

  /** Sends a request; the promise resolves with its reply (an `error` reply included). */
  request(body: RequestBody): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve) => {
      this.pending.set(id, resolve);
      this.port.postMessage({ ...body, v: PROTOCOL_VERSION, id });
    });
  }

  /** Requests still waiting for a reply. */
  get inFlight(): number {
    return this.pending.size;
  }

  private receive(data: unknown): void {
    if (!isReply(data)) return;
    const resolve = this.pending.get(data.id);
    if (!resolve) return;
    this.pending.delete(data.id);
    resolve(data);
  }
}

/** A Port backed by a synchronous handler (tests, or a fallback without workers). */
export function inProcessPort(handle: (msg: unknown) => Reply): Port {
  const listeners: ((e: MessageEvent<unknown>) => void)[] = [];
  return {
    postMessage(message) {
      // Structured clone keeps the in-process path as strict as a real worker.
      const reply = structuredClone(handle(structuredClone(message)));
      queueMicrotask(() => {
        for (const l of listeners) l({ data: reply } as MessageEvent<unknown>);
      });
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
  };
}
