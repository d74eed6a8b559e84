/** The Import tab of the tools panel. */
export function ImportPanel() {
  return <p className="hint">Import</p>;
}
