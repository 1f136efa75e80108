import { DateTime } from 'luxon';
import { parseZone, type IncidentZone } from './zone.js';
import { CLOCK_OFFSETS } from './zone-abbreviations.js';

/** How a date-time is kept in the draft: wall-clock time in the incident's timezone. */

export type WhenResult =
  /**
   * `twice`: the wall time happened twice (clocks went back), and which one was taken;
   * `clocks`: the names of the two (the one taken first, "CDT", "CST"), to write after the time.
   */
  | { ok: true; value: DateTime; dateGiven: boolean; twice?: string; clocks?: [string, string] }
  | { ok: false; error: string };

export interface WhenContext {
  zone: IncidentZone;
  /** The day a bare time belongs to (usually the incident's start). */
  defaultDate?: DateTime;
  /**
   * A bare time earlier than `after` moves to the next day when that keeps it no later than
   * `until`: this is how an entry typed as `00:15` lands after a `23:50` start.
   */
  after?: DateTime;
  until?: DateTime;
}

const DATE_FORMATS = ['MMM d yyyy', 'MMMM d yyyy', 'd MMM yyyy', 'd MMMM yyyy'];
const DATE_FORMATS_NO_YEAR = ['MMM d', 'MMMM d', 'd MMM', 'd MMMM'];
const NUMERIC_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

// luxon compiles a parser per format; building each once keeps 10,000 entries fast.
const parsers = new Map<string, ReturnType<typeof DateTime.buildFormatParser>>();
function fromFormat(text: string, format: string, zone: IncidentZone): DateTime {
  let parser = parsers.get(format);
  if (!parser) {
    parser = DateTime.buildFormatParser(format, { locale: 'en-US' });
    parsers.set(format, parser);
  }
  return DateTime.fromFormatParser(text, parser, { zone: zone.zone, locale: 'en-US' });
}

