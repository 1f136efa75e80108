import type { Zone } from 'luxon';
import { parseZone, type IncidentZone } from '../time/zone.js';
import { CLOCK_OFFSETS } from '../time/zone-abbreviations.js';

/*
 * The moments files write, read into epoch milliseconds: ISO 8601 with or without an offset,
 * epoch seconds, milliseconds, micro- and nanoseconds, `2024-08-14 14:02`, `08/14/2024 2:02 PM`,
 * `Wed, 14 Aug 2024 14:02:00 +0000`, git's `Wed Aug 14 14:02:00 2024 +0200`. A time with no zone
 * is the incident zone's wall time. Only a date with a time of day is a moment: a bare date is not.
 * Hand-written rather than luxon's parsers: a million-row CSV reads each cell once, and this is
 * the only place times are parsed in bulk.
 */

/** How a numeric date such as 03/04/2024 is read: March 4 (mdy, the US order) or 3 April (dmy). */
export type DayOrder = 'mdy' | 'dmy';

// Epoch numbers outside 1990..2100 are more likely counts or ids than moments.
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const ZONE_PART = String.raw`(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?(?:\s*\(?([A-Za-z][A-Za-z_/+-]{0,30})\)?)?`;
const CLOCK_PART = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\s+|T\s*)${CLOCK_PART}${ZONE_PART}$`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2}),?\s+${CLOCK_PART}\s*([ap])?\.?(?:m\.?)?${ZONE_PART}$`, 'i');
const EPOCH = /^(\d{9,19})(?:\.(\d{1,9}))?$/;
const CLOCK_TOKEN = new RegExp(String.raw`^${CLOCK_PART}([ap]\.?m\.?)?$`, 'i');

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?\.?$/i;

/** Reads a moment; undefined when the text is not a date with a time of day. */
export function parseInstant(input: string, zone: IncidentZone, order: DayOrder = 'mdy'): number | undefined {
  const text = input.trim();
  if (text.length < 9 || text.length > 64) return undefined;
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const epoch = EPOCH.exec(text);
    if (epoch) return fromEpoch(epoch[1]!, epoch[2]);
    const iso = ISO.exec(text);
    if (iso) return fromParts(+iso[1]!, +iso[2]!, +iso[3]!, iso, 4, zone);
    const numeric = NUMERIC.exec(text);
    if (numeric) return fromNumeric(numeric, zone, order);
  }
  return fromWords(text, zone);
}

function fromEpoch(digits: string, fraction: string | undefined): number | undefined {
  // Seconds have 9-11 digits, milliseconds 12-14, microseconds 15-17, nanoseconds 18-19.
  const scale = digits.length <= 11 ? 1000 : digits.length <= 14 ? 1 : digits.length <= 17 ? 1e-3 : 1e-6;
  const whole = Number(digits);
  const ms = Math.round(whole * scale + (fraction && scale === 1000 ? Number(`0.${fraction}`) * 1000 : 0));
  return ms >= EARLIEST && ms < LATEST ? ms : undefined;
}

function fromNumeric(parts: RegExpExecArray, zone: IncidentZone, order: DayOrder): number | undefined {
  const a = +parts[1]!;
  const b = +parts[2]!;
  const year = parts[3]!.length === 2 ? 2000 + +parts[3]! : +parts[3]!;
  // A number above 12 can only be the day, whatever the column's order says.
  const dayFirst = a > 12 ? true : b > 12 ? false : order === 'dmy';
  const [month, day] = dayFirst ? [b, a] : [a, b];
  let hour = +parts[4]!;
  const meridiem = parts[8]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return build(year, month, day, hour, +parts[5]!, parts[6], parts[7], parts[9], parts[10], zone);
}

function fromParts(year: number, month: number, day: number, parts: RegExpExecArray, at: number, zone: IncidentZone): number | undefined {
  return build(year, month, day, +parts[at]!, +parts[at + 1]!, parts[at + 2], parts[at + 3], parts[at + 4], parts[at + 5], zone);
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  secondText: string | undefined,
  fraction: string | undefined,
  offsetText: string | undefined,
  zoneText: string | undefined,
  zone: IncidentZone,
): number | undefined {
  const second = secondText ? +secondText : 0;
  const millisecond = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond);
  // Date.UTC rolls 31 April into 1 May; a calendar date that does not exist is no moment.
  if (new Date(wall).getUTCDate() !== day) return undefined;
  if (offsetText) {
    const offset = parseOffset(offsetText);
    return offset === undefined ? undefined : wall - offset * 60_000;
  }
  if (zoneText) {
    const named = namedZone(zoneText);
    return named ? wallToInstant(wall, named) : undefined;
  }
  return wallToInstant(wall, zone.zone);
}

