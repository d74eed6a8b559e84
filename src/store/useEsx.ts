/**
 * React access to the store: a context carries the store built in main.tsx, `useEsx(selector)`
 * subscribes a component to one slice.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EsxState, EsxStore } from './esxStore.ts';

export const EsxContext = createContext<EsxStore | null>(null);

export function useEsx<T>(selector: (s: EsxState) => T): T {
  const store = useContext(EsxContext);
  if (!store) throw new Error('useEsx outside <EsxContext.Provider>');
  return useStore(store, selector);
}

/** The store itself, for event handlers that read state without subscribing. */
export function useEsxStore(): EsxStore {
  const store = useContext(EsxContext);
  if (!store) throw new Error('useEsxStore outside <EsxContext.Provider>');
  return store;
}
