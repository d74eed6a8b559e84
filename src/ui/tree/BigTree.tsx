import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { zoomIdentity } from 'd3-zoom';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectBig,
  selectCacheId,
  selectDetailCount,
  selectDetailIno,
  selectFound,
  selectFoundSeq,
  selectHighlight,
  selectSetBigWindow,
} from '../../store/selectors.ts';
import type { BigDetail } from '../../worker/protocol.ts';
import { useSize } from '../shared/useSize.ts';
import { useZoom } from '../shared/useZoom.ts';
import { canvas2d, useSchemeVersion } from '../shared/canvas.ts';
import { camera, centreX, fitScale, lodView, TOP_PAD } from './bigGeometry.ts';
import { drawBig, hitTest, readPalette, type Drawn, type Palette } from './drawBig.ts';
import { Minimap } from './Minimap.tsx';
import { GoToBlock } from './GoToBlock.tsx';
import './bigTree.css';

/** Zoom at which "Go to block" shows its node: labels readable. */
const FOUND_SCALE = 1;

/**
 * A big tree on a canvas, at a level of detail: the worker sends the nodes and collapsed
 * subtrees of the window in view (plus a margin), and this draws them at every frame of a pan or
 * zoom without waiting. Clicking a collapsed subtree (or Enter, for the one in the middle) zooms
 * into it; clicking a node says what it is.
 */
export interface BigTreeApi {
  fit(): void;
  zoomBy(k: number): void;
}

