/**
 * The explorer's store: a vanilla Zustand store made of slices (session, view), built around an
 * EngineClient so that tests can use an in-process engine host instead of a Worker.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../worker/client.ts';
import { createSessionSlice, type SessionActions, type SessionState } from './sessionSlice.ts';
import { createViewSlice, type ViewActions, type ViewState } from './viewSlice.ts';
import { createLinkSlice, type LinkActions, type LinkState } from './linkSlice.ts';
import { createBigSlice, type BigActions, type BigState } from './bigSlice.ts';

export type EsxState = SessionState &
  SessionActions &
  ViewState &
  ViewActions &
  LinkState &
  LinkActions &
  BigState &
  BigActions;
export type EsxStore = StoreApi<EsxState>;

export function createEsxStore(client: EngineClient): EsxStore {
  return createStore<EsxState>()((...a) => ({
    ...createSessionSlice(client)(...a),
    ...createViewSlice(...a),
    ...createLinkSlice(client)(...a),
    ...createBigSlice(client)(...a),
  }));
}
