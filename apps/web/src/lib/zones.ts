/** Time-zone labels for instants shown to officials across Indonesia (pure, no DOM). */
const INDONESIAN_ZONES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };
/** The viewer's zone at that instant: WIB/WITA/WIT for Indonesia's offsets, else UTC±h(:mm). */
export function zoneOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const named = INDONESIAN_ZONES[minutes];
  if (named) return named;
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}
