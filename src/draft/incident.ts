import { DateTime, type Zone } from 'luxon';
import { minutesBetween } from '../time/duration.js';
import { parseWhen, storedMillis, wallClock, type WallClock } from '../time/when.js';
import { parseZone, type IncidentZone } from '../time/zone.js';
import type { Draft, TimelineEntry } from './schema.js';

/** A timeline entry with its time read in the incident's timezone. */
export interface ResolvedEntry {
  /** Position in the draft's list, so findings can point at it. */
  index: number;
  entry: TimelineEntry;
  /** The instant (milliseconds since 1970), set exactly when `at` is: what sorting and comparing use. */
  millis?: number;
  /** The time as a DateTime, in the incident's timezone. */
  readonly at?: DateTime;
  error?: string;
}

/** The entries resolveIncident makes: one shape, their DateTime made only if something asks. */
class Resolved implements ResolvedEntry {
  #at: DateTime | undefined;
  #zone: Zone | undefined;

  private constructor(
    /** Position in the draft's list, so findings can point at it. */
    readonly index: number,
    readonly entry: TimelineEntry,
    /** The instant (milliseconds since 1970), set exactly when the time was read: what sorting and comparing use. */
    readonly millis: number | undefined,
    /** Why the time could not be read. */
    readonly error: string | undefined,
  ) {}

  /** An entry read from the instant alone, its DateTime made only if something asks (a long timeline needs few). */
  static atInstant(index: number, entry: TimelineEntry, millis: number, zone: Zone): Resolved {
    const resolved = new Resolved(index, entry, millis, undefined);
    resolved.#zone = zone;
    return resolved;
  }

  static at(index: number, entry: TimelineEntry, at: DateTime): Resolved {
    const resolved = new Resolved(index, entry, at.toMillis(), undefined);
    resolved.#at = at;
    return resolved;
  }

  static unread(index: number, entry: TimelineEntry, error: string): Resolved {
    return new Resolved(index, entry, undefined, error);
  }

  /** The time as a DateTime in the incident's timezone. */
  get at(): DateTime | undefined {
    if (this.#at === undefined && this.millis !== undefined) this.#at = DateTime.fromMillis(this.millis, { zone: this.#zone! });
    return this.#at;
  }
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

  // A time without a date takes the incident's day: its start's, else its end's; with neither,
  // it has no day (the clock's would be a guess).
  const context = { zone, defaultDate: incident.start ?? incident.end, after: incident.start, until: incident.end };
  const entries: ResolvedEntry[] = (draft.timeline ?? []).map((entry, index) => {
    if (!entry.at) return Resolved.unread(index, entry, 'has no time');
    // The stored form in a fixed-offset zone, by far the most common, is read without a DateTime.
    const millis = storedMillis(entry.at, zone);
    if (millis !== undefined) return Resolved.atInstant(index, entry, millis, zone.zone);
    const at = parseWhen(entry.at, context);
    if (at.ok && !at.dateGiven && !context.defaultDate) return Resolved.unread(index, entry, `${entry.at} has no date, and the incident has no start to take it from`);
    return at.ok ? Resolved.at(index, entry, at.value) : Resolved.unread(index, entry, at.error);
  });
  incident.entries = sortEntries(entries);
  return incident;
}

/**
 * An entry's wall clock in the incident's timezone (what a README writes): worked out from the
 * instant at a fixed offset, where every time has the same one; read from its DateTime in a
 * place's zone. Undefined for an entry with no time.
 */
export function entryClock(resolved: ResolvedEntry, zone: IncidentZone): WallClock | undefined {
  if (resolved.millis === undefined) return undefined;
  return zone.zone.isUniversal ? wallClock(resolved.millis, zone.zone.offset(0)) : resolved.at;
}

/** Time order; a stable sort keeps entries typed for the same minute in the order given. */
export function sortEntries(entries: ResolvedEntry[]): ResolvedEntry[] {
  return [...entries].sort((a, b) => {
    if (a.millis === undefined || b.millis === undefined) return (a.millis !== undefined ? 0 : 1) - (b.millis !== undefined ? 0 : 1) || a.index - b.index;
    return a.millis - b.millis || a.index - b.index;
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
  const detected = incident.entries.find((e) => e.entry.kind === 'detection' && e.millis !== undefined)?.at;
  if (start && detected && detected >= start) result.toDetect = minutesBetween(start, detected);
  return result;
}

/** True when the incident's times fall on more than one calendar day. */
export function spansDays(incident: Incident): boolean {
  const days = new Set<number>();
  const add = (clock: WallClock | undefined) => {
    if (clock) days.add(clock.year * 10_000 + clock.month * 100 + clock.day);
  };
  for (const value of [incident.start, incident.end]) add(value?.setZone(incident.zone.zone));
  for (const resolved of incident.entries) add(entryClock(resolved, incident.zone));
  return days.size > 1;
}
