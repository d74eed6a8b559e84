/** The timeline's transport icons: 16×16, drawn in the text colour, hidden from assistive tech. */

const PATHS = {
  start: 'M2.5 3h2v10h-2zM9.5 3 4.5 8l5 5zM14.5 3l-5 5 5 5z',
  prevOp: 'M8 3 2 8l6 5zM14.5 3l-6.5 5 6.5 5z',
  stepBack: 'M11.5 3 5.5 8l6 5zM3 3h2v10H3z',
  play: 'M4.5 2.5v11l9-5.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  stepForward: 'M4.5 3l6 5-6 5zM11 3h2v10h-2z',
  nextOp: 'M2 3l6.5 5L2 13zM8 3l6 5-6 5z',
  end: 'M1.5 3l5 5-5 5zM6.5 3l5 5-5 5zM11.5 3h2v10h-2z',
  continue: 'M2.5 3h2.5v10H2.5zM7 3l7 5-7 5z',
  reverse: 'M11 3h2.5v10H11zM9 3 2 8l7 5z',
  steps: 'M2 3h2v2H2zM6 3h8v2H6zM2 7h2v2H2zM6 7h8v2H6zM2 11h2v2H2zM6 11h8v2H6z',
  breakpoint: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon-svg" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
