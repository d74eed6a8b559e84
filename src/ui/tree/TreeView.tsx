import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { zoomIdentity } from 'd3-zoom';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectCacheId,
  selectDetailCount,
  selectDetailIno,
  selectFound,
  selectFoundSeq,
  selectHighlight,
  selectTree,
  selectTreeIds,
} from '../../store/selectors.ts';
import { useSize } from '../shared/useSize.ts';
import { useZoom } from '../shared/useZoom.ts';
import { TreeNodeView, type NodeMark } from './TreeNodeView.tsx';
import { TreeEdge } from './TreeEdge.tsx';
import { TreeHeader } from './TreeHeader.tsx';
import { TreeOutline } from './TreeOutline.tsx';
import { TreeSketch } from './TreeSketch.tsx';
import { visibleIds } from './cull.ts';
import { EmptyState } from './EmptyState.tsx';
import { Legend } from '../legend/Legend.tsx';
import { MOTION_LIMIT, NODE_H, NODE_W, nodeX, nodeY } from './geometry.ts';
import { BigTree, type BigTreeApi } from './BigTree.tsx';
import { GoToBlock } from './GoToBlock.tsx';
import { BIG_TREE } from '../../worker/protocol.ts';

const PAD = 28;
/** Below this many screen pixels per node width the tree is drawn as a sketch. */
const SKETCH_BELOW_PX = 26;

/**
 * The selected inode's red-black tree. Up to BIG_TREE nodes: tidy layout from the worker, drawn
 * by React as SVG. A bigger tree: drawn on a canvas at a level of detail (BigTree).
 */
export function TreeView() {
  const isBig = useEsx((s) => (s.snapshot?.detail.big ?? null) !== null);
  return isBig ? <BigTreePanel /> : <SmallTree />;
}

function BigTreePanel() {
  const [outline, setOutline] = useState(false);
  const api = useRef<BigTreeApi | null>(null);
  const count = useEsx(selectDetailCount);
  return (
    <section className="panel tree-panel" aria-labelledby="tree-title">
      <TreeHeader
        onFit={() => api.current?.fit()}
        onZoom={(k) => api.current?.zoomBy(k)}
        outline={outline}
        onOutline={setOutline}
      />
      {outline ? (
        <div className="tree-outline-box">
          <p className="table-note">
            The outline lists trees of up to {BIG_TREE.toLocaleString('en-US')} nodes; this one has{' '}
            {count.toLocaleString('en-US')}. Use the extents table and Go to block, or the drawing:
            Enter zooms into the collapsed subtree in the middle, and clicking a node reads it out.
          </p>
        </div>
      ) : null}
      <BigTree api={api} hidden={outline} />
      <Legend />
    </section>
  );
}

