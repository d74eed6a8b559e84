/**
 * SVG fills for the statuses, defined once and used by the tree and the block map. Each status
 * has its own texture as well as its own colour, so they stay apart in greyscale: written solid,
 * unwritten striped, delayed dotted, hole cross-hatched; the combinations overlay the dots.
 */
function Dots({ id, base }: { id: string; base?: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
      {base ? <use href={`#${base}-tile`} /> : <rect width="6" height="6" className="pat-bg" />}
      <circle cx="3" cy="3" r="1.4" className="pat-d" />
    </pattern>
  );
}

export function StatusPatterns() {
  return (
    <svg className="patterns" aria-hidden="true" width="0" height="0" focusable="false">
      <defs>
        <g id="w-tile">
          <rect width="6" height="6" className="pat-w" />
        </g>
        <g id="u-tile">
          <rect width="6" height="6" className="pat-bg" />
          <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" className="pat-u" />
        </g>
        <pattern id="st-W" width="6" height="6" patternUnits="userSpaceOnUse">
          <use href="#w-tile" />
        </pattern>
        <pattern id="st-U" width="6" height="6" patternUnits="userSpaceOnUse">
          <use href="#u-tile" />
        </pattern>
        <Dots id="st-D" />
        <pattern id="st-H" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" className="pat-bg" />
          <path d="M0,0 L8,8 M8,0 L0,8" className="pat-h" />
        </pattern>
        <Dots id="st-WD" base="w" />
        <Dots id="st-UD" base="u" />
        <pattern id="st-other" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" className="pat-bg" />
          <path d="M0,3 h6" className="pat-h" />
        </pattern>
        <pattern id="not-cached" width="10" height="10" patternUnits="userSpaceOnUse">
          <path d="M0,10 L10,0" className="pat-none" />
        </pattern>
      </defs>
    </svg>
  );
}
