/**
 * Selectors: module-level constants, so components subscribe to the smallest slice they need.
 */
import type { EsxState } from './esxStore.ts';
import type { InodeSummary } from '../worker/protocol.ts';

// Stable empties: a selector must not return a new object for the same state.
const NO_INODES: InodeSummary[] = [];
const NO_LRU: number[] = [];

export const selectSnapshot = (s: EsxState) => s.snapshot;
export const selectDetail = (s: EsxState) => s.snapshot?.detail ?? null;
export const selectExtents = (s: EsxState) => s.snapshot?.detail.extents ?? null;
export const selectDetailIno = (s: EsxState) => s.snapshot?.detail.ino ?? s.selectedIno;
export const selectCache = (s: EsxState) => s.snapshot?.detail.cache ?? null;
export const selectShape = (s: EsxState) => s.snapshot?.detail.shape ?? '';
export const selectTree = (s: EsxState) => s.tree;
export const selectTreeIds = (s: EsxState) => s.tree.ids;
export const selectCacheId = (s: EsxState) => s.tree.cacheId;
export const selectInodeCount = (s: EsxState) => s.snapshot?.inodeCount ?? s.base.inodes;
export const selectLru = (s: EsxState) => s.snapshot?.lru ?? NO_LRU;
export const selectInodes = (s: EsxState) => s.snapshot?.inodes ?? NO_INODES;
export const selectSelectedIno = (s: EsxState) => s.selectedIno;
export const selectLookup = (s: EsxState) => s.lookup;
export const selectResult = (s: EsxState) => s.result;
export const selectHistory = (s: EsxState) => s.history;
export const selectOpCount = (s: EsxState) => s.ops.length;
export const selectEngine = (s: EsxState) => s.engine;
/** True when no op has run and no inode holds an extent: the empty state shows. */
export const selectIsEmpty = (s: EsxState) =>
  s.ops.length === 0 && (s.snapshot?.inodes.every((i) => i.extents === 0) ?? true);

export const selectRun = (s: EsxState) => s.run;
export const selectSelect = (s: EsxState) => s.select;
export const selectRemember = (s: EsxState) => s.remember;
export const selectSetInodeCount = (s: EsxState) => s.setInodeCount;
export const selectNewSession = (s: EsxState) => s.newSession;
