import type { DateTime } from 'luxon';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 hour 45 minutes", "30 minutes", "1 day 2 hours": lengths as people say them. */
export function formatMinutes(totalMinutes: number): string {
  const minutesRounded = Math.round(totalMinutes);
  if (minutesRounded < 1) return 'less than a minute';
  const days = Math.floor(minutesRounded / 1440);
  const hours = Math.floor((minutesRounded % 1440) / 60);
  const minutes = minutesRounded % 60;
  const parts: string[] = [];
  if (days) parts.push(plural(days, 'day'));
  if (hours) parts.push(plural(hours, 'hour'));
  if (minutes) parts.push(plural(minutes, 'minute'));
  return parts.join(' ');
}

/** Minutes of real time between two instants (a daylight-saving change counts as it happened). */
export function minutesBetween(start: DateTime, end: DateTime): number {
  return end.diff(start, 'minutes').minutes;
}

export function formatDuration(start: DateTime, end: DateTime): string {
  return formatMinutes(minutesBetween(start, end));
}
