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
import { openLessonLink } from './ui/lessons/lessonNav.ts';
import './ui/theme.css';

function spawn(): Worker {
  const w = new Worker(new URL('./worker/esx.worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('error', (e) => {
    e.preventDefault();
    restart(`it failed: ${e.message || 'an error in the worker'}`);
  });
  return w;
}

let worker = spawn();
const client = new EngineClient(worker);
const store = createEsxStore(client);
let restarting = false;

/** A dead or failed worker is replaced, and the session rebuilt from its base and op log. */
function restart(why: string): void {
  if (restarting) return;
  restarting = true;
  worker.terminate();
  worker = spawn();
  client.replacePort(worker, why);
  void store
    .getState()
    .recover(why)
    .finally(() => {
      restarting = false;
    });
}
client.startWatchdog({ onDead: restart });

/** A read-only hook for tests and the latency benchmark (never used to drive the app). */
declare global {
  interface Window {
    __esx?: { state: () => ReturnType<typeof store.getState>; perf: typeof perfMarks };
  }
}
window.__esx = { state: () => store.getState(), perf: perfMarks };

const env = browserEnv();
void boot(store, env, (fragment) => openLessonLink(store, fragment)).then(() =>
  followSession(store, env),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EsxContext.Provider value={store}>
      <App />
    </EsxContext.Provider>
  </StrictMode>,
);
