/**
 * FLIP animation (First, Last, Invert, Play; Paul Lewis, 2015) for elements keyed by
 * `data-flip`: after each change of `key`, an element whose key was drawn elsewhere before starts
 * at its old place and glides to the new one. Keys are looked up across the whole container, so an
 * inode moving from the LRU to the scanned list glides too, although React mounts a new element
 * there. Nothing moves when the person prefers reduced motion.
 *
 * Positions are read in the next animation frame rather than in a layout effect: the browser lays
 * the page out for that frame anyway, so a big update (a workload's last reply) is not laid out
 * twice, and the animation still starts before the frame is painted. They are layout positions:
 * an element still gliding is measured without its glide's offset, or an op that comes within a
 * glide of the last would take the elements still in flight for moved ones.
 */
import { useEffect, useRef, type RefObject } from 'react';

const DURATION = 320;

type Pos = { left: number; top: number };

/** Where `el` is laid out relative to `origin`: its box, less the offset of a glide in flight. */
function layoutPos(el: HTMLElement, origin: DOMRect): Pos {
  const r = el.getBoundingClientRect();
  let left = r.left - origin.left;
  let top = r.top - origin.top;
  if (el.getAnimations().length > 0) {
    const t = getComputedStyle(el).transform;
    if (t && t !== 'none') {
      const m = new DOMMatrixReadOnly(t);
      left -= m.m41;
      top -= m.m42;
    }
  }
  return { left, top };
}

function reducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

export function useFlip(container: RefObject<HTMLElement | null>, key: string): void {
  const last = useRef(new Map<string, Pos>());
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const root = container.current;
      if (!root) return;
      const els = Array.from(root.querySelectorAll<HTMLElement>('[data-flip]'));
      // relative to the container, so a scroll between two renders is not taken for a move
      const origin = root.getBoundingClientRect();
      const now = new Map<string, Pos>();
      for (const el of els) now.set(el.dataset.flip!, layoutPos(el, origin));
      const before = last.current;
      last.current = now;
      if (before.size === 0 || reducedMotion()) return;
      for (const el of els) {
        const from = before.get(el.dataset.flip!);
        const to = now.get(el.dataset.flip!);
        if (!from || !to) continue;
        const dx = from.left - to.left;
        const dy = from.top - to.top;
        if (Math.abs(dx) < 1 && Math.abs(dy) < 1) continue;
        el.animate(
          [{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'translate(0, 0)' }],
          { duration: DURATION, easing: 'cubic-bezier(0.2, 0, 0, 1)' },
        );
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [container, key]);
}
