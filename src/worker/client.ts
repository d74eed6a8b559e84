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

export interface WatchdogOptions {
  /** Called once when the worker looks dead (no answer at all for too long). */
  onDead: (why: string) => void;
  /** Silence (with requests waiting) after which a ping is sent. */
  pingAfterMs?: number;
  /** Further silence after which the worker is declared dead. */
  deadAfterMs?: number;
}

export class EngineClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private port: Port;
  private generation = 0;
  private lastHeard = Date.now();
  private pingedAt = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(port: Port) {
    this.port = port;
    this.listen(port);
  }

  private listen(port: Port): void {
    const gen = this.generation;
    port.addEventListener('message', (e) => {
      if (gen === this.generation) this.receive(e.data);
    });
  }

  /**
   * Switches to a new worker (after a crash): every request still waiting is answered with an
   * ECRASH error, and later requests go to the new port.
   */
  replacePort(port: Port, why = 'the engine worker stopped'): void {
    this.generation++;
    this.port = port;
    this.listen(port);
    this.lastHeard = Date.now();
    this.pingedAt = 0;
    const waiting = [...this.pending];
    this.pending.clear();
    for (const [id, p] of waiting)
      p.resolve({ v: PROTOCOL_VERSION, id, type: 'error', code: 'ECRASH', message: why });
  }

  /**
   * Watches for a dead worker: when requests wait and nothing at all has come back for
   * `pingAfterMs`, a ping (which the worker answers ahead of its queue) is sent; if still nothing
   * comes for `deadAfterMs`, `onDead` is called. Each recovery doubles the patience, so a worker
   * that is merely busy with a huge session is not restarted over and over.
   */
  startWatchdog(opts: WatchdogOptions, tickMs = 500): void {
    let pingAfter = opts.pingAfterMs ?? 3000;
    let deadAfter = opts.deadAfterMs ?? 6000;
    this.stopWatchdog();
    this.watchdog = setInterval(() => {
      if (this.pending.size === 0) return;
      const quiet = Date.now() - this.lastHeard;
      if (quiet > pingAfter && this.pingedAt === 0) {
        this.pingedAt = Date.now();
        void this.request({ type: 'ping' });
      } else if (this.pingedAt !== 0 && Date.now() - this.pingedAt > deadAfter) {
        this.pingedAt = 0;
        pingAfter *= 2;
        deadAfter *= 2;
        opts.onDead(`the engine worker did not answer for ${Math.round(quiet / 1000)} s`);
      }
    }, tickMs);
  }

  stopWatchdog(): void {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
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
    this.lastHeard = Date.now();
    this.pingedAt = 0;
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
