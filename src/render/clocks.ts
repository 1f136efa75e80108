import type { Incident } from '../draft/incident.js';
import { zoneLabel } from '../time/zone.js';

/** The clocks the incident's times are in: "CDT", or "CDT, then CST" across the night they change. */
export function clocksOf(incident: Incident): string {
  const first = zoneLabel(incident.zone, incident.start);
  const last = incident.end ? zoneLabel(incident.zone, incident.end) : first;
  return first === last ? first : `${first}, then ${last}`;
}
