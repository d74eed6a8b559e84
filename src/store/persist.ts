/**
 * Where a session comes from when the page opens, and where it goes while the user works:
 * a link in the URL opens its own session (the autosaved one stays one click away); otherwise
 * the autosaved session comes back; the URL fragment and the autosave follow the user's work
 * (debounced). The page's globals come in through `PageEnv`, so tests can use fakes.
 */
import type { EsxStore } from './esxStore.ts';

export interface PageEnv {
  hash(): string;
  /** Replaces the URL fragment without a new history entry ('' removes it). */
  setHash(payload: string): void;
  load(key: string): string | null;
  /** Returns false when the storage refused (full, or disabled). */
  save(key: string, value: string): boolean;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(t: unknown): void;
}

export const AUTOSAVE_KEY = 'esx.autosave.v1';
export const PREVIOUS_KEY = 'esx.previous.v1';
/** Links longer than this stay out of the address bar (the session panel offers a file). */
export const MAX_URL_PAYLOAD = 64 * 1024;
/** Autosaves larger than this are skipped (localStorage holds about 5 MB). */
export const MAX_AUTOSAVE = 4 * 1024 * 1024;
export const SAVE_DELAY_MS = 400;

/**
 * Opens a URL fragment that is not a session link (a lesson step link, `#lesson=<id>/<step>`);
 * resolves true when it did.
 */
export type FragmentOpener = (fragment: string) => Promise<boolean>;

/**
 * Opens the page's session: the URL's link, else a fragment `openFragment` handles, else the
 * autosave, else a fresh one.
 */
export async function boot(
  store: EsxStore,
  env: PageEnv,
  openFragment?: FragmentOpener,
): Promise<void> {
  const s = store.getState();
  await s.start();
  const hash = env.hash().replace(/^#/, '');
  const saved = env.load(AUTOSAVE_KEY);
  if (hash !== '' && !hash.startsWith('esx') && openFragment && (await openFragment(hash))) {
    // The fragment's session replaces the autosaved one, which stays one click away.
    if (saved) {
      env.save(PREVIOUS_KEY, saved);
      store.getState().setPrevious(saved);
    }
    return;
  }
  if (hash.startsWith('esx')) {
    if (saved && saved !== hash) {
      env.save(PREVIOUS_KEY, saved);
      store.getState().setPrevious(saved);
    }
    const ok = await store.getState().openSession('link', hash);
    if (!ok) {
      const r = store.getState().result;
      store.setState({
        result: {
          kind: 'error',
          text: `${r?.text ?? 'This link cannot be opened.'} The default session is shown.`,
        },
      });
      env.setHash('');
    }
    return;
  }
  const prev = env.load(PREVIOUS_KEY);
  if (prev) store.getState().setPrevious(prev);
  if (saved) {
    const ok = await store.getState().openSession('link', saved, true);
    if (!ok) {
      store.setState({
        result: {
          kind: 'error',
          text: 'The autosaved session could not be restored; a new session is shown.',
        },
      });
    } else {
      store.setState({
        result: { kind: 'ok', text: 'Welcome back: your last session is restored.' },
      });
    }
  }
}

/** Keeps the URL fragment and the autosave in step with the session. Returns an unsubscribe. */
export function followSession(store: EsxStore, env: PageEnv): () => void {
  let timer: unknown = null;
  let last = '';
  const key = () => {
    const s = store.getState();
    return JSON.stringify([
      s.ops.length,
      s.cursor,
      s.selectedIno,
      s.breakpoints,
      s.speed,
      s.base === null,
      s.snapshot?.length,
    ]);
  };
  // A session too large for a link stays too large while it grows: not asked again until it shrinks.
  let tooBigAt = Infinity;
  const flush = async () => {
    timer = null;
    const n = store.getState().ops.length;
    if (n >= tooBigAt) return;
    const text = await store.getState().encode('link', {
      quiet: true,
      onError: (code) => {
        if (code !== 'ETOOBIG') return;
        tooBigAt = n;
        // the address bar must not claim an older, smaller session is this one
        env.setHash('');
      },
    });
    if (text === null) return;
    tooBigAt = Infinity;
    env.setHash(text.length <= MAX_URL_PAYLOAD ? text : '');
    if (text.length <= MAX_AUTOSAVE) env.save(AUTOSAVE_KEY, text);
  };
  const unsub = store.subscribe((s) => {
    if (!s.snapshot || s.job) return;
    const k = key();
    if (k === last) return;
    last = k;
    if (timer !== null) env.clearTimer(timer);
    timer = env.setTimer(() => void flush(), SAVE_DELAY_MS);
  });
  return () => {
    unsub();
    if (timer !== null) env.clearTimer(timer);
  };
}

/** The real page. */
export function browserEnv(): PageEnv {
  return {
    hash: () => window.location.hash,
    setHash: (payload) => {
      const url = new URL(window.location.href);
      url.hash = payload;
      window.history.replaceState(
        window.history.state,
        '',
        payload ? url.href : url.href.replace(/#$/, ''),
      );
    },
    load: (key) => {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    save: (key, value) => {
      try {
        window.localStorage.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (t) => window.clearTimeout(t as number),
  };
}
