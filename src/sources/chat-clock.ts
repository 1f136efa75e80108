import type { Zone } from 'luxon';

/** A time of day as a chat line writes it; `meridiem` only when AM/PM was written. */
export interface Clock {
  hour: number;
  minute: number;
  second: number;
  ms: number;
  meridiem?: 'am' | 'pm';
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** What a line says about the day: a full date, a date without its year, a weekday, or a word relative to when it was copied. */
export type DayMark =
  | ({ kind: 'date' } & CalendarDay)
  | { kind: 'month-day'; month: number; day: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'today' }
  | { kind: 'yesterday' };

/** A header's time: the clock, the day when written, and the UTC offset in minutes when written (`Z`, `+02:00`). */
export interface Stamp {
  clock: Clock;
  day?: DayMark;
  offset?: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const CLOCK_PARTS = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?[\s\u00a0\u202f]*(?:([ap])\.?m\.?)?$/i;

export function parseClock(text: string): Clock | undefined {
  const parts = CLOCK_PARTS.exec(text.trim());
  if (!parts) return undefined;
  const [, h, m, s, fraction, meridiem] = parts;
  const hour = Number(h);
  const minute = Number(m);
  const second = Number(s ?? '0');
  if (minute > 59 || second > 59) return undefined;
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return undefined;
  const ms = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;
  return { hour, minute, second, ms, ...(meridiem ? { meridiem: meridiem.toLowerCase() === 'p' ? 'pm' : 'am' } : {}) };
}

/** `Z`, `+02:00`, `-0500` as minutes east of UTC. */
export function parseOffset(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (text === 'Z' || text === 'z') return 0;
  const parts = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!parts) return undefined;
  const minutes = Number(parts[2]) * 60 + Number(parts[3]);
  if (minutes > 14 * 60) return undefined;
  return parts[1] === '-' ? -minutes : minutes;
}

function validDay(year: number, month: number, day: number): CalendarDay | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? { year, month, day } : undefined;
}

export function isoDay(text: string): CalendarDay | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return parts ? validDay(Number(parts[1]), Number(parts[2]), Number(parts[3])) : undefined;
}

export type SlashOrder = 'mdy' | 'dmy';

/** `8/14/2024`, `14/08/2024`, `8/14/24`: which number is the month is decided once per file. */
export function slashDay(text: string, order: SlashOrder): CalendarDay | undefined {
  const parts = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(text);
  if (!parts) return undefined;
  const [a, b] = [Number(parts[1]), Number(parts[2])];
  const year = parts[3]!.length === 2 ? 2000 + Number(parts[3]) : Number(parts[3]);
  return order === 'mdy' ? validDay(year, a, b) : validDay(year, b, a);
}

/**
 * The slash dates' order: told by a number over 12; else the reading that keeps the chat's days
 * closest together (a chat spans days, not months); else the one nearer the incident.
 */
export function slashOrder(dates: readonly string[], anchor: number | undefined): SlashOrder {
  for (const text of dates) {
    const parts = /^(\d{1,2})[/.](\d{1,2})/.exec(text);
    if (!parts) continue;
    if (Number(parts[1]) > 12) return 'dmy';
    if (Number(parts[2]) > 12) return 'mdy';
  }
  const span = (order: SlashOrder) => {
    const days = dates.map((text) => slashDay(text, order)).map((day) => (day ? dayNumber(day) : NaN));
    if (days.some(Number.isNaN)) return Infinity;
    return days.reduce((sum, day, i) => sum + (i ? Math.abs(day - days[i - 1]!) : 0), 0);
  };
  const [mdy, dmy] = [span('mdy'), span('dmy')];
  if (mdy !== dmy) return dmy < mdy ? 'dmy' : 'mdy';
  const first = dates[0];
  if (first === undefined || anchor === undefined) return 'mdy';
  const distance = (day: CalendarDay | undefined) => (day ? Math.abs(Date.UTC(day.year, day.month - 1, day.day) - anchor) : Infinity);
  return distance(slashDay(first, 'dmy')) < distance(slashDay(first, 'mdy')) ? 'dmy' : 'mdy';
}

