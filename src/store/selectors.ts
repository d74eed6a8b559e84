/**
 * Selectors: module-level constants, so components subscribe to the smallest slice they need.
 */
import type { EsxState } from './esxStore.ts';
import { baseInodes } from './sessionSlice.ts';
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
export const selectInodeCount = (s: EsxState) => s.snapshot?.inodeCount ?? baseInodes(s.base);
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

export const selectCursor = (s: EsxState) => s.cursor;
export const selectLength = (s: EsxState) => s.snapshot?.length ?? s.ops.length;
export const selectFocus = (s: EsxState) => s.snapshot?.focus ?? null;
export const selectHighlight = (s: EsxState) => s.snapshot?.highlight ?? null;
export const selectScanned = (s: EsxState) => s.snapshot?.scanned ?? null;
export const selectStats = (s: EsxState) => s.snapshot?.stats ?? null;
export const selectReclaimable = (s: EsxState) => s.snapshot?.reclaimable ?? null;
export const selectBreakpoints = (s: EsxState) => s.breakpoints;
export const selectPlaying = (s: EsxState) => s.playing;
export const selectSpeed = (s: EsxState) => s.speed;
export const selectPending = (s: EsxState) => s.pending;
export const selectUndo = (s: EsxState) => s.undo;
export const selectJob = (s: EsxState) => s.job;
export const selectImported = (s: EsxState) => s.imported;
export const selectOps = (s: EsxState) => s.ops;
export const selectBase = (s: EsxState) => s.base;
export const selectEncode = (s: EsxState) => s.encode;
export const selectOpenSession = (s: EsxState) => s.openSession;
export const selectPrevious = (s: EsxState) => s.previous;
export const selectRestorePrevious = (s: EsxState) => s.restorePrevious;
export const selectLinkLength = (s: EsxState) => s.linkLength;

export const selectBig = (s: EsxState) => s.snapshot?.detail.big ?? null;
export const selectDetailCount = (s: EsxState) => s.snapshot?.detail.count ?? 0;
export const selectSetBigWindow = (s: EsxState) => s.setBigWindow;
export const selectGoToBlock = (s: EsxState) => s.goToBlock;
export const selectFound = (s: EsxState) => s.found;
export const selectFoundSeq = (s: EsxState) => s.foundSeq;
export const selectFindMessage = (s: EsxState) => s.findMessage;
