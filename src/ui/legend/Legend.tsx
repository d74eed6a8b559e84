import { STATUSES, STATUS_LABEL, statusFill } from '../shared/status.ts';
import { Term } from '../shared/Term.tsx';

/** What the colours, textures and marks mean. */
export function Legend() {
  return (
    <div className="legend" role="group" aria-labelledby="legend-title">
      <h3 id="legend-title">Legend</h3>
      <ul aria-label="Status fills">
        {STATUSES.map((s) => (
          <li key={s}>
            <svg width="16" height="12" aria-hidden="true">
              <rect width="16" height="12" rx="2" fill={statusFill(s)} className="swatch" />
            </svg>
            <b>{s}</b> {s.length === 1 ? <Term term={STATUS_LABEL[s] ?? s} /> : ''}
          </li>
        ))}
      </ul>
      <ul aria-label="Marks">
        <li>
          <span className="mark-node black" aria-hidden="true">
            B
          </span>{' '}
          black (solid)
        </li>
        <li>
          <span className="mark-node red" aria-hidden="true">
            R
          </span>{' '}
          red (dashed)
        </li>
        <li>
          <span className="mark-cache" aria-hidden="true" /> <Term term="cache_es" />
        </li>
        <li>
          <svg width="16" height="12" aria-hidden="true">
            <rect width="16" height="12" rx="2" fill="url(#not-cached)" className="swatch none" />
          </svg>
          not in the tree
        </li>
        <li>
          <span className="mark-lookup" aria-hidden="true">
            ▼
          </span>{' '}
          last lookup
        </li>
      </ul>
    </div>
  );
}