function SmallTree() {
  const [outline, setOutline] = useState(false);
  const ids = useEsx(selectTreeIds);
  const cacheId = useEsx(selectCacheId);
  const ino = useEsx(selectDetailIno);
  const tree = useEsx(selectTree);
  const highlight = useEsx(selectHighlight);
  // What the current step names (strong ring) and what the step or op changed (soft mark).
  const found = useEsx(selectFound);
  const foundSeq = useEsx(selectFoundSeq);
  const foundId = found && found.ino === ino ? found.id : 0;
  const marks = useMemo(() => {
    const m = new Map<number, NodeMark>();
    for (const id of highlight?.changed ?? []) m.set(id, 'changed');
    for (const id of highlight?.nodes ?? []) m.set(id, 'focus');
    if (foundId) m.set(foundId, 'found');
    return m;
  }, [highlight, foundId]);
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { width, height } = useSize(boxRef);
  const zoom = useZoom(svgRef, [0.002, 4]);
  const { setTransform, syncTransform, moved } = zoom;
  const { minX, maxX, maxDepth } = tree;

  /** The transform that shows the whole tree, or null before the drawing has a size. */
  const fitT = useMemo(() => {
    if (width === 0 || height === 0) return null;
    const x0 = nodeX(minX) - NODE_W / 2 - PAD;
    const x1 = nodeX(maxX) + NODE_W / 2 + PAD;
    const y0 = -NODE_H / 2 - 30;
    const y1 = nodeY(maxDepth) + NODE_H / 2 + PAD;
    const k = Math.min(1.25, width / (x1 - x0), (height - 16) / (y1 - y0));
    const tx = width / 2 - ((x0 + x1) / 2) * k;
    // Centre vertically when the tree is wide and flat; otherwise start at the top.
    const ty = Math.max(12, (height - (y1 - y0) * k) / 2) - y0 * k;
    return zoomIdentity.translate(tx, ty).scale(k);
  }, [width, height, minX, maxX, maxDepth]);

  const fit = useCallback(() => {
    if (!fitT) return;
    moved.current = false;
    setTransform(fitT);
  }, [fitT, setTransform, moved]);

  // Follow the tree as it changes until the person pans or zooms by hand; a new inode refits.
  // While following, the fit is drawn in the same render as the tree (setting it from an effect
  // would draw every op twice), and d3 is told afterwards so a drag starts from it.
  const following = !moved.current && fitT !== null;
  const t = following ? fitT : zoom.transform;
  const lastIno = useRef(ino);
  useLayoutEffect(() => {
    if (lastIno.current !== ino) {
      lastIno.current = ino;
      fit();
    } else if (following) syncTransform(t);
  }, [fit, ino, following, t, syncTransform]);

  // "Go to block": centre the node found, close enough to read it
  const seenFound = useRef(foundSeq);
  useLayoutEffect(() => {
    if (seenFound.current === foundSeq || width === 0) return;
    seenFound.current = foundSeq;
    const n = found && found.ino === ino ? tree.byId[found.id] : undefined;
    if (!n) return;
    const k = Math.max(0.8, t.k);
    moved.current = true;
    setTransform(
      zoomIdentity.translate(width / 2 - nodeX(n.x) * k, height / 2 - nodeY(n.depth) * k).scale(k),
    );
  }, [foundSeq, found, ino, tree.byId, width, height, t.k, setTransform, moved]);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = 60;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => zoom.translateBy(step / t.k, 0),
      ArrowRight: () => zoom.translateBy(-step / t.k, 0),
      ArrowUp: () => zoom.translateBy(0, step / t.k),
      ArrowDown: () => zoom.translateBy(0, -step / t.k),
      '+': () => zoom.scaleBy(1.25),
      '=': () => zoom.scaleBy(1.25),
      '-': () => zoom.scaleBy(0.8),
      '0': fit,
    };
    const f = keys[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  const k = t.k;
  // Far out, nodes are a few pixels wide: draw a sketch. Closer, draw the nodes in view.
  const far = k * NODE_W < SKETCH_BELOW_PX;
  const shown = useMemo(
    () => (far ? [] : visibleIds(tree, t, width, height)),
    [far, tree, t, width, height],
  );
  // Drawn left to right (in-order). A rotation keeps that order, so React never moves a node's
  // element in the document: a moved element would lose its transition and jump instead of glide.
  const drawn = useMemo(
    () => [...shown].sort((a, b) => (tree.byId[a]?.lblk ?? 0) - (tree.byId[b]?.lblk ?? 0)),
    [shown, tree.byId],
  );
  const detailClass = k < 0.55 ? 'mid' : '';
  const motion = ids.length <= MOTION_LIMIT ? 'glide' : '';
  return (
    <section className="panel tree-panel" aria-labelledby="tree-title">
      <TreeHeader onFit={fit} onZoom={zoom.scaleBy} outline={outline} onOutline={setOutline} />
      {outline ? (
        <div className="tree-outline-box">
          <TreeOutline />
        </div>
      ) : null}
      <div className="tree-canvas" ref={boxRef} hidden={outline}>
        {far && <TreeSketch tree={tree} t={t} width={width} height={height} />}
        <svg
          ref={svgRef}
          width={width}
          height={height}
          className={`tree-svg ${detailClass} ${motion}`}
          tabIndex={0}
          role="group"
          aria-label={`Red-black tree of inode ${ino}, ${ids.length} nodes. Arrow keys pan, + and - zoom, 0 fits.`}
          data-nodes={ids.length}
          data-drawn={far ? 'sketch' : shown.length}
          onKeyDown={onKeyDown}
        >
          <g transform={t.toString()}>
            {!far && (
              <>
                <g className="edges">
                  {drawn.map((id) => (
                    <TreeEdge key={id} id={id} />
                  ))}
                </g>
                <g className="nodes">
                  {drawn.map((id) => (
                    <TreeNodeView
                      key={id}
                      id={id}
                      cached={id === cacheId}
                      mark={marks.get(id) ?? null}
                    />
                  ))}
                </g>
              </>
            )}
          </g>
        </svg>
        {ids.length === 0 ? <EmptyState ino={ino} /> : <GoToBlock />}
      </div>
      <Legend />
    </section>
  );
}
