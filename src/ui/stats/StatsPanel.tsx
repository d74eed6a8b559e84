/** The Statistics tab of the tools panel. */
export function StatsPanel() {
  return <p className="hint">Statistics</p>;
}