/**
 * Dates written in words: `Wednesday, August 14th`, `August 14th, 2024`, `Thu Aug 15 2024`,
 * `Wed Aug 14 14:00:00 2024` (irssi), `Thu, Aug 15 2024`. A weekday alone is a weekday mark.
 */
export function wordDay(text: string): DayMark | undefined {
  const words = text
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, ' ')
    .split(/[\s,.]+/)
    .filter(Boolean);
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  let weekday: number | undefined;
  for (const word of words) {
    const name = word.slice(0, 3);
    if (/^\d{4}$/.test(word)) year = Number(word);
    else if (/^\d{1,2}$/.test(word)) day = Number(word);
    else if (MONTHS.includes(name) && month === undefined && isWordOf(word, name, MONTH_NAMES)) month = MONTHS.indexOf(name) + 1;
    else if (WEEKDAYS.includes(name) && isWordOf(word, name, WEEKDAY_NAMES)) weekday = WEEKDAYS.indexOf(name) + 1;
    else return undefined;
  }
  if (month !== undefined && day !== undefined) {
    if (year !== undefined) {
      const valid = validDay(year, month, day);
      return valid ? { kind: 'date', ...valid } : undefined;
    }
    return validDay(2000, month, day) ? { kind: 'month-day', month, day } : undefined;
  }
  if (month === undefined && day === undefined && year === undefined && weekday !== undefined) return { kind: 'weekday', weekday };
  return undefined;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'sept'];
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tues', 'thur', 'thurs'];

function isWordOf(word: string, short: string, names: readonly string[]): boolean {
  return word === short || names.some((name) => name === word);
}

export function relativeDay(word: string): DayMark | undefined {
  const lower = word.toLowerCase();
  if (lower === 'today') return { kind: 'today' };
  if (lower === 'yesterday') return { kind: 'yesterday' };
  return wordDay(word);
}

function dayNumber(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day) / DAY;
}

