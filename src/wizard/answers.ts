import { DateTime } from 'luxon';
import { cleanBlock, cleanLine } from '../draft/clean-text.js';
import { resolveIncident } from '../draft/incident.js';
import type { Draft } from '../draft/schema.js';
import type { Question } from '../draft/sections.js';
import { formatDuration } from '../time/duration.js';
import { formatExactly, parseDate, parseWhen } from '../time/when.js';
import { parseZone, zoneLabel } from '../time/zone.js';

/*
 * What a typed answer means: each question kind reads the text a person typed into the value
 * the draft keeps, or one sentence saying what to type instead. No screen involved.
 */

/** `confirm`: a reading the person should see before it is taken (Enter again takes it). */
export type Parsed<T = unknown> = { ok: true; value: T; note?: string; confirm?: string } | { ok: false; error: string };

function required(question: Question, text: string): Parsed | undefined {
  if (text !== '' || !question.required) return undefined;
  return { ok: false, error: `Type the ${question.label}: it cannot be left empty.` };
}

/** Reads a one-line text answer: control characters go, pasted line breaks fold into spaces. */
export function parseLine(question: Question, typed: string): Parsed<string | undefined> {
  const text = cleanLine(typed).trim();
  return (required(question, text) as Parsed<undefined>) ?? { ok: true, value: text === '' ? undefined : text };
}

export function parseParagraphs(question: Question, typed: string): Parsed<string | undefined> {
  const text = cleanBlock(typed).trim();
  return (required(question, text) as Parsed<undefined>) ?? { ok: true, value: text === '' ? undefined : text };
}

export function parseNames(question: Question, typed: string): Parsed<string[] | undefined> {
  const names = cleanLine(typed).split(/\s*[,;]\s*|\s+and\s+/).map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) return (required(question, '') as Parsed<undefined>) ?? { ok: true, value: undefined };
  return { ok: true, value: names };
}

export function parsePercent(question: Question, typed: string): Parsed<number | undefined> {
  const text = cleanLine(typed).trim();
  const empty = required(question, text);
  if (empty) return { ok: false, error: 'Type a number from 0 to 100, like 15.' };
  if (text === '') return { ok: true, value: undefined };
  const match = /^(?:about|~|\u2248)?\s*(\d+(?:[.,]\d+)?)\s*%?$/i.exec(text);
  const value = match ? Number.parseFloat(match[1]!.replace(',', '.')) : Number.NaN;
  if (!match || value > 100) return { ok: false, error: `${text} is not a percentage: type a number from 0 to 100, like 15.` };
  return { ok: true, value };
}

export function parseTimezone(question: Question, typed: string): Parsed<string | undefined> {
  const text = cleanLine(typed).trim();
  const empty = required(question, text);
  if (empty) return empty as Parsed<undefined>;
  // Left empty where it may be (the settings): the system's zone is used.
  if (text === '') return { ok: true, value: undefined };
  const zone = parseZone(text);
  return zone.ok ? { ok: true, value: zone.value.name } : { ok: false, error: zone.error };
}

function describeMoment(value: DateTime, draft: Draft): string {
  const incident = resolveIncident(draft);
  return `${value.toFormat('cccc, LLLL d, yyyy, HH:mm')} ${zoneLabel(incident.zone, value)}`;
}

/**
 * Reads the start or the end. The end may be a bare time (it takes the start's date, or the
 * next day when it is earlier); the note says how it was read and, for the end, how long.
 */
