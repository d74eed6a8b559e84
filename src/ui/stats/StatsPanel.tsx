/**
 * The Statistics tab: extents per status of the selected inode, its tree height against the
 * red-black bound, the share of lookups cache_es answered, the reclaimable count, and a chart of
 * reclaimable extents over the timeline (click or arrow keys to seek).
 */
import { useEsx } from '../../store/useEsx.ts';
import { selectSelectedIno, selectStats } from '../../store/selectors.ts';
import { STATUS_LABEL, statusFill } from '../shared/status.ts';
import { ReclaimableChart } from './ReclaimableChart.tsx';

const ORDER = ['W', 'U', 'D', 'H', 'WD', 'UD'];

function pct(x: number): string {
  return `${(x * 100).toFixed(x === 1 || x === 0 ? 0 : 1)}%`;
}

export function StatsPanel() {
  const stats = useEsx(selectStats);
  const ino = useEsx(selectSelectedIno);
  if (!stats) return <p className="hint">Waiting for the engine…</p>;
  const { tree, sb } = stats;
  const statuses = [
    ...ORDER,
    ...Object.keys(tree.byStatus).filter((k) => !ORDER.includes(k)),
  ].filter((k) => (tree.byStatus[k] ?? 0) > 0 || ORDER.slice(0, 4).includes(k));
  const most = Math.max(1, ...Object.values(tree.byStatus));
  const bound = tree.bound;
  const heightShare = bound > 0 ? Math.min(1, tree.height / bound) : 0;
  return (
    <div className="stats">
      <section aria-labelledby="stats-status-title">
        <h3 id="stats-status-title">
          Inode {tree.ino || ino}
          <span className="hint">
            {tree.extents} extent{tree.extents === 1 ? '' : 's'} · {tree.blocks} block
            {tree.blocks === 1 ? '' : 's'}
          </span>
        </h3>
        <table
          className="status-counts"
          aria-label={`Extents per status, inode ${tree.ino || ino}`}
        >
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Extents</th>
              <th scope="col">
                <span className="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((k) => {
              const n = tree.byStatus[k] ?? 0;
              return (
                <tr key={k} data-status={k}>
                  <th scope="row">
                    <svg className="swatch" width="14" height="14" aria-hidden="true">
                      <rect width="14" height="14" rx="3" fill={statusFill(k)} />
                    </svg>
                    {k} <span className="hint">{STATUS_LABEL[k] ?? ''}</span>
                  </th>
                  <td>{n}</td>
                  <td className="bar-cell" aria-hidden="true">
                    <span className="meter" style={{ width: `${(n / most) * 100}%` }} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <dl className="stat-list">
        <div>
          <dt>Tree height</dt>
          <dd data-testid="stats-height">
            {tree.height} <span className="hint">of at most {bound.toFixed(2)}</span>
            <span
              className="gauge"
              role="meter"
              aria-label="Tree height against the red-black bound 2·log2(n+1)"
              aria-valuemin={0}
              aria-valuemax={Number(bound.toFixed(2))}
              aria-valuenow={tree.height}
            >
              <span style={{ width: `${heightShare * 100}%` }} />
            </span>
            <span className="hint">
              red-black bound 2·log<sub>2</sub>(n+1) with n = {tree.extents}
            </span>
          </dd>
        </div>
        <div>
          <dt>cache_es hits</dt>
          <dd data-testid="stats-hits">
            {sb.hitRatio === null ? (
              <span className="hint">no lookups yet</span>
            ) : (
              <>
                {pct(sb.hitRatio)}{' '}
                <span className="hint">
                  {sb.cacheHits} of {sb.lookups} lookup{sb.lookups === 1 ? '' : 's'}
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Reclaimable now</dt>
          <dd data-testid="stats-reclaimable">
            {sb.reclaimable}{' '}
            <span className="hint">
              of {sb.liveExtents} extent{sb.liveExtents === 1 ? '' : 's'}
            </span>
          </dd>
        </div>
      </dl>
      <p className="hint stats-note">
        Reclaimable: <code>lru_nr</code> summed over the inodes on the LRU, the extents the shrinker
        may free (never delayed ones); what a count (<code>nr_to_scan</code> 0) returns.
      </p>
      <ReclaimableChart />
    </div>
  );
}
