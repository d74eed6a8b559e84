/**
 * Tools below the operations: one tab at a time (WAI-ARIA tabs: arrow keys move between tabs,
 * Home/End jump to the ends).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { ShrinkerPanel } from '../shrinker/ShrinkerPanel.tsx';
import { WorkloadPanel } from '../workload/WorkloadPanel.tsx';
import { StatsPanel } from '../stats/StatsPanel.tsx';
import { ImportPanel } from '../import/ImportPanel.tsx';
import { SessionPanel } from '../session/SessionPanel.tsx';
import { LessonsPanel } from '../lessons/LessonsPanel.tsx';
import { lessonWasOpen } from '../lessons/lessonNav.ts';

const TABS = [
  { id: 'lessons', label: 'Lessons', Panel: LessonsPanel },
  { id: 'shrinker', label: 'Shrinker', Panel: ShrinkerPanel },
  { id: 'workload', label: 'Workloads', Panel: WorkloadPanel },
  { id: 'stats', label: 'Statistics', Panel: StatsPanel },
  { id: 'import', label: 'Import', Panel: ImportPanel },
  { id: 'session', label: 'Session', Panel: SessionPanel },
] as const;

export type ToolTab = (typeof TABS)[number]['id'];

export function ToolsPanel() {
  // A lesson step link, or a lesson left open, opens on the Lessons tab.
  const [active, setActive] = useState<ToolTab>(() =>
    lessonWasOpen(window.location.hash) ? 'lessons' : 'shrinker',
  );
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === active);
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = TABS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    const id = TABS[j]!.id;
    setActive(id);
    refs.current[id]?.focus();
  };
  return (
    <section className="panel tools" aria-label="Tools">
      <div className="tabs" role="tablist" aria-label="Tools" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={active === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1}
            className={active === t.id ? 'tab active' : 'tab'}
            onClick={() => setActive(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map(({ id, Panel }) => (
        <div
          key={id}
          role="tabpanel"
          id={`tabpanel-${id}`}
          aria-labelledby={`tab-${id}`}
          hidden={active !== id}
          className="tabpanel"
        >
          {active === id ? <Panel /> : null}
        </div>
      ))}
    </section>
  );
}
