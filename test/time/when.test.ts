import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/property.js';
import { DateTime } from 'luxon';
import { formatStored, parseDate, parseStored, parseWhen, repeatedHourName } from '../../src/time/when.js';
import { parseZone, systemZoneName, zoneLabel, type IncidentZone } from '../../src/time/zone.js';

function zone(name: string): IncidentZone {
  const parsed = parseZone(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const utc = zone('UTC');
const start = parseStored('2023-08-02 13:45', utc)!;

function when(input: string, context: Partial<Parameters<typeof parseWhen>[1]> = {}): string {
  const result = parseWhen(input, { zone: utc, defaultDate: start, ...context });
  return result.ok ? formatStored(result.value, context.zone ?? utc) : `error: ${result.error}`;
}

describe('parseWhen', () => {
  it.each([
    ['14:30', '2023-08-02 14:30'],
    ['2:05 PM', '2023-08-02 14:05'],
    ['2:05pm', '2023-08-02 14:05'],
    ['2:05 p.m.', '2023-08-02 14:05'],
    ['12:00 AM', '2023-08-02 00:00'],
    ['12:30 PM', '2023-08-02 12:30'],
    ['4 PM', '2023-08-02 16:00'],
    ['2023-08-02 14:30', '2023-08-02 14:30'],
    ['2023-08-03T01:10', '2023-08-03 01:10'],
    ['Aug 2 2023 2:05 PM', '2023-08-02 14:05'],
    ['August 2, 2023, 13:45', '2023-08-02 13:45'],
    ['May 1, 2023, 10:00 AM (GMT)', '2023-05-01 10:00'],
    ['Wednesday, August 2nd 2023 at 1:45 PM', '2023-08-02 13:45'],
    ['2 Aug 2023 14:00', '2023-08-02 14:00'],
    ['Sept 3 2023 09:00', '2023-09-03 09:00'],
    ['Aug 3 09:00', '2023-08-03 09:00'],
    ['14:30:15', '2023-08-02 14:30:15'],
    ['14:30 UTC', '2023-08-02 14:30'],
    ['15:30 +01:00', '2023-08-02 14:30'],
    ['16:30 Africa/Cairo', '2023-08-02 13:30'],
  ])('reads %s', (input, expected) => {
    expect(when(input)).toBe(expected);
  });

  it.each([
    ['25:61', 'hours go from 00 to 23'],
    ['13 PM', 'with AM or PM the hour goes from 1 to 12'],
    ['14:5', 'two digits'],
    ['yesterday', 'Add the time of day'],
    ['2023-02-30 10:00', 'not a date in the calendar'],
    ['8/2/2023 10:00', 'could be read two ways'],
    ['14:30 IST', 'can mean India'],
    ['', 'Type a time'],
    ['banana 10:00', 'not a date'],
  ])('refuses %s with a clear message', (input, fragment) => {
    expect(when(input)).toContain(fragment);
  });

  it('asks for a time of day when only a date is typed', () => {
    expect(when('2023-08-02')).toContain('Add the time of day');
  });

  it('puts a bare time after midnight on the next day when the incident runs past it', () => {
    const late = parseStored('2023-08-02 23:50', utc)!;
    const end = parseStored('2023-08-03 01:00', utc)!;
    expect(when('00:15', { defaultDate: late, after: late, until: end })).toBe('2023-08-03 00:15');
    // An end typed as a bare earlier time is the next day too.
    expect(when('01:00', { defaultDate: late, after: late })).toBe('2023-08-03 01:00');
    // A time before the start that would land past the end stays on the start's day.
    expect(when('23:30', { defaultDate: late, after: late, until: end })).toBe('2023-08-02 23:30');
  });

  it('says which one is meant when a time happened twice (clocks went back)', () => {
    const berlin = (parseZone('Europe/Berlin') as { ok: true; value: IncidentZone }).value;
    const result = parseWhen('2023-10-29 02:30', { zone: berlin });
    expect(result).toMatchObject({ ok: true, twice: expect.stringContaining('02:30 happened twice on 2023-10-29 in Europe/Berlin (the clocks went back)') });
    expect(parseWhen('2023-10-29 04:30', { zone: berlin })).not.toHaveProperty('twice');
  });

  it('says when a time falls in a daylight-saving gap', () => {
    const ny = zone('America/New_York');
    const day = parseStored('2024-03-10 00:00', ny)!;
    const result = parseWhen('02:30', { zone: ny, defaultDate: day });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('clocks jumped forward');
  });

  it('round-trips every stored time through the typed forms (property)', () => {
    const lagos = zone('Africa/Lagos');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('yyyy-MM-dd HH:mm', 'MMM d yyyy h:mm a', 'MMMM d, yyyy, HH:mm', 'd MMM yyyy h:mma', "yyyy-MM-dd'T'HH:mm"),
        (date, format) => {
          const value = DateTime.fromJSDate(date).setZone(lagos.zone).startOf('minute');
          const typed = value.toFormat(format, { locale: 'en-US' });
          const parsed = parseWhen(typed, { zone: lagos });
          expect(parsed.ok && formatStored(parsed.value, lagos)).toBe(formatStored(value, lagos));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe('parseZone', () => {
  it.each([
    ['UTC', 'UTC'], ['utc', 'UTC'], ['Z', 'UTC'], ['GMT', 'GMT'], ['Etc/UTC', 'UTC'],
    ['Africa/Lagos', 'Africa/Lagos'], ['africa/lagos', 'Africa/Lagos'],
    ['+01:00', '+01:00'], ['+1', '+01:00'], ['UTC+1', '+01:00'], ['GMT-05:30', '-05:30'], ['-0800', '-08:00'],
    // Abbreviations and words that name one place, as postmortems write them.
    ['PST', 'America/Los_Angeles'], ['pdt', 'America/Los_Angeles'], ['Eastern', 'America/New_York'], ['WAT', 'Africa/Lagos'], ['CEST', 'Europe/Paris'], ['JST', 'Asia/Tokyo'], ['AEST', 'Australia/Sydney'],
  ])('reads %s as %s', (input, name) => {
    const parsed = parseZone(input);
    expect(parsed.ok && parsed.value.name).toBe(name);
  });

  it.each([
    ['Mars/Olympus', 'is not a timezone'],
    ['IST', 'IST can mean India (Asia/Kolkata), Ireland (Europe/Dublin) or Israel (Asia/Jerusalem)'],
    ['CST', 'CST can mean US Central (America/Chicago) or China (Asia/Shanghai)'],
    ['XYZT', 'not an abbreviation this tool knows'],
    ['+15:00', 'not a real UTC offset'],
    ['', 'Type a timezone'],
  ])('refuses %s', (input, fragment) => {
    const parsed = parseZone(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(fragment);
  });

  it('labels times with the zone in force then', () => {
    const ny = zone('America/New_York');
    expect(zoneLabel(ny, parseStored('2023-07-01 12:00', ny))).toBe('EDT');
    expect(zoneLabel(ny, parseStored('2023-01-01 12:00', ny))).toBe('EST');
    expect(zoneLabel(zone('+01:00'))).toBe('UTC+01:00');
    expect(zoneLabel(utc)).toBe('UTC');
  });
});

describe('parseDate', () => {
  it('reads due dates', () => {
    expect(parseDate('Aug 16 2023', utc)).toEqual({ ok: true, value: '2023-08-16' });
    expect(parseDate('2023-08-16', utc)).toEqual({ ok: true, value: '2023-08-16' });
    expect(parseDate('next week', utc).ok).toBe(false);
  });
});

describe('systemZoneName', () => {
  it('names the zone ICU names, reading UTC without ICU where TZ or /etc/localtime says it', () => {
    const saved = process.env.TZ;
    // What it was before the shortcut: always ICU's answer, as this tool spells zones.
    const icu = () => {
      const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const parsed = name ? parseZone(name) : undefined;
      return parsed?.ok ? parsed.value.name : 'UTC';
    };
    try {
      for (const tz of [undefined, 'UTC', 'GMT', 'Etc/UTC', 'Etc/GMT', 'UCT', 'Universal', 'Zulu', ':UTC', 'UTC0', '', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'utc']) {
        // Node tells V8 the zone changed when TZ is set or removed.
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
        expect([tz, systemZoneName()]).toEqual([tz, icu()]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('the hour that happens twice, on screen', () => {
  it('names the zone exactly when the wall clock shows the same minute at another moment that night', () => {
    const ny = parseZone('America/New_York');
    if (!ny.ok) throw new Error(ny.error);
    const night = Date.parse('2024-11-03T04:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 60 }), (minutes) => {
        const at = night + minutes * 60_000;
        const wall = (ms: number) => DateTime.fromMillis(ms, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm');
        const twice = [-60, 60].some((d) => wall(at + d * 60_000) === wall(at));
        const name = repeatedHourName(DateTime.fromMillis(at), ny.value);
        expect(name !== undefined).toBe(twice);
        if (name) expect(['EDT', 'EST']).toContain(name);
      }),
      { numRuns: 200 },
    );
    expect(repeatedHourName(DateTime.fromMillis(Date.parse('2024-08-14T05:20:00Z')), ny.value)).toBeUndefined();
  });
});

describe('a time written with its clock (EDT, EST, PST, CEST)', () => {
  it('is read at that clock\'s offset, whatever the draft\'s zone and whichever night the clocks change', async () => {
    const { CLOCK_OFFSETS } = await import('../../src/time/zone-abbreviations.js');
    const { parseInstant } = await import('../../src/sources/instant.js');
    const zones = ['America/New_York', 'Europe/Berlin', 'UTC', 'Asia/Kolkata'].map((name) => {
      const parsed = parseZone(name);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    });
    const nights = ['2023-11-05T06:00:00Z', '2023-03-12T07:00:00Z', '2024-10-27T01:00:00Z'].map(Date.parse);
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(CLOCK_OFFSETS)), fc.constantFrom(...zones), fc.constantFrom(...nights), fc.integer({ min: -180, max: 180 }), (word, zone, night, minutes) => {
        const at = night + minutes * 60_000;
        const written = DateTime.fromMillis(at, { zone: `UTC${CLOCK_OFFSETS[word]!}` });
        const typed = `${written.toFormat('yyyy-MM-dd HH:mm')} ${word}`;
        const read = parseWhen(typed, { zone });
        expect(read.ok && read.value.toMillis(), typed).toBe(at);
        expect(parseInstant(typed, zone), typed).toBe(at);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('a bare time, or one with the clock its own zone names, near the incident', () => {
  /*
   * Incidents around midnight and the nights clocks change; a moment from the start's day up to
   * three hours past the end, typed as a person types it (`1:12 AM`, `01:12 CDT`). It is read as
   * that moment: the start's day or the next, whichever is nearer the incident. Only a bare time
   * in the hour that happens twice may be read as the other showing of it, and says so.
   */
  const ZONES = ['America/Chicago', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney'].map(zone);
  const NIGHTS = ['2025-11-02T07:00:00Z', '2025-03-09T08:00:00Z', '2024-10-27T01:00:00Z', '2024-03-31T01:00:00Z', '2024-04-06T16:00:00Z', '2024-10-05T16:00:00Z'].map(Date.parse);
  const MINUTE = 60_000;

  it('lands on the moment meant (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...NIGHTS),
        fc.integer({ min: -8 * 60, max: 4 * 60 }),
        fc.integer({ min: 10, max: 6 * 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (incidentZone, night, startOffset, length, where, named) => {
          const start = DateTime.fromMillis(night + startOffset * MINUTE, { zone: incidentZone.zone }).startOf('minute');
          const end = start.plus({ minutes: length });
          const from = Math.max(start.startOf('day').toMillis(), start.toMillis() - 3 * 60 * MINUTE);
          const to = Math.min(end.toMillis() + 3 * 60 * MINUTE, start.startOf('day').plus({ days: 2 }).toMillis() - MINUTE);
          const moment = DateTime.fromMillis(from + Math.floor((where * (to - from)) / MINUTE) * MINUTE, { zone: incidentZone.zone }).setLocale('en-US');
          const clockName = moment.offsetNameShort ?? '';
          const typed = named && /^[A-Z]{2,5}$/.test(clockName) ? `${moment.toFormat('h:mm a')} ${clockName}` : moment.toFormat('h:mm a');
          const read = parseWhen(typed, { zone: incidentZone, defaultDate: start, after: start, until: end });
          expect(read.ok, typed).toBe(true);
          if (!read.ok) return;
          const got = read.value.toMillis();
          if (got === moment.toMillis()) return;
          // The other showing of a wall time the clocks went back over, said so.
          expect(typed, `${typed} read as ${read.value.toISO()}, meant ${moment.toISO()}`).toBe(moment.toFormat('h:mm a'));
          expect(Math.abs(got - moment.toMillis())).toBeLessThanOrEqual(60 * MINUTE);
          expect(read.twice).toBeDefined();
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('the examples a new user tripped over, in Chicago the night clocks went back (2025-11-02)', () => {
    const chicago = zone('America/Chicago');
    const start = parseStored('2025-11-01 23:40', chicago)!;
    const end = parseStored('2025-11-02 03:10', chicago)!;
    const at = (typed: string) => {
      const read = parseWhen(typed, { zone: chicago, defaultDate: start, after: start, until: end });
      return read.ok ? read.value.setLocale('en-US').toFormat('yyyy-MM-dd HH:mm ZZZZ') : read.error;
    };
    expect(at('1:12 AM CDT')).toBe('2025-11-02 01:12 CDT');
    expect(at('1:12 AM CST')).toBe('2025-11-02 01:12 CST');
    // Bare, it is read as the later showing, as the draft reads its own `2025-11-02 01:12`, and says so.
    expect(at('1:12 AM')).toBe('2025-11-02 01:12 CST');
    expect(at('3:15 AM')).toBe('2025-11-02 03:15 CST');
    expect(at('11:50 PM')).toBe('2025-11-01 23:50 CDT');
    const twice = parseWhen('1:12 AM', { zone: chicago, defaultDate: start, after: start, until: end });
    expect(twice.ok && twice.clocks).toEqual(['CDT', 'CST']);
  });
});
