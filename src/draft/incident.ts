import type { DateTime } from 'luxon';
import { minutesBetween } from '../time/duration.js';
import { parseWhen } from '../time/when.js';
import { parseZone, type IncidentZone } from '../time/zone.js';
import type { Draft, TimelineEntry } from './schema.js';

/** A timeline entry with its time read in the incident's timezone. */
export interface ResolvedEntry {
  /** Position in the draft's list, so findings can point at it. */
  index: number;
  entry: TimelineEntry;
  at?: DateTime;
  error?: string;
}

/** The draft's times, read once: what rendering and the rubric reason about. */
export interface Incident {
  zone: IncidentZone;
  /** False when the draft names no timezone (UTC is assumed for reading times). */
  zoneGiven: boolean;
  zoneError?: string;
  start?: DateTime;
  startError?: string;
  end?: DateTime;
  endError?: string;
  /** In time order; entries whose time cannot be read keep their place at the end. */
  entries: ResolvedEntry[];
}

const UTC = parseZone('UTC');

// Drafts are immutable: the same draft object always resolves to the same times. Rendering,
// the rubric and every keystroke's preview ask for them; they are worked out once per draft.
const resolved = new WeakMap<Draft, Incident>();

export function resolveIncident(draft: Draft): Incident {
  let incident = resolved.get(draft);
  if (!incident) {
    incident = resolveUncached(draft);
    resolved.set(draft, incident);
  }
  return incident;
}

function resolveUncached(draft: Draft): Incident {
  const summary = draft.summary ?? {};
  const typedZone = summary.timezone ? parseZone(summary.timezone) : undefined;
  const zone = typedZone?.ok ? typedZone.value : (UTC as { ok: true; value: IncidentZone }).value;
  const incident: Incident = {
    zone,
    zoneGiven: typedZone?.ok === true,
    entries: [],
  };
  if (typedZone && !typedZone.ok) incident.zoneError = typedZone.error;

  if (summary.start) {
    const start = parseWhen(summary.start, { zone });
    if (!start.ok) incident.startError = start.error;
    else if (!start.dateGiven) incident.startError = `${summary.start} has no date: write it like 2023-08-02 13:45.`;
    else incident.start = start.value;
  }
  if (summary.end) {
    const end = parseWhen(summary.end, { zone, defaultDate: incident.start, after: incident.start });
    if (!end.ok) incident.endError = end.error;
    else if (incident.start && end.value <= incident.start) {
      incident.endError = `The end (${summary.end}) must be after the start (${summary.start}).`;
    } else incident.end = end.value;
  }

  const context = { zone, defaultDate: incident.start, after: incident.start, until: incident.end };
  const entries: ResolvedEntry[] = (draft.timeline ?? []).map((entry, index) => {
    if (!entry.at) return { index, entry, error: 'has no time' };
    const at = parseWhen(entry.at, context);
    return at.ok ? { index, entry, at: at.value } : { index, entry, error: at.error };
  });
  incident.entries = sortEntries(entries);
  return incident;
}

/** Time order; a stable sort keeps entries typed for the same minute in the order given. */
export function sortEntries(entries: ResolvedEntry[]): ResolvedEntry[] {
  return [...entries].sort((a, b) => {
    if (!a.at || !b.at) return (a.at ? 0 : 1) - (b.at ? 0 : 1) || a.index - b.index;
    return a.at.toMillis() - b.at.toMillis() || a.index - b.index;
  });
}

export interface Timing {
  /** Minutes from the start to the first detection entry. */
  toDetect?: number;
  /** Minutes from the start to the end. */
  toResolve?: number;
}

/** Time to detect and time to resolve, where the draft's times give them. */
export function incidentTiming(incident: Incident): Timing {
  const result: Timing = {};
  const { start, end } = incident;
  if (start && end) result.toResolve = minutesBetween(start, end);
  const detected = incident.entries.find((e) => e.entry.kind === 'detection' && e.at)?.at;
  if (start && detected && detected >= start) result.toDetect = minutesBetween(start, detected);
  return result;
}

/** True when the incident's times fall on more than one calendar day. */
export function spansDays(incident: Incident): boolean {
  const days = new Set<string>();
  for (const value of [incident.start, incident.end, ...incident.entries.map((e) => e.at)]) {
    if (value) days.add(value.setZone(incident.zone.zone).toISODate() ?? '');
  }
  return days.size > 1;
}
