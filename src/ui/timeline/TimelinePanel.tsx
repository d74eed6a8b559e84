/** The step debugger's timeline: controls, scrubber, the current step. */
export function TimelinePanel() {
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
    </section>
  );
}
