/**
 * The explorer's entry: starts the engine worker, builds the store around it and renders the app.
 * The only module that creates a Worker, so everything it wires up stays testable without one.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineClient } from './worker/client.ts';
import { createEsxStore } from './store/esxStore.ts';
import { EsxContext } from './store/useEsx.ts';
import { perfMarks } from './store/perf.ts';
import { boot, browserEnv, followSession } from './store/persist.ts';
import { App } from './ui/App.tsx';
import './ui/theme.css';

const worker = new Worker(new URL('./worker/esx.worker.ts', import.meta.url), { type: 'module' });
const store = createEsxStore(new EngineClient(worker));

/** A read-only hook for tests and the latency benchmark (never used to drive the app). */
declare global {
  interface Window {
    __esx?: { state: () => ReturnType<typeof store.getState>; perf: typeof perfMarks };
  }
}
window.__esx = { state: () => store.getState(), perf: perfMarks };

const env = browserEnv();
void boot(store, env).then(() => followSession(store, env));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EsxContext.Provider value={store}>
      <App />
    </EsxContext.Provider>
  </StrictMode>,
);
