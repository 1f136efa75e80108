import * as chronoEn from 'chrono-node/en';
import { ZONE_WORDS } from '../time/zone-abbreviations.js';

/*
 * Times as postmortems write them, found in a line of text: `14:30`, `2:05 PM`, `22:00 PST`,
 * `11:26-am-GMT`, `0300hrs`, `15.25` (at the start of an entry), `10:00 AM (UTC)`, `16:15 GMT+1`,
 * with a date before (`May 1, 2023, 10:00 AM`, `2023-05-01 10:00`) or after (`14:30 UTC, March
 * 6, 2025`). Dates in prose (`Tuesday the 6th of March 2025`) go through chrono-node. Every
 * pattern here runs on a bounded piece of one line, so no input can make them backtrack long.
 */

export interface CalendarDay {
  year?: number;
  month: number;
  day: number;
}

export interface Moment {
  /** Where it is in the text: `text.slice(index, end)` is the moment as written. */
  index: number;
  end: number;
  hour: number;
  minute: number;
  second: number;
  date?: CalendarDay;
  /** The zone as written: `PST`, `UTC`, `GMT+1`, `+01:00`, `Europe/Berlin`. */
  zone?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+(?:the\s+)?)?`;
const DATE = String.raw`${WEEKDAY}(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|${MONTH}\s+(\d{1,2})${ORD}(?:,?\s+(\d{4}))?|(\d{1,2})${ORD}\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4}))?|(\d{1,2})/(\d{1,2})/(\d{4}))`;
const DATE_BEFORE = new RegExp(String.raw`(?:^|[^\w])(${DATE})[\s,]*(?:at\s+|@\s*|[-\u2013\u2014]\s+)?$`, 'i');
const DATE_AFTER = new RegExp(String.raw`^[\s,]*(?:on\s+)?(${DATE})(?![\w])`, 'i');
const DATE_ANYWHERE = new RegExp(String.raw`(?:^|[^\w])(${DATE})(?![\w])`, 'gi');

const ZONE_WORD = ZONE_WORDS.filter((w) => w !== 'Z' && !/^(PACIFIC|MOUNTAIN|CENTRAL|EASTERN|ZULU)$/.test(w)).join('|');
const ZONE = String.raw`(?:(?:UTC|GMT|utc|gmt)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?|(?:${ZONE_WORD})\b|utc\b|gmt\b|(?:Pacific|Mountain|Central|Eastern)(?!\s+Africa|\s+Europe|\s+Australia)(?:\s(?:Standard|Daylight))?(?:\s[Tt]ime)?\b)`;
// "Eastern African Time (EAT)", "Pacific Standard Time (PST)": the abbreviation in brackets is the zone.
const ZONE_SPELLED = new RegExp(String.raw`^\s?(?:[A-Z][a-z]+\s){1,3}[Tt]ime\s?\((${ZONE_WORD})\)`);
const ZONE_AFTER = new RegExp(String.raw`^(?:\s?[-\u2013]?\s?\(?\s?|\s)(${ZONE})\s?\)?`);
const Z_AFTER = /^Z\b/;

// h:mm[:ss], h.mm, hhmm hrs, h am; then an optional meridiem ("11:26-am", "2:05 P.M.").
const CLOCK = /(?<![\w.:/+-])(?:(\d{1,2})([:.])(\d{2})(?::(\d{2}))?(?![\d%]|\.\d)|(\d{1,2})(?=\s?-?[ap]\.?m\b)|([01]\d|2[0-3])([0-5]\d)(?=\s?(?:hrs?|hours|h)\b))(?:\s?-?([ap])\.?m\b\.?|\s?(?:hrs?|hours|h)\b\.?)?/gi;

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/**
 * "13:30-13:45" is a range, not 13:30 at UTC-13:45: a bare offset after a time is read as one
 * only when it could be one (-12:00 to +14:00) and, as a clock time, is not later the same day.
 */
function isRangeEnd(zone: string, hour: number, minute: number): boolean {
  const bare = /^([+-])(\d{2}):?(\d{2})$/.exec(zone.trim());
  if (!bare) return false;
  const [, sign, h, m] = bare;
  const hours = Number(h);
  const minutes = Number(m);
  const offsetValid = sign === '+' ? hours * 60 + minutes <= 14 * 60 : hours * 60 + minutes <= 12 * 60;
  const laterClock = hours < 24 && minutes < 60 && hours * 60 + minutes > hour * 60 + minute;
  return !offsetValid || laterClock;
}

function dayFrom(m: RegExpExecArray, offset: number): CalendarDay | undefined {
  const g = (i: number) => m[offset + i];
  let day: CalendarDay | undefined;
  if (g(1)) day = { year: Number(g(1)), month: Number(g(2)), day: Number(g(3)) };
  else if (g(4)) day = { month: monthOf(g(4)!), day: Number(g(5)), ...(g(6) ? { year: Number(g(6)) } : {}) };
  else if (g(7)) day = { month: monthOf(g(8)!), day: Number(g(7)), ...(g(9) ? { year: Number(g(9)) } : {}) };
  else if (g(10)) {
    // 03/06/2025: month first, as chrono reads it, unless the first cannot be a month.
    const a = Number(g(10));
    const b = Number(g(11));
    day = a > 12 ? { year: Number(g(12)), month: b, day: a } : { year: Number(g(12)), month: a, day: b };
  }
  if (!day || day.month < 1 || day.month > 12 || day.day < 1 || day.day > 31) return undefined;
  if (day.year !== undefined && (day.year < 1970 || day.year > 2200)) return undefined;
  return day;
}

export interface FindOptions {
  /** At the start of a timeline entry: `15.25` and `1530` read as times too. */
  entry?: boolean;
}

/** Every time of day written in the text, with the date and zone written beside it. */
export function findMoments(text: string, options: FindOptions = {}): Moment[] {
  const out: Moment[] = [];
  if (text.length > 20_000) text = text.slice(0, 20_000);
  CLOCK.lastIndex = 0;
  let m: RegExpExecArray | null;
  let previousEnd = 0;
  while ((m = CLOCK.exec(text))) {
    let hour: number;
    let minute = 0;
    const second = Number(m[4] ?? '0');
    const meridiem = m[8]?.toLowerCase();
    if (m[1] !== undefined) {
      hour = Number(m[1]);
      minute = Number(m[3]);
      // "15.25" is a time only where an entry starts, or with a zone or AM/PM after it.
      if (m[2] === '.' && !meridiem && !(options.entry && m.index === 0) && !ZONE_AFTER.test(text.slice(CLOCK.lastIndex, CLOCK.lastIndex + 40))) continue;
    } else if (m[5] !== undefined) {
      hour = Number(m[5]);
    } else {
      hour = Number(m[6]);
      minute = Number(m[7]);
      if (!/h/i.test(m[0]) && !(options.entry && m.index === 0)) continue;
    }
    if (meridiem) {
      // "13:20pm": a 24-hour time with a needless PM.
      if (hour < 1 || (hour > 12 && (meridiem === 'a' || hour > 23))) continue;
      if (hour <= 12) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) continue;
    let index = m.index;
    let end = CLOCK.lastIndex;
    const moment: Moment = { index, end, hour, minute, second };
    const after = text.slice(end, end + 60);
    const spelled = ZONE_SPELLED.exec(after);
    const found = spelled ?? Z_AFTER.exec(after) ?? ZONE_AFTER.exec(after);
    const zone = found && !isRangeEnd(found[1] ?? found[0], hour, minute) ? found : null;
    if (zone) {
      moment.zone = (zone[1] ?? zone[0]).replace(/\s+/g, ' ').trim();
      end += zone[0].length;
    }
    const before = DATE_BEFORE.exec(text.slice(Math.max(previousEnd, index - 60), index));
    if (before) {
      const day = dayFrom(before, 1);
      if (day) {
        moment.date = day;
        index -= before[0].length - (before[0].length - before[0].trimStart().length) - (/^[^\w]/.test(before[0].trimStart()) ? 1 : 0);
        index = Math.max(previousEnd, index);
      }
    }
    if (!moment.date) {
      const following = DATE_AFTER.exec(text.slice(end, end + 60));
      if (following) {
        const day = dayFrom(following, 1);
        if (day) {
          moment.date = day;
          end += following[0].length;
        }
      }
    }
    // A zone after the date: "14:30, March 6, 2025 (UTC)".
    if (!moment.zone) {
      const late = ZONE_AFTER.exec(text.slice(end, end + 40));
      if (late && moment.date) {
        moment.zone = late[1]!.replace(/\s+/g, ' ').trim();
        end += late[0].length;
      }
    }
    moment.index = index;
    moment.end = end;
    out.push(moment);
    previousEnd = end;
    CLOCK.lastIndex = Math.max(CLOCK.lastIndex, end);
    if (out.length > 200) break;
  }
  return out;
}

/** The calendar days written in a piece of text (no times needed), in order. */
export function findDays(text: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  const piece = text.slice(0, 5000);
  DATE_ANYWHERE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_ANYWHERE.exec(piece))) {
    const day = dayFrom(m, 1);
    if (day) out.push(day);
    if (out.length > 20) break;
  }
  return out;
}

/** A full date in prose, through chrono-node: only one whose day, month and year are all written. */
export function proseDay(text: string): CalendarDay | undefined {
  const own = findDays(text).find((d) => d.year !== undefined);
  if (own) return own;
  try {
    // The reference date only fills what chrono must; a result is kept only if fully written.
    for (const result of chronoEn.parse(text.slice(0, 1000), new Date(Date.UTC(2000, 0, 1)))) {
      const s = result.start;
      // A year written out: "30/30/30" is not a date, whatever a lenient parser makes of it.
      if (s.isCertain('year') && s.isCertain('month') && s.isCertain('day') && /\b(?:19|20|21)\d\d\b/.test(result.text)) {
        return { year: s.get('year')!, month: s.get('month')!, day: s.get('day')! };
      }
    }
  } catch {
    // A date parser's failure is never the import's.
  }
  return undefined;
}

/** An IANA zone named anywhere in the text ("(America/Los_Angeles)"). */
export function namedZone(text: string): string | undefined {
  return /\b((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)\b/.exec(text.slice(0, 2000))?.[1];
}
