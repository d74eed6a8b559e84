import { describe, expect, it } from 'vitest';
import type { InodeDetail, TreeNode } from '../worker/protocol.ts';
import { EMPTY_TREE, toTreeRecords } from './treeRecords.ts';

const node = (id: number, x: number, extra: Partial<TreeNode> = {}): TreeNode => ({
  id,
  lblk: id * 10,
  len: 1,
  pblk: id,
  status: 'W',
  red: false,
  parent: 0,
  side: 'root',
  x,
  depth: 0,
  ...extra,
});
const detail = (ino: number, nodes: TreeNode[]): InodeDetail => ({
  ino,
  count: nodes.length,
  big: null,
  lruNr: nodes.length,
  cacheId: 0,
  cache: null,
  extents: [],
  shape: '',
  nodes,
  minX: 0,
  maxX: 0,
  maxDepth: 0,
});

describe('toTreeRecords', () => {
  it('reuses unchanged node objects and the id list', () => {
    const a = toTreeRecords(EMPTY_TREE, detail(1, [node(1, 0), node(2, 1)]));
    const b = toTreeRecords(a, detail(1, [node(1, 0), node(2, 2)]));
    expect(b.byId[1]).toBe(a.byId[1]);
    expect(b.byId[2]).not.toBe(a.byId[2]);
    expect(b.ids).toBe(a.ids);
  });
  it('shares nothing across inodes', () => {
    const a = toTreeRecords(EMPTY_TREE, detail(1, [node(1, 0)]));
    const b = toTreeRecords(a, detail(2, [node(1, 0)]));
    expect(b.byId[1]).not.toBe(a.byId[1]);
    expect(b.ids).not.toBe(a.ids);
  });
});
