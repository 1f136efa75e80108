import { readlinkSync } from 'node:fs';
import { DateTime, FixedOffsetZone, IANAZone, Settings, type Zone } from 'luxon';
import { CLOCK_OFFSETS, ZONE_ABBREVIATIONS } from './zone-abbreviations.js';

// Every date this tool writes is English (luxon's toFormat writes English by default anyway).
// Said once here, luxon never asks the system for its locale: that first question loads ICU's
// data (about 18 ms and 8 MB), which a README in UTC or at a fixed offset never needs.
Settings.defaultLocale = 'en-US';

/** A timezone as the incident uses it: the text stored in the draft and luxon's zone. */
export interface IncidentZone {
  /** Normalised spelling kept in the draft: `UTC`, `GMT`, `Africa/Lagos`, `+01:00`. */
  name: string;
  zone: Zone;
}

export type ZoneResult = { ok: true; value: IncidentZone } | { ok: false; error: string };

// Abbreviations are ambiguous (IST is India, Israel or Ireland), so they are never guessed
// silently; the common ones get a suggestion in the message instead.

const OFFSET = /^(?:(?:UTC|GMT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads a timezone the way people write it: an IANA name, UTC/GMT/Z, an offset, or an abbreviation that names one place (PST, WAT, Eastern). */
export function parseZone(input: string): ZoneResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Type a timezone such as UTC, Africa/Lagos or +01:00.' };
  const upper = text.toUpperCase();
  if (upper === 'UTC' || upper === 'Z' || upper === 'UTC+0' || upper === 'UTC+00:00') {
    return { ok: true, value: { name: 'UTC', zone: FixedOffsetZone.utcInstance } };
  }
  if (upper === 'GMT') return { ok: true, value: { name: 'GMT', zone: FixedOffsetZone.utcInstance } };

  const offset = OFFSET.exec(text);
  if (offset) {
    const [, sign, h, m] = offset;
    const hours = Number(h);
    const minutes = Number(m ?? '0');
    if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) {
      return { ok: false, error: `${text} is not a real UTC offset: offsets go from -12:00 to +14:00.` };
    }
    const total = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
    const name = `${sign}${pad(hours)}:${pad(minutes)}`;
    return { ok: true, value: { name, zone: FixedOffsetZone.instance(total) } };
  }

  // Abbreviations and words people write (PST, Eastern, WAT), checked before the IANA lookup:
  // ICU takes some abbreviations (PST, EST) as fixed zones that never change for summer time.
  const readings = ZONE_ABBREVIATIONS[upper];
  if (readings?.length === 1) return parseZone(readings[0]!.zone);
  if (readings) {
    const places = readings.map((reading) => `${reading.place} (${reading.zone})`);
    return { ok: false, error: `${text} can mean ${places.slice(0, -1).join(', ')} or ${places.at(-1)}: type the one you mean, such as ${readings[0]!.zone}.` };
  }
  if (/^[A-Z]{2,5}$/.test(upper) && text === upper) {
    return { ok: false, error: `${text} is not an abbreviation this tool knows: use a place name such as Europe/Paris, or an offset such as +01:00.` };
  }

  if (IANAZone.isValidZone(text)) {
    // Intl knows the canonical spelling ("africa/lagos" → "Africa/Lagos").
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    const name = canonical === 'Etc/UTC' || canonical === 'UTC' ? 'UTC' : canonical;
    if (name === 'UTC') return { ok: true, value: { name, zone: FixedOffsetZone.utcInstance } };
    return { ok: true, value: { name, zone: IANAZone.create(name) } };
  }

  return {
    ok: false,
    error: `${text} is not a timezone: use UTC, a place name such as Africa/Lagos, or an offset such as +01:00.`,
  };
}

/** Names ICU gives UTC by: TZ set to one of them, or /etc/localtime a link to one, is UTC. */
const UTC_NAMES = /^:?(?:Etc\/)?(?:UTC|UCT|GMT|Universal|Zulu)$/;

/**
 * UTC when the system says so where ICU looks first (TZ, else the /etc/localtime link), read
 * without ICU: servers and containers mostly run in UTC, and the wizard's first screen then
 * loads no ICU data. Undefined when the answer needs ICU.
 */
function systemUtc(): 'UTC' | undefined {
  const tz = process.env.TZ;
  if (tz !== undefined) return UTC_NAMES.test(tz) ? 'UTC' : undefined;
  try {
    const link = /\/zoneinfo\/(.+)$/.exec(readlinkSync('/etc/localtime'));
    return link && UTC_NAMES.test(link[1]!) ? 'UTC' : undefined;
  } catch {
    return undefined;
  }
}

/** The system's timezone, as the default for a new incident. */
export function systemZoneName(): string {
  const utc = systemUtc();
  if (utc) return utc;
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const parsed = name ? parseZone(name) : undefined;
  return parsed?.ok ? parsed.value.name : 'UTC';
}

/** Short label written next to a time: `UTC`, `UTC+01:00`, or the zone's abbreviation then. */
const labels = new Map<string, string>();

export function zoneLabel(zone: IncidentZone, at?: DateTime): string {
  if (zone.name === 'UTC' || zone.name === 'GMT') return zone.name;
  if (zone.zone instanceof FixedOffsetZone) return `UTC${zone.name}`;
  const when = (at ?? DateTime.now()).setZone(zone.zone);
  // One label per zone and offset: a long timeline asks thousands of times for the same two.
  const key = `${zone.name} ${when.offset}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = placeLabel(zone, when);
    labels.set(key, label);
  }
  return label;
}

// ICU names a zone's clock in the English of the place that uses it: en-US has EDT but GMT+2 for
// Berlin, en-GB has CEST and BST, en-IN IST, en-AU AEST. The first that names it wins.
const NAMING_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU'];

/** The clock's name people write ("CEST", "IST", "WAT"), else its offset from GMT ("GMT+9"). */
function placeLabel(zone: IncidentZone, when: DateTime): string {
  for (const locale of NAMING_LOCALES) {
    const name = when.setLocale(locale).toFormat('ZZZZ');
    if (!/^GMT[+-]/.test(name)) return name;
  }
  // Our own table: an abbreviation read as this very place, at this offset (WAT for Lagos, JST for Tokyo).
  const offset = when.toFormat('ZZ');
  for (const [word, readings] of Object.entries(ZONE_ABBREVIATIONS)) {
    if (CLOCK_OFFSETS[word] === offset && readings.some((reading) => reading.zone === zone.name)) return word;
  }
  return when.setLocale('en-US').toFormat('ZZZZ');
}