/** Minutes east of UTC for `Z`, `+02:00`, `+0200`, `-05`. */
function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return undefined;
  const minutes = +match[2]! * 60 + +(match[3] ?? '0');
  return minutes > 14 * 60 ? undefined : (match[1] === '-' ? -minutes : minutes);
}

const namedZones = new Map<string, Zone | undefined>();
function namedZone(text: string): Zone | undefined {
  if (!namedZones.has(text)) {
    // "01:20 EST" is that clock's offset, not New York's whichever hour it is.
    const parsed = parseZone(CLOCK_OFFSETS[text.toUpperCase()] ?? text);
    namedZones.set(text, parsed.ok ? parsed.value.zone : undefined);
  }
  return namedZones.get(text);
}

/*
 * A wall time in a zone to the instant. A wall time the clocks skipped moves forward, as luxon
 * moves it; one that happened twice (clocks went back) is the earlier of the two, whatever the
 * date today (luxon's choice depends on today's offset). Offsets are remembered per minute: a
 * zone's offset lookup formats a date through Intl, and a file's moments crowd into a few hours.
 */
const offsetCache = new WeakMap<Zone, Map<number, number>>();
function offsetAt(zone: Zone, at: number): number {
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  const minute = Math.floor(at / 60_000);
  let offset = cache.get(minute);
  if (offset === undefined) {
    if (cache.size > 50_000) cache.clear();
    offset = zone.offset(minute * 60_000);
    cache.set(minute, offset);
  }
  return offset;
}

const DAY_MS = 86_400_000;

export function wallToInstant(wall: number, zone: Zone): number {
  if (zone.isUniversal) return wall - zone.offset(wall) * 60_000;
  const offsets = new Set([offsetAt(zone, wall - DAY_MS), offsetAt(zone, wall), offsetAt(zone, wall + DAY_MS)]);
  let earliest: number | undefined;
  for (const offset of offsets) {
    const at = wall - offset * 60_000;
    if (offsetAt(zone, at) === offset && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest ?? wall - Math.min(...offsets) * 60_000;
}

/**
 * Dates written with words, in any order people and programs use: `Aug 14, 2024 2:02 PM`,
 * `14 August 2024 14:02`, `Wed, 14 Aug 2024 14:02:00 +0000`, `Wed Aug 14 14:02:00 2024 +0200`,
 * `Wed Aug 14 14:02:00 UTC 2024`.
 */
function fromWords(text: string, zone: IncidentZone): number | undefined {
  if (!/[a-z]/i.test(text)) return undefined;
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let clock: RegExpExecArray | undefined;
  let meridiem: string | undefined;
  let offset: string | undefined;
  let zoneName: string | undefined;
  for (const raw of text.replace(/,/g, ' ').split(/\s+/)) {
    const token = raw.replace(/\.$/, '');
    const lower = token.toLowerCase();
    if (token === '' || lower === 'at' || WEEKDAY.test(token)) continue;
    const monthNumber = MONTHS[lower];
    if (monthNumber && month === undefined) {
      month = monthNumber;
      continue;
    }
    if (/^\d{4}$/.test(token) && year === undefined) {
      year = +token;
      continue;
    }
    const dayMatch = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(token);
    if (dayMatch && day === undefined) {
      day = +dayMatch[1]!;
      continue;
    }
    const clockMatch = CLOCK_TOKEN.exec(token);
    if (clockMatch && !clock) {
      clock = clockMatch;
      meridiem = clockMatch[5];
      continue;
    }
    if (/^[ap]\.?m\.?$/i.test(token) && clock && !meridiem) {
      meridiem = token;
      continue;
    }
    const offsetMatch = /^(?:UTC|GMT)?([+-]\d{2}:?\d{2})$/i.exec(token);
    if (offsetMatch && !offset) {
      offset = offsetMatch[1];
      continue;
    }
    if (/^[A-Za-z][A-Za-z_/]{0,30}$/.test(token) && !zoneName) {
      zoneName = token;
      continue;
    }
    return undefined;
  }
  if (year === undefined || month === undefined || day === undefined || !clock) return undefined;
  let hour = +clock[1]!;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem[0]!.toLowerCase() === 'p' ? 12 : 0);
  }
  return build(year, month, day, hour, +clock[2]!, clock[3], clock[4], offset, zoneName, zone);
}
