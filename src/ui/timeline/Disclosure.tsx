/**
 * A button that opens a small panel below it (the step list, the breakpoints). Escape or a click
 * outside closes it and gives focus back to the button; the panel floats, so the timeline stays
 * compact.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icons.tsx';

interface Props {
  label: string;
  /** Short extra text after the label, e.g. a count. */
  badge?: string | undefined;
  icon: IconName;
  /** Accessible name of the panel. */
  title: string;
  className?: string;
  children: (close: () => void) => ReactNode;
}

export function Disclosure({ label, badge, icon, title, className, children }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div
      className={`disclosure ${className ?? ''}`}
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`quiet disclosure-button${open ? ' open' : ''}`}
        aria-label={badge === undefined ? label : `${label}, ${badge}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name={icon} />
        <span>{label}</span>
        {badge !== undefined && <span className="count">{badge}</span>}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={id} className="popover" role="region" aria-label={title} hidden={!open}>
        {open && children(close)}
      </div>
    </div>
  );
}
