import { describe, expect, it } from 'vitest';
import { zoomIdentity } from 'd3-zoom';
import type { TreeNode } from '../../worker/protocol.ts';
import { EMPTY_TREE, toTreeRecords } from '../../store/treeRecords.ts';
import { visibleIds } from './cull.ts';
import { SLOT_X } from './geometry.ts';

const node = (id: number, x: number, depth: number, parent: number): TreeNode => ({
  id,
  lblk: id,
  len: 1,
  pblk: null,
  status: 'D',
  red: false,
  parent,
  side: parent === 0 ? 'root' : 'right',
  x,
  depth,
});

describe('visibleIds', () => {
  // A right spine running far to the right of a 400 px wide view.
  const nodes = Array.from({ length: 50 }, (_, i) => node(i + 1, i, i, i));
  const tree = toTreeRecords(EMPTY_TREE, {
    ino: 1,
    count: nodes.length,
    big: null,
    lruNr: 0,
    cacheId: 0,
    cache: null,
    extents: [],
    shape: '',
    nodes,
    minX: 0,
    maxX: 49,
    maxDepth: 49,
  });

  it('keeps the nodes in view and the links entering it', () => {
    const t = zoomIdentity.translate(60, 30);
    const ids = visibleIds(tree, t, 400, 300);
    expect(ids[0]).toBe(1);
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.length).toBeLessThan(6);
  });

  it('draws nothing when the view is elsewhere', () => {
    const t = zoomIdentity.translate(-SLOT_X * 200, 0);
    expect(visibleIds(tree, t, 400, 300)).toEqual([]);
  });
});
