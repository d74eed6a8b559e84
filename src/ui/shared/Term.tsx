/**
 * A glossary term with its definition as a tooltip: focusable, described by the tooltip
 * (aria-describedby), shown on hover and on keyboard focus, closed by Escape, and hoverable itself
 * (WCAG 1.4.13). The tooltip is drawn in a portal with fixed coordinates, so panels that clip or
 * contain their content do not cut it.
 */
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { glossaryEntry } from '../../lessons/glossary.ts';

interface Props {
  /** The glossary key: lblk, pblk, written, unwritten, delayed, hole, cache_es, lru, lru_nr ... */
  term: string;
  /** The words shown (default: the term as the glossary writes it). */
  children?: ReactNode;
}

const HIDE_DELAY_MS = 120;
const TIP_WIDTH = 260;

export function Term({ term, children }: Props) {
  const entry = glossaryEntry(term);
  const id = useId();
  const anchor = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ left: number; top: number; above: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancelHide = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const show = useCallback(() => {
    cancelHide();
    setOpen(true);
  }, [cancelHide]);
  const hideSoon = useCallback(() => {
    cancelHide();
    timer.current = setTimeout(() => setOpen(false), HIDE_DELAY_MS);
  }, [cancelHide]);

  useLayoutEffect(() => {
    if (!open || !anchor.current) return;
    const r = anchor.current.getBoundingClientRect();
    const h = tip.current?.offsetHeight ?? 80;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - TIP_WIDTH - 8));
    const above = r.bottom + h + 10 > window.innerHeight && r.top - h - 10 > 0;
    setPos({ left, top: above ? r.top - h - 6 : r.bottom + 6, above });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onScroll = () => setOpen(false);
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [open]);

  useEffect(() => cancelHide, [cancelHide]);

  if (!entry) return <>{children ?? term}</>;
  return (
    <>
      <span
        ref={anchor}
        className="term"
        tabIndex={0}
        aria-describedby={id}
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onFocus={show}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        {children ?? entry.term}
      </span>
      {createPortal(
        <span
          ref={tip}
          id={id}
          role="tooltip"
          className={`term-tip${pos?.above ? ' above' : ''}`}
          hidden={!open}
          style={pos ? { left: pos.left, top: pos.top, width: TIP_WIDTH } : { width: TIP_WIDTH }}
          onMouseEnter={cancelHide}
          onMouseLeave={hideSoon}
        >
          <b className="term-tip-name">{entry.term}</b> {entry.definition}
        </span>,
        document.body,
      )}
    </>
  );
}
