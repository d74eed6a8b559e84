/** The Shrinker tab of the tools panel. */
export function ShrinkerPanel() {
  return <p className="hint">Shrinker</p>;
}
