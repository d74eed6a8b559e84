/**
 * Worker entry: hosts the engine off the main thread. All logic lives in `host.ts`.
 */
import { EngineHost } from './host.ts';

/** The part of DedicatedWorkerGlobalScope used here (the app's tsconfig has the DOM lib). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const host = new EngineHost();
const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  scope.postMessage(host.handle(e.data));
};
