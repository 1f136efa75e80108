import type { Draft } from '../draft/schema.js';
import { resolveIncident } from '../draft/incident.js';

/** Minutes either side of the incident's start and end that candidates are still offered from. */
export const DEFAULT_MARGIN_MINUTES = 15;

export interface TimeWindow {
  /** Epoch milliseconds; undefined means open on that side. */
  from?: number;
  to?: number;
}

/**
 * The stretch of time to offer candidates from: the draft's start and end with a margin either
 * side; `from`/`to` given by the user win. Without an end, the window runs a day from the start,
 * so a month of chat is not offered for a one-hour outage.
 */
export function incidentWindow(draft: Draft, marginMinutes = DEFAULT_MARGIN_MINUTES, given: TimeWindow = {}): TimeWindow {
  const { start, end } = resolveIncident(draft);
  const margin = marginMinutes * 60_000;
  const from = given.from ?? (start ? start.toMillis() - margin : end ? end.toMillis() - 24 * 3_600_000 : undefined);
  const to = given.to ?? (end ? end.toMillis() + margin : start ? start.toMillis() + 24 * 3_600_000 : undefined);
  return { from, to };
}

export function inWindow(at: number, window: TimeWindow): boolean {
  return (window.from === undefined || at >= window.from) && (window.to === undefined || at <= window.to);
}
