/** The Session tab of the tools panel. */
export function SessionPanel() {
  return <p className="hint">Session</p>;
}
