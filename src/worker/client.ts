/**
 * The main thread's side of the protocol: stamps requests with a version and an id, and resolves
 * each with the final reply of the same id; progress replies of a job go to its `onProgress`.
 * Transport-agnostic (anything with postMessage and a message listener), so tests can drive it
 * with an in-process host instead of a real Worker.
 */
import { PROTOCOL_VERSION, isReply, type Reply, type RequestBody } from './protocol.ts';

export interface Port {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}

export type Progress = Extract<Reply, { type: 'progress' }>;

interface Pending {
  resolve: (r: Reply) => void;
  onProgress?: (p: Progress) => void;
}

export class EngineClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly port: Port) {
    port.addEventListener('message', (e) => this.receive(e.data));
  }

  /** Sends a request; the promise resolves with its final reply (an `error` reply included). */
  request(body: RequestBody, onProgress?: (p: Progress) => void): Promise<Reply> {
    return this.start(body, onProgress).done;
  }

  /** Like `request`, and also gives the request's id (to cancel a job with `cancel(id)`). */
  start(
    body: RequestBody,
    onProgress?: (p: Progress) => void,
  ): { id: number; done: Promise<Reply> } {
    const id = this.nextId++;
    const done = new Promise<Reply>((resolve) => {
      this.pending.set(id, { resolve, ...(onProgress ? { onProgress } : {}) });
      this.port.postMessage({ ...body, v: PROTOCOL_VERSION, id });
    });
    return { id, done };
  }

  /** Asks the worker to stop job `id`; its request then resolves with a `cancelled` reply. */
  cancel(id: number): void {
    void this.request({ type: 'cancel', job: id });
  }

  /** Requests still waiting for a reply. */
  get inFlight(): number {
    return this.pending.size;
  }

  private receive(data: unknown): void {
    if (!isReply(data)) return;
    const p = this.pending.get(data.id);
    if (!p) return;
    if (data.type === 'progress') {
      p.onProgress?.(data);
      return;
    }
    this.pending.delete(data.id);
    p.resolve(data);
  }
}

/**
 * A Port backed by an in-process handler (tests, or a fallback without workers). Replies and
 * progress go through structured clone, so this path is as strict as a real worker.
 */
export function inProcessPort(
  handle: (msg: unknown, emit: (r: Reply) => void) => Reply | Promise<Reply>,
): Port {
  const listeners: ((e: MessageEvent<unknown>) => void)[] = [];
  const deliver = (reply: Reply) => {
    const data = structuredClone(reply);
    queueMicrotask(() => {
      for (const l of listeners) l({ data } as MessageEvent<unknown>);
    });
  };
  return {
    postMessage(message) {
      void Promise.resolve(handle(structuredClone(message), deliver)).then(deliver);
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
  };
}
