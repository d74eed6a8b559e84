/** The Lessons tab of the tools panel. */
export function LessonsPanel() {
  return <p className="hint">Lessons</p>;
}