export function BigTree({ api, hidden }: { api: { current: BigTreeApi | null }; hidden: boolean }) {
  const big = useEsx(selectBig) as BigDetail;
  const ino = useEsx(selectDetailIno);
  const count = useEsx(selectDetailCount);
  const cacheId = useEsx(selectCacheId);
  const cacheNode = useEsx((s) => s.snapshot?.detail.cacheId ?? 0);
  const highlight = useEsx(selectHighlight);
  const found = useEsx(selectFound);
  const foundSeq = useEsx(selectFoundSeq);
  const setWindow = useEsx(selectSetBigWindow);
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useSize(boxRef);
  const levels = Math.max(1, big.height);
  const fitK = fitScale(count, width || 800);
  // a power of two below the fit, so the extent (and d3's behaviour) rarely changes
  const minK = Math.pow(2, Math.floor(Math.log2(fitK / 2)));
  const zoom = useZoom(canvasRef, [minK, 4]);
  const { setTransform, moved } = zoom;
  const t = zoom.transform;
  const cam = useMemo(() => camera(t, height || 300, levels), [t, height, levels]);
  const [said, setSaid] = useState('');
  const drawnRef = useRef<Drawn>({ nodes: [], summaries: [] });
  const palette = useRef<Palette | null>(null);
  // the colour scheme can change under us: read the colours again
  const theme = useSchemeVersion(() => (palette.current = null));

  const fit = useCallback(() => {
    if (width === 0) return;
    moved.current = false;
    setTransform(
      zoomIdentity
        .translate(centreX((count - 1) / 2, fitScale(count, width), width), 0)
        .scale(fitScale(count, width)),
    );
  }, [width, count, setTransform, moved]);
  const { scaleBy } = zoom;
  useEffect(() => {
    api.current = { fit, zoomBy: scaleBy };
    return () => {
      api.current = null;
    };
  }, [fit, scaleBy, api]);

  // a new inode or a new session (or the first draw) fits the whole tree (after useZoom's
  // effect has bound d3)
  const base = useEsx((s) => s.base);
  const fitted = useRef<{ ino: number; base: unknown } | null>(null);
  useEffect(() => {
    const f = fitted.current;
    if (width > 0 && (!f || f.ino !== ino || f.base !== base)) {
      fitted.current = { ino, base };
      fit();
    }
  }, [ino, base, width, fit]);

  // "Go to block": centre the extent found, close enough to read it
  const seen = useRef(foundSeq);
  useEffect(() => {
    if (seen.current === foundSeq || !found || found.ino !== ino || width === 0) return;
    seen.current = foundSeq;
    const k = Math.max(FOUND_SCALE, t.k);
    const c = camera(zoomIdentity.scale(k), height, levels);
    const ty = height / 2 - TOP_PAD - found.depth * c.level;
    moved.current = true;
    setTransform(zoomIdentity.translate(centreX(found.rank, k, width), ty).scale(k));
  }, [found, foundSeq, ino, width, height, levels, t.k, setTransform, moved]);

  // ask the worker for the window in view (coalesced while a request is in flight)
  useEffect(() => {
    if (width === 0 || height === 0) return;
    setWindow({ tree: lodView(cam, width, height) });
  }, [cam, width, height, setWindow]);

  const marks = useMemo(
    () => ({
      cacheId: cacheNode || cacheId,
      focus: new Set(highlight?.nodes ?? []),
      changed: new Set(highlight?.changed ?? []),
      foundId: found && found.ino === ino ? found.id : 0,
    }),
    [cacheNode, cacheId, highlight, found, ino],
  );

  // draw on every change: a frame costs the items in view, not the tree
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas2d(canvas, width, height);
    if (!canvas || !ctx) return;
    palette.current ??= readPalette(canvas);
    const d = drawBig(ctx, width, height, big.lod, cam, marks, palette.current);
    drawnRef.current = d;
    // What is drawn goes straight to the element (a state would render the component twice a
    // frame): for screen readers (the label) and for tests (data attributes).
    const r0 = Math.max(0, Math.floor(-cam.ox / cam.slot));
    const r1 = Math.min(count, Math.ceil((width - cam.ox) / cam.slot));
    const n = (x: number) => x.toLocaleString('en-US');
    canvas.setAttribute(
      'aria-label',
      `Red-black tree of inode ${ino}: ${n(count)} nodes, height ${big.height}, drawn at a level of detail. Showing logical order ${n(r0)} to ${n(r1)}: ${d.nodes.length} nodes and ${d.summaries.length} collapsed subtrees. Arrow keys pan, + and - zoom, 0 fits, Enter zooms into the collapsed subtree in the middle.`,
    );
    canvas.dataset.drawnNodes = String(d.nodes.length);
    canvas.dataset.summaries = String(d.summaries.length);
    const f =
      found && found.ino === ino && found.extent && d.nodes.some((x) => x.n.id === marks.foundId);
    if (f) canvas.dataset.found = `${found.extent![0]}/${found.extent![1]}`;
    else delete canvas.dataset.found;
    let largest = '';
    let best = 0;
    for (const s of d.summaries) {
      const x0 = Math.max(0, s.x0);
      const x1 = Math.min(width, s.x1);
      if (x1 - x0 > best) {
        best = x1 - x0;
        largest = `${Math.round((x0 + x1) / 2)} ${Math.round((s.y0 * 2 + s.y1) / 3)} ${s.s.count}`;
      }
    }
    if (largest) canvas.dataset.largestSummary = largest;
    else delete canvas.dataset.largestSummary;
  }, [big, cam, marks, width, height, count, ino, found, theme]);

  const zoomInto = useCallback(
    (lo: number, n: number, depth: number) => {
      const k = Math.min(4, Math.max(t.k * 1.5, fitScale(n, width) * 0.9));
      const c = camera(zoomIdentity.scale(k), height, levels);
      const ty = TOP_PAD + 12 - (depth + 0) * c.level;
      moved.current = true;
      setTransform(
        zoomIdentity.translate(centreX(lo + (n - 1) / 2, k, width), ty - TOP_PAD).scale(k),
      );
    },
    [t.k, width, height, levels, setTransform, moved],
  );

  const describe = (n: {
    lblk: number;
    len: number;
    status: string;
    pblk: number | null;
    red: boolean;
    depth: number;
    id: number;
  }) =>
    `[${n.lblk}/${n.len}) ${n.status}${n.pblk === null ? '' : ` at ${n.pblk}`}, ${n.red ? 'red' : 'black'}, depth ${n.depth}${n.id === marks.cacheId ? ', cache_es' : ''}${n.id === marks.foundId ? ', found' : ''}`;

  const onClick = (e: MouseEvent) => {
    const r = canvasRef.current!.getBoundingClientRect();
    const hit = hitTest(drawnRef.current, e.clientX - r.left, e.clientY - r.top);
    if (!hit) return;
    if (hit.kind === 'summary') {
      const s = hit.s;
      setSaid(
        `Zoomed into a subtree of ${s.count.toLocaleString('en-US')} extents, height ${s.height}.`,
      );
      zoomInto(s.lo, s.count, s.depth);
    } else setSaid(`Node ${describe(hit.n)}.`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const step = 80;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => zoom.translateBy(step / t.k, 0),
      ArrowRight: () => zoom.translateBy(-step / t.k, 0),
      ArrowUp: () => zoom.translateBy(0, step / t.k),
      ArrowDown: () => zoom.translateBy(0, -step / t.k),
      '+': () => zoom.scaleBy(1.5),
      '=': () => zoom.scaleBy(1.5),
      '-': () => zoom.scaleBy(1 / 1.5),
      '0': fit,
      Enter: () => {
        // the collapsed subtree nearest the middle of the view
        let best: Drawn['summaries'][number] | null = null;
        let bd = Infinity;
        for (const s of drawnRef.current.summaries) {
          const dd = Math.abs((s.x0 + s.x1) / 2 - width / 2) + Math.abs(s.y0 - height / 2) / 4;
          if (dd < bd) {
            bd = dd;
            best = s;
          }
        }
        if (best) {
          setSaid(
            `Zoomed into a subtree of ${best.s.count.toLocaleString('en-US')} extents, height ${best.s.height}.`,
          );
          zoomInto(best.s.lo, best.s.count, best.s.depth);
        } else setSaid('No collapsed subtree in view: every node is drawn.');
      },
    };
    const f = keys[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  return (
    <div className="tree-canvas big-tree" ref={boxRef} hidden={hidden}>
      <canvas
        ref={canvasRef}
        className="big-tree-canvas"
        style={{ width, height }}
        tabIndex={0}
        role="img"
        aria-roledescription="tree drawing"
        aria-label={`Red-black tree of inode ${ino}`}
        aria-describedby="big-tree-said"
        data-nodes={count}
        data-scale={t.k}
        onKeyDown={onKeyDown}
        onClick={onClick}
      />
      <GoToBlock />
      <p id="big-tree-said" className="big-tree-said" aria-live="polite">
        {said}
      </p>
      <Minimap
        theme={theme}
        big={big}
        count={count}
        levels={levels}
        view={{
          x0: -cam.ox / cam.slot,
          x1: (width - cam.ox) / cam.slot,
          d0: (0 - cam.oy) / cam.level,
          d1: (height - cam.oy) / cam.level,
        }}
        onCentre={(rank) => {
          moved.current = true;
          setTransform(zoomIdentity.translate(centreX(rank, t.k, width), t.y).scale(t.k));
        }}
      />
    </div>
  );
}