function fromDayNumber(n: number): CalendarDay {
  const date = new Date(n * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function weekdayOf(n: number): number {
  return ((new Date(n * DAY).getUTCDay() + 6) % 7) + 1;
}

/** Every instant at which the zone's clocks showed this wall time: two in the hour clocks go back, none in the hour they skip (then the time just after). */
export function wallInstants(day: CalendarDay, hour: number, clock: Clock, zone: Zone): number[] {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, clock.minute, clock.second, clock.ms);
  const offsets = new Set([zone.offset(wall - DAY / 2), zone.offset(wall), zone.offset(wall + DAY / 2)]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE;
    if (zone.offset(instant) === offset) found.add(instant);
  }
  if (found.size === 0) found.add(wall - zone.offset(wall - DAY / 2) * MINUTE);
  return [...found].sort((a, b) => a - b);
}

function dayInZone(instant: number, zone: Zone): number {
  return Math.floor((instant + zone.offset(instant) * MINUTE) / DAY);
}

/**
 * Turns the times of a chat, read top to bottom, into instants. Chats are in order, so a time
 * with no date written is the first moment at or after the previous message that shows it (the
 * next day when it is earlier, the second 1:30 on the night clocks go back). The first day comes
 * from the text when written, else from the incident's start (`anchor`): never from today.
 */
export class ChatTimeline {
  private day: number | undefined;
  private kind: DayMark['kind'] | undefined;
  private last: number | undefined;

  constructor(
    private readonly zone: Zone,
    private readonly anchor: number | undefined,
    private readonly hour12: boolean,
  ) {}

  /** A day divider (`Yesterday`, `Wednesday, August 14th`, `--- Day changed Thu Aug 15 2024`). */
  mark(mark: DayMark): void {
    const day = this.dayOf(mark);
    if (day !== undefined) this.day = day;
    this.kind = mark.kind;
  }

  /** The instant of a header's time, or undefined when nothing tells its day (no date written and no incident start given). */
  at(stamp: Stamp): number | undefined {
    if (stamp.day) this.mark(stamp.day);
    const dated = stamp.day !== undefined;
    let days: number[];
    if (this.day !== undefined) days = dated ? [this.day] : [this.day, this.day + 1];
    else if (this.anchor !== undefined) {
      const anchorDay = dayInZone(this.anchor, this.zone);
      days = [anchorDay - 1, anchorDay, anchorDay + 1];
    } else return undefined;

    const hours = stamp.clock.meridiem
      ? [(stamp.clock.hour % 12) + (stamp.clock.meridiem === 'pm' ? 12 : 0)]
      : this.hour12 && stamp.clock.hour >= 1 && stamp.clock.hour <= 12
        ? [stamp.clock.hour % 12, (stamp.clock.hour % 12) + 12]
        : [stamp.clock.hour];
    // Candidates come in groups: one wall time on one day, shown once or (clocks going back) twice.
    const groups: number[][] = [];
    for (const day of days) {
      for (const hour of hours) {
        if (stamp.offset !== undefined) {
          const d = fromDayNumber(day);
          groups.push([Date.UTC(d.year, d.month - 1, d.day, hour, stamp.clock.minute, stamp.clock.second, stamp.clock.ms) - stamp.offset * MINUTE]);
        } else groups.push(wallInstants(fromDayNumber(day), hour, stamp.clock, this.zone));
      }
    }
    const chosen = this.choose(groups);
    this.last = chosen;
    this.day = stamp.offset !== undefined ? Math.floor((chosen + stamp.offset * MINUTE) / DAY) : dayInZone(chosen, this.zone);
    return chosen;
  }

  /**
   * After a message: the first candidate at or after it. The first message: the wall time nearest
   * the incident start, and of its two showings the one inside the window when there is one.
   */
  private choose(groups: number[][]): number {
    const all = groups.flat().sort((a, b) => a - b);
    if (this.last !== undefined) {
      const last = this.last;
      return all.find((c) => c >= last) ?? all[0]!;
    }
    if (this.anchor === undefined) return all[0]!;
    const anchor = this.anchor;
    const distance = (group: number[]) => Math.min(...group.map((c) => Math.abs(c - anchor)));
    const nearest = groups.reduce((best, group) => (distance(group) < distance(best) ? group : best));
    return nearest.find((c) => c >= anchor) ?? nearest.at(-1)!;
  }

  /** The day a mark names, counted from the day the chat is at; undefined while that is not known yet. */
  private dayOf(mark: DayMark): number | undefined {
    const reference = this.day ?? (this.anchor !== undefined ? dayInZone(this.anchor, this.zone) : undefined);
    switch (mark.kind) {
      case 'date':
        return dayNumber(mark);
      case 'month-day': {
        if (reference === undefined) return undefined;
        const year = fromDayNumber(reference).year;
        const options = [year - 1, year, year + 1]
          .map((y) => validDay(y, mark.month, mark.day))
          .filter((d): d is CalendarDay => d !== undefined)
          .map(dayNumber);
        if (options.length === 0) return undefined;
        if (this.day !== undefined) return options.find((d) => d >= reference) ?? options.at(-1);
        return options.reduce((best, d) => (Math.abs(d - reference) < Math.abs(best - reference) ? d : best));
      }
      case 'weekday': {
        if (reference === undefined) return undefined;
        if (this.day !== undefined) {
          for (let d = reference; d < reference + 7; d++) if (weekdayOf(d) === mark.weekday) return d;
        }
        for (const step of [0, -1, 1, -2, 2, -3, 3]) if (weekdayOf(reference + step) === mark.weekday) return reference + step;
        return undefined;
      }
      case 'today':
      case 'yesterday': {
        // Only the order is known: the smallest step forward that the words allow.
        if (this.day === undefined) return undefined;
        if (this.kind === 'today' || this.kind === mark.kind) return this.day;
        return this.day + 1;
      }
    }
  }
}
