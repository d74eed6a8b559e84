/**
 * Points at the extents a lesson step talks about, in the tree and the block map, by their lblk.
 * The views already carry `data-lblk` on every node and bar, so a style rule is enough: no view
 * needs to know about lessons. It only points while the explorer still shows the step's state.
 * The rule goes in a constructed style sheet: the site's Content-Security-Policy refuses inline
 * <style> elements, not the CSSOM.
 */
import { useEffect } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { selectOpCount, selectSelectedIno } from '../../store/selectors.ts';
import { currentStep, useLessonNav } from './lessonNav.ts';

export function PointAt() {
  const at = useLessonNav((s) => s.at);
  const answered = useLessonNav((s) => s.answer !== null);
  const loadedOps = useLessonNav((s) => s.loadedOps);
  const ops = useEsx(selectOpCount);
  const ino = useEsx(selectSelectedIno);
  const cur = currentStep({ at });
  const q = cur?.step.predict;
  const lblks =
    !cur || loadedOps !== ops || ino !== cur.step.setup.ino
      ? []
      : answered && q && q.point.length
        ? q.point
        : cur.step.point;
  // A glow around the node and the bar: their outlines keep meaning red/black and cache_es.
  const css = lblks.length
    ? `${lblks.flatMap((l) => [`.rb-node[data-lblk="${l}"]`, `.bar[data-lblk="${l}"]`]).join(',')} {
  filter: drop-shadow(0 0 2px var(--lesson-point)) drop-shadow(0 0 7px var(--lesson-point));
}`
    : '';
  useEffect(() => {
    if (!css || typeof CSSStyleSheet === 'undefined') return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== sheet);
    };
  }, [css]);
  return null;
}

/** The words for what a step points at: "[10/5) and [20/3)" (the extents as the explorer shows them). */
export function usePointedExtents(): string[] {
  const at = useLessonNav((s) => s.at);
  const answered = useLessonNav((s) => s.answer !== null);
  const extents = useEsx((s) => s.snapshot?.detail.extents ?? null);
  const cur = currentStep({ at });
  if (!cur || !extents) return [];
  const q = cur.step.predict;
  const lblks = answered && q && q.point.length ? q.point : cur.step.point;
  return lblks.map((l) => {
    const e = extents.find(([lb]) => lb === l);
    return e ? `[${e[0]}/${e[1]})` : `block ${l}`;
  });
}
