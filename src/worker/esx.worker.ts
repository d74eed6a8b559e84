/**
 * Worker entry: hosts the engine off the main thread. All logic lives in `host.ts`. Requests are
 * answered in order; while a long job runs, only `cancel` and `ping` jump the queue (so the job's state is
 * never changed under it). `ping` jumps it too: the page's watchdog uses it to tell a busy worker
 * from a dead one.
 */
import { EngineHost } from './host.ts';
import type { Reply } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope used here (the app's tsconfig has the DOM lib). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const host = new EngineHost();
const scope = self as unknown as WorkerScope;
const post = (r: Reply) => scope.postMessage(r);
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const msg = e.data as { type?: unknown } | null;
  if (msg && (msg.type === 'cancel' || msg.type === 'ping')) {
    post(host.handle(e.data, post) as Reply);
    return;
  }
  queue = queue.then(async () => {
    post(await host.handle(e.data, post));
  });
};