export function parseMoment(question: Question, typed: string, draft: Draft): Parsed<string | undefined> & { warning?: string } {
  const text = cleanLine(typed).trim();
  const empty = required(question, text);
  if (empty) return empty as Parsed<undefined>;
  if (text === '') return { ok: true, value: undefined };
  const incident = resolveIncident(draft);
  const isEnd = question.path.at(-1) === 'end';
  if (isEnd && !incident.start) return { ok: false, error: 'Give the start first: the end is read against it.' };
  const parsed = parseWhen(text, isEnd ? { zone: incident.zone, defaultDate: incident.start, after: incident.start } : { zone: incident.zone });
  if (!parsed.ok) return parsed;
  if (!isEnd && !parsed.dateGiven) return { ok: false, error: `Add the date, like ${DateTime.now().toFormat('yyyy-MM-dd')} ${text}.` };
  if (isEnd && incident.start && parsed.value <= incident.start) {
    return { ok: false, error: `The end must be after the start (${incident.start.toFormat('yyyy-MM-dd HH:mm')}).` };
  }
  const note = isEnd && incident.start
    ? `${describeMoment(parsed.value, draft)} · lasted ${formatDuration(incident.start, parsed.value)}`
    : describeMoment(parsed.value, draft);
  const value = formatExactly(parsed.value, incident.zone);
  // A bare end time earlier in the day than the start was moved to the next day: asked, not assumed.
  const nextDay = isEnd && incident.start && !parsed.dateGiven && !parsed.value.hasSame(incident.start, 'day')
    ? `${text} is earlier in the day than the start, so it is read as the next day (${parsed.value.toFormat('LLL d')}), lasting ${formatDuration(incident.start, parsed.value)}: press Enter again to confirm, or give the date.`
    : undefined;
  // A wall time that happened twice is read as the later one: said, and taken with Enter again.
  const confirm = nextDay ?? (parsed.twice ? twiceConfirm(parsed.twice, parsed.clocks, text) : undefined);
  return { ok: true as const, value, note, ...(confirm ? { confirm } : {}) };
}

/** Reads a timeline entry's time against the incident; outside start–end is allowed but noted. */
function twiceConfirm(twice: string, clocks: [string, string] | undefined, typed: string): string {
  const [first, second] = clocks ?? ['EDT', 'EST'];
  return `${twice} Press Enter again to take it, or write the clock's name after the time (${typed} ${first} or ${typed} ${second}).`;
}

/** The same clock time twelve hours on (or back) when that one falls inside the incident: "11:55 PM". */
function otherHalfOfDay(text: string, incident: ReturnType<typeof resolveIncident>): string | undefined {
  const clock = /^(\d{1,2})(:\d{2})$/.exec(text);
  if (!clock || !incident.start || !incident.end) return undefined;
  const hour = Number(clock[1]);
  if (hour < 1 || hour > 12) return undefined;
  for (const half of ['PM', 'AM']) {
    const typed = `${hour}${clock[2]} ${half}`;
    const other = parseWhen(typed, { zone: incident.zone, defaultDate: incident.start, after: incident.start, until: incident.end });
    if (other.ok && other.value >= incident.start && other.value <= incident.end) return typed;
  }
  return undefined;
}

export function parseEntryTime(typed: string, draft: Draft): Parsed<string> & { warning?: string } {
  const text = cleanLine(typed).trim();
  if (text === '') return { ok: false, error: 'Type the time, like 14:30.' };
  const incident = resolveIncident(draft);
  const parsed = parseWhen(text, { zone: incident.zone, defaultDate: incident.start, after: incident.start, until: incident.end });
  if (!parsed.ok) return parsed;
  // In the hour that happens twice, the offset goes with it ("01:20 EDT" stays the first 01:20).
  const value = formatExactly(parsed.value, incident.zone);
  const note = describeMoment(parsed.value, draft);
  const outside = (incident.start && parsed.value < incident.start) || (incident.end && parsed.value > incident.end);
  if (outside) {
    const warning = incident.start && parsed.value < incident.start ? 'This is before the start of the incident.' : 'This is after the end of the incident.';
    // "11:55" outside the incident when 11:55 PM is inside it: a twelve-hour clock's time without
    // its PM (or AM). Asked, not assumed; Enter again keeps it as typed.
    const other = otherHalfOfDay(text, incident);
    if (other) return { ok: true, value, note, warning, confirm: `Did you mean ${other}? Type it so, or press Enter again to keep ${text}.` };
    return { ok: true, value, note, warning };
  }
  return parsed.twice ? { ok: true, value, note, confirm: twiceConfirm(parsed.twice, parsed.clocks, text) } : { ok: true, value, note };
}

export function parseDueDate(typed: string, draft: Draft): Parsed<string | undefined> {
  const text = cleanLine(typed).trim();
  if (text === '') return { ok: true, value: undefined };
  const incident = resolveIncident(draft);
  const parsed = parseDate(text, incident.zone, incident.start);
  return parsed.ok ? { ok: true, value: parsed.value } : parsed;
}

/** The text a question's field starts with, from what the draft already holds. */
export function answerAsText(question: Question, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return question.kind === 'names' ? value.join(', ') : '';
  return String(value);
}
