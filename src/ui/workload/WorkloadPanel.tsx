/** The Workloads tab of the tools panel. */
export function WorkloadPanel() {
  return <p className="hint">Workloads</p>;
}