const TIME_AT_END =
  /(?:^|\s)(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$/i;
const TIME_PARTS = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?$/i;
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+/i;

/** Tidies what people type: commas, ordinals, `T` separators, `Sept`, brackets around zones. */
function normalise(input: string): string {
  return input
    .trim()
    .replace(/[(),]/g, ' ')
    .replace(/(\d)T(\d)/, '$1 $2')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .replace(/\bsept\b/gi, 'Sep')
    .replace(/\bat\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(WEEKDAY, '');
}

/**
 * The names the incident's own zone gives its clocks around the incident ("CDT" and "CST" for
 * America/Chicago in November), with their offsets: "1:12 CST" in a Chicago draft is Chicago's
 * standard time, not a question of US Central or China.
 */
const ownNames = new Map<string, Map<string, string>>();
function ownClockNames(zone: IncidentZone, near: DateTime | undefined): Map<string, string> {
  if (zone.zone.isUniversal) return new Map();
  const around = (near ?? DateTime.now()).setZone(zone.zone).startOf('day');
  const key = `${zone.zone.name} ${around.toISODate()}`;
  let names = ownNames.get(key);
  if (!names) {
    names = new Map();
    for (let days = -1; days <= 2; days++) {
      const at = around.plus({ days }).setLocale('en-US');
      // Both clocks of a night the offset changes: just before midnight and a day later.
      for (const moment of [at, at.endOf('day')]) {
        const name = moment.offsetNameShort;
        if (name && /^[A-Z]{2,5}$/.test(name)) names.set(name, moment.toFormat('ZZ'));
      }
    }
    ownNames.set(key, names);
  }
  return names;
}

/** Splits off a trailing timezone (`14:30 UTC`, `2:05 PM WAT`, `10:00 +01:00`). */
function splitZone(text: string, context: WhenContext): { rest: string; zone?: IncidentZone; error?: string } {
  const match = /\s(Z|[A-Za-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}:?\d{2}|[A-Za-z_]+\/[A-Za-z_/+-]+)$/.exec(text);
  if (!match?.[1]) return { rest: text };
  const token = match[1];
  if (/^[ap]\.?m\.?$/i.test(token)) return { rest: text };
  // "01:20 EDT" is that clock's offset, not New York's whichever hour it is; the incident's own
  // zone's names come first ("CST" in a Chicago draft).
  const upper = token.toUpperCase();
  const clock = /^[A-Z]{2,5}$/.test(upper) ? (ownClockNames(context.zone, context.defaultDate).get(upper) ?? CLOCK_OFFSETS[upper]) : undefined;
  const parsed = parseZone(clock ?? token);
  const rest = text.slice(0, match.index).trim();
  if (parsed.ok) return { rest, zone: parsed.value };
  // Only a word that looks like a zone is reported as one; anything else is left to the date parser.
  if (/^[A-Z]{2,5}$/.test(token) || token.includes('/')) return { rest, error: parsed.error };
  return { rest: text };
}

function parseClock(text: string): { hour: number; minute: number; second: number } | string {
  const parts = TIME_PARTS.exec(text.replace(/\s+/g, ''));
  if (!parts) return `${text} is not a time: write it like 14:30 or 2:30 PM.`;
  const [, h, m, s, meridiem] = parts;
  let hour = Number(h);
  const minute = Number(m ?? '0');
  const second = Number(s ?? '0');
  if (meridiem) {
    if (hour < 1 || hour > 12) return `${text} is not a time: with AM or PM the hour goes from 1 to 12.`;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return `${text} is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.`;
  }
  if (minute > 59 || second > 59) {
    return `${text} is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.`;
  }
  return { hour, minute, second };
}

function parseDay(text: string, zone: IncidentZone, defaultDate?: DateTime): DateTime | string {
  const lower = text.toLowerCase();
  const today = DateTime.now().setZone(zone.zone).startOf('day');
  if (lower === 'today') return today;
  if (lower === 'yesterday') return today.minus({ days: 1 });
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const day = DateTime.fromObject({ year: Number(numeric[1]), month: Number(numeric[2]), day: Number(numeric[3]) }, { zone: zone.zone });
    return day.isValid ? day : `${text} is not a date in the calendar.`;
  }
  for (const format of DATE_FORMATS) {
    const day = fromFormat(text, format, zone);
    if (day.isValid) return day;
  }
  for (const format of DATE_FORMATS_NO_YEAR) {
    const day = fromFormat(text, format, zone);
    if (day.isValid) return day.set({ year: (defaultDate ?? today).year });
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(text)) {
    return `${text} could be read two ways: write the date as 2023-08-02 or Aug 2 2023.`;
  }
  return `${text} is not a date: write it like 2023-08-02 or Aug 2 2023.`;
}

/**
 * Reads a date-time the way people type it: `14:30`, `2:05 PM`, `2023-08-02 14:30`,
 * `Aug 2 2023 2:05 PM`, `August 2, 2023, 13:45 (UTC)`. A bare time takes the default date.
 */
export function parseWhen(input: string, context: WhenContext): WhenResult {
  // The draft's own form, by far the most common: no need for the general reader.
  const stored = parseStored(input, context.zone);
  if (stored) {
    const twice = describeRepeat(stored, context.zone);
    return twice ? { ok: true, value: stored, dateGiven: true, ...twice } : { ok: true, value: stored, dateGiven: true };
  }
  const text = normalise(input);
  if (text === '') return { ok: false, error: 'Type a time such as 14:30 or 2023-08-02 14:30.' };
  if (/^now$/i.test(text)) {
    return { ok: true, value: DateTime.now().setZone(context.zone.zone).startOf('minute'), dateGiven: true };
  }

  const { rest, zone: typedZone, error: zoneError } = splitZone(text, context);
  if (zoneError) return { ok: false, error: zoneError };
  const zone = typedZone ?? context.zone;

  const timeMatch = TIME_AT_END.exec(rest);
  if (!timeMatch?.[1]) {
    const lone = /^(\d{1,2}):(\d{1,2})$/.exec(rest);
    if (lone) return { ok: false, error: `${rest} is not a time of day: write minutes with two digits, like 14:05.` };
    if (/\d{1,2}:\d{2}/.test(rest)) {
      return { ok: false, error: `${rest} is not a date and time: write it like 2023-08-02 14:30.` };
    }
    const day = parseDay(rest, zone, context.defaultDate);
    if (typeof day !== 'string') return { ok: false, error: `Add the time of day, like ${day.toFormat('yyyy-MM-dd')} 14:30.` };
    if (/^\d+$/.test(rest) || /^[a-z]+$/i.test(rest)) {
      return { ok: false, error: `${input.trim()} is not a time: write it like 14:30, 2:30 PM or 2023-08-02 14:30.` };
    }
    return { ok: false, error: day };
  }

  const clock = parseClock(timeMatch[1]);
  if (typeof clock === 'string') return { ok: false, error: clock };

  const datePart = rest.slice(0, rest.length - timeMatch[1].length).trim();
  let day: DateTime;
  const dateGiven = datePart !== '';
  if (dateGiven) {
    const parsed = parseDay(datePart, zone, context.defaultDate);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    day = parsed;
  } else {
    // The incident's day as its own zone reads it: "1:20 EST" on a night in New York is that night's date.
    day = (context.defaultDate ?? DateTime.now()).setZone(context.zone.zone);
  }

  /** The clock's time on a day, in the zone it was written in (luxon moves a skipped time: checked below). */
  const on = (date: DateTime) => DateTime.fromObject({ year: date.year, month: date.month, day: date.day, ...clock }, { zone: zone.zone });
  const exists = (v: DateTime) => v.isValid && v.hour === clock.hour && v.minute === clock.minute;
  let value = on(day);
  if (!value.isValid) return { ok: false, error: `${input.trim()} is not a real date and time.` };
  // luxon moves a wall time that a daylight-saving jump skipped; say so instead.
  if (!exists(value)) {
    return {
      ok: false,
      error: `${timeMatch[1]} does not exist on ${day.toFormat('yyyy-MM-dd')} in ${zone.name}: the clocks jumped forward then.`,
    };
  }

  // A bare time before the start may belong to the next day: it does when that day puts it
  // nearer the incident ("00:15" after a "23:50" start, "3:15 AM" five minutes after a 3:10 end).
  if (!dateGiven && context.after && value < context.after) {
    const nextDay = on(day.plus({ days: 1 }));
    if (exists(nextDay) && distanceFrom(nextDay, context) < distanceFrom(value, context)) value = nextDay;
  }
  if (typedZone) value = value.setZone(context.zone.zone);
  const twice = typedZone ? undefined : describeRepeat(value, zone);
  return twice ? { ok: true, value, dateGiven, ...twice } : { ok: true, value, dateGiven };
}

/** How far a moment is from the incident's window (0 inside it), in milliseconds. */
function distanceFrom(value: DateTime, { after, until }: WhenContext): number {
  if (after && value < after) return after.toMillis() - value.toMillis();
  if (until && value > until) return value.toMillis() - until.toMillis();
  return 0;
}

const sameWallTime = (a: DateTime, b: DateTime) =>
  a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.offset !== b.offset;

/**
 * When clocks go back, an hour of wall time happens twice. The draft keeps wall times, which
 * read as the later of the two; say so, rather than pick silently.
 */
function describeRepeat(value: DateTime, zone: IncidentZone): { twice: string; clocks: [string, string] } | undefined {
  // A fixed offset (UTC, +01:00) never goes back; most drafts are in one, and are read in bulk.
  if (zone.zone.isUniversal) return undefined;
  // Only near a change of offset can a wall time repeat: two cheap lookups rule out the rest.
  const at = value.toMillis();
  if (zone.zone.offset(at - 3 * 3_600_000) === zone.zone.offset(at + 3 * 3_600_000)) return undefined;
  const zoneName = zone.name;
  const named = (v: DateTime) => v.setLocale('en-US').toFormat('ZZZZ');
  for (const minutes of [30, 60, 120]) {
    const earlier = value.minus({ minutes });
    if (sameWallTime(earlier, value)) {
      return {
        twice: `${value.toFormat('HH:mm')} happened twice on ${value.toFormat('yyyy-MM-dd')} in ${zoneName} (the clocks went back): it is read as the later one, ${value.toFormat('HH:mm')} ${named(value)}, not ${earlier.toFormat('HH:mm')} ${named(earlier)}.`,
        clocks: [named(earlier), named(value)],
      };
    }
    const later = value.plus({ minutes });
    if (sameWallTime(later, value)) {
      return {
        twice: `${value.toFormat('HH:mm')} happened twice on ${value.toFormat('yyyy-MM-dd')} in ${zoneName} (the clocks went back): it is read as the earlier one, ${value.toFormat('HH:mm')} ${named(value)}, not ${later.toFormat('HH:mm')} ${named(later)}.`,
        clocks: [named(value), named(later)],
      };
    }
  }
  return undefined;
}

/** Reads a date-time as the draft stores it; undefined when it is not in that form. */
const STORED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

function storedParts(text: string | undefined): [number, number, number, number, number, number] | undefined {
  const parts = text ? STORED.exec(text.trim()) : null;
  if (!parts) return undefined;
  return [Number(parts[1]), Number(parts[2]), Number(parts[3]), Number(parts[4]), Number(parts[5]), parts[6] === undefined ? 0 : Number(parts[6])];
}

/** A wall clock: what a date-time reads as in one timezone. A DateTime is one too. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of an instant at a fixed offset (minutes), as luxon works it out, without a DateTime. */
export function wallClock(millis: number, offset: number): WallClock {
  const local = new Date(millis + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant (milliseconds) a stored date-time names in a fixed-offset zone (UTC, +01:00),
 * worked out without building a DateTime: a timeline reads thousands. Undefined when the text
 * is not in the stored form, names no such day or time, or the zone has rules (a place's zone).
 */
export function storedMillis(text: string | undefined, zone: IncidentZone): number | undefined {
  if (!zone.zone.isUniversal) return undefined;
  const parts = storedParts(text);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC carries an overflow over (Feb 30 is Mar 2): such a time is not in the calendar.
  const read = new Date(local);
  const valid = read.getUTCFullYear() === year && read.getUTCMonth() + 1 === month && read.getUTCDate() === day && read.getUTCHours() === hour && read.getUTCMinutes() === minute;
  return valid ? local - zone.zone.offset(0) * 60_000 : undefined;
}

export function parseStored(text: string | undefined, zone: IncidentZone): DateTime | undefined {
  // A fixed offset needs no daylight-saving lookups: plain arithmetic is much faster in bulk.
  if (zone.zone.isUniversal) {
    const millis = storedMillis(text, zone);
    return millis === undefined ? undefined : DateTime.fromMillis(millis, { zone: zone.zone });
  }
  const parts = storedParts(text);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts;
  const value = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: zone.zone });
  const valid = value.isValid && value.year === year && value.month === month && value.day === day;
  return valid && value.hour === hour && value.minute === minute ? value : undefined;
}

/** Writes a date-time the way the draft stores it, in the incident's timezone. */
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "14:30": what most times of a postmortem are written as (luxon's toFormat is slow in bulk). */
export function formatClock(value: Pick<WallClock, 'hour' | 'minute'>): string {
  return `${two(value.hour)}:${two(value.minute)}`;
}

export function formatStored(value: DateTime, zone: IncidentZone): string {
  const local = value.setZone(zone.zone);
  const date = `${local.year}-${two(local.month)}-${two(local.day)} ${formatClock(local)}`;
  return local.second === 0 ? date : `${date}:${two(local.second)}`;
}

/**
 * An instant (a message's time) as the draft stores it, to the minute. In the hour that happens
 * twice when clocks go back, the wall time alone would be read as the other one: the offset is
 * written too (`2024-11-03 01:30 -05:00`), which every reader of the draft understands.
 */
export function formatInstant(value: DateTime, zone: IncidentZone): string {
  return formatExactly(value.setZone(zone.zone).startOf('minute'), zone);
}

/** A moment as the draft stores it, with its offset when the wall time alone would read as another moment. */
export function formatExactly(value: DateTime, zone: IncidentZone): string {
  const local = value.setZone(zone.zone);
  const stored = formatStored(local, zone);
  return parseStored(stored, zone)?.toMillis() === local.toMillis() ? stored : `${stored} ${local.toFormat('ZZ')}`;
}

/**
 * The zone's short name ("EDT", "EST") when the wall clock at this moment shows twice that night
 * (clocks going back), so two entries at "01:20" can be told apart on screen; else undefined.
 */
export function repeatedHourName(value: DateTime, zone: IncidentZone): string | undefined {
  if (zone.zone.isUniversal) return undefined;
  const at = value.toMillis();
  // Only near a change of offset can a wall time repeat: two lookups rule out the rest.
  if (zone.zone.offset(at - 3 * 3_600_000) === zone.zone.offset(at + 3 * 3_600_000)) return undefined;
  const wall = (ms: number) => formatStored(DateTime.fromMillis(ms, { zone: zone.zone }), zone).slice(0, 16);
  const shown = wall(at);
  const twice = [-120, -60, -30, 30, 60, 120].some((minutes) => wall(at + minutes * 60_000) === shown);
  return twice ? DateTime.fromMillis(at, { zone: zone.zone, locale: 'en-US' }).offsetNameShort ?? undefined : undefined;
}

/** Reads a calendar date (`2023-08-16`, `Aug 16 2023`) for due dates. */
export function parseDate(input: string, zone: IncidentZone, defaultDate?: DateTime): { ok: true; value: string } | { ok: false; error: string } {
  const text = normalise(input);
  if (text === '') return { ok: false, error: 'Type a date such as 2023-08-16.' };
  const day = parseDay(text, zone, defaultDate);
  if (typeof day === 'string') return { ok: false, error: day };
  return { ok: true, value: day.toFormat('yyyy-MM-dd') };
}
