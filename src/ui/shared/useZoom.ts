import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';

export interface ZoomApi {
  transform: ZoomTransform;
  /** Jumps to a transform (not counted as the person moving the view). */
  setTransform(t: ZoomTransform): void;
  /**
   * Tells d3 the transform the view is drawn at without rendering again: for a view that
   * computes its own transform while it renders (auto-fit), so the next drag starts from there.
   */
  syncTransform(t: ZoomTransform): void;
  scaleBy(k: number): void;
  translateBy(dx: number, dy: number): void;
  /** True once the person has panned or zoomed by hand (auto-fit then stops until Fit). */
  moved: RefObject<boolean>;
}

/**
 * d3-zoom on an element: D3 computes the transform from wheel, drag, pinch and double-click;
 * React renders it.
 */
export function useZoom<E extends Element>(
  ref: RefObject<E | null>,
  scaleExtent: [number, number],
): ZoomApi {
  const [transform, setT] = useState<ZoomTransform>(zoomIdentity);
  const moved = useRef(false);
  const silent = useRef(false);
  const [lo, hi] = scaleExtent;
  const behaviour = useMemo(() => zoom<E, unknown>().scaleExtent([lo, hi]), [lo, hi]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    behaviour.on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
      if (silent.current) return;
      setT(e.transform);
      if (e.sourceEvent) moved.current = true;
    });
    const sel = select(el);
    sel.call(behaviour);
    return () => {
      sel.on('.zoom', null);
    };
  }, [ref, behaviour]);

  const setTransform = useCallback(
    (t: ZoomTransform) => {
      const el = ref.current;
      if (el) behaviour.transform(select(el), t);
    },
    [ref, behaviour],
  );
  const syncTransform = useCallback(
    (t: ZoomTransform) => {
      const el = ref.current;
      if (!el) return;
      silent.current = true;
      try {
        behaviour.transform(select(el), t);
      } finally {
        silent.current = false;
      }
    },
    [ref, behaviour],
  );
  const scaleBy = useCallback(
    (k: number) => {
      const el = ref.current;
      if (!el) return;
      moved.current = true;
      behaviour.scaleBy(select(el), k);
    },
    [ref, behaviour],
  );
  const translateBy = useCallback(
    (dx: number, dy: number) => {
      const el = ref.current;
      if (!el) return;
      moved.current = true;
      behaviour.translateBy(select(el), dx, dy);
    },
    [ref, behaviour],
  );
  return { transform, setTransform, syncTransform, scaleBy, translateBy, moved };
}
