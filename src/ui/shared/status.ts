/** Status letters in the order the form offers them, and what each means. */
export const STATUSES = ['W', 'U', 'D', 'H', 'WD', 'UD'] as const;

export const STATUS_LABEL: Record<string, string> = {
  W: 'written',
  U: 'unwritten',
  D: 'delayed',
  H: 'hole',
  WD: 'written + delayed',
  UD: 'unwritten + delayed',
};

/** The pattern fill id of a status (defined once in StatusPatterns). */
export function statusFill(status: string): string {
  return STATUS_LABEL[status] ? `url(#st-${status})` : 'url(#st-other)';
}
