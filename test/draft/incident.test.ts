import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { entryClock, resolveIncident, spansDays } from '../../src/draft/incident.js';
import type { Draft } from '../../src/draft/schema.js';
import { parseWhen, storedMillis, wallClock } from '../../src/time/when.js';
import { parseZone, type IncidentZone } from '../../src/time/zone.js';
import { runs } from '../support/property.js';

/*
 * A timeline's times are read once per draft, and in a fixed-offset zone without a DateTime per
 * entry: the instants, wall clocks and days must be the ones luxon gives, entry by entry.
 */

const zones = ['UTC', 'GMT', '+05:30', '-03:00', '+14:00', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'];
const two = (n: number) => String(n).padStart(2, '0');
// Stored times (some not in any calendar: Feb 30, 24:00, 12:60), bare times, other forms and junk.
const storedTime = fc
  .tuple(fc.integer({ min: 1969, max: 2031 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 60 })))
  .map(([y, mo, d, h, mi, s]) => `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}${s === null ? '' : `:${two(s)}`}`);
const at = fc.oneof(
  { weight: 5, arbitrary: storedTime },
  { weight: 1, arbitrary: fc.constantFrom('14:30', '00:15', '2:05 PM', 'Nov 5 2023 01:30', '2023-03-12 02:30', '2023-11-05 01:30', ' 2023-08-02 13:45 ', 'soon', '') },
);

function zone(name: string): IncidentZone {
  const parsed = parseZone(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('a stored time in a fixed-offset zone', () => {
  it('names the instant luxon reads, or nothing where luxon finds no such time (property)', () => {
    fc.assert(
      fc.property(storedTime, fc.constantFrom('UTC', '+05:30', '-03:00', '+14:00'), (text, name) => {
        const z = zone(name);
        const [date, time] = text.split(' ') as [string, string];
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        const [hour, minute, second = 0] = time.split(':').map(Number) as [number, number, number?];
        const luxon = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: z.zone });
        const same = luxon.isValid && luxon.year === year && luxon.month === month && luxon.day === day && luxon.hour === hour && luxon.minute === minute;
        expect(storedMillis(text, z)).toBe(same ? luxon.toMillis() : undefined);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('reads as the wall clock luxon gives the same instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 4e12 }), fc.constantFrom('UTC', '+05:30', '-03:00', '+14:00'), (millis, name) => {
        const z = zone(name);
        const luxon = DateTime.fromMillis(millis, { zone: z.zone });
        const { year, month, day, hour, minute, second } = luxon;
        expect(wallClock(millis, z.zone.offset(millis))).toEqual({ year, month, day, hour, minute, second });
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('resolveIncident', () => {
  it('reads each entry as parseWhen does, in time order, with the days luxon counts (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.option(storedTime), fc.array(at, { maxLength: 12 }), (name, start, times) => {
        const draft: Draft = { version: 1, summary: { timezone: name, ...(start ? { start } : {}) }, timeline: times.map((time, i) => ({ at: time, text: `entry ${i}` })) };
        const incident = resolveIncident(draft);
        const z = incident.zone;
        const context = { zone: z, defaultDate: incident.start ?? incident.end, after: incident.start, until: incident.end };
        expect(incident.entries.map((e) => e.index).sort((a, b) => a - b)).toEqual(times.map((_, i) => i));
        const days = new Set<string>();
        if (incident.start) days.add(incident.start.setZone(z.zone).toISODate()!);
        let previous: number | undefined;
        let untimed = false;
        for (const resolved of incident.entries) {
          const text = times[resolved.index]!;
          const read = text ? parseWhen(text, context) : undefined;
          // A time with no date, and no day of the incident to take: unread, never today's.
          const dayless = read?.ok && !read.dateGiven && !context.defaultDate;
          const expected = dayless ? ({ ok: false, error: `${text} has no date, and the incident has no start to take it from` } as const) : read;
          if (!expected?.ok) {
            expect(resolved.millis).toBeUndefined();
            expect(resolved.error).toBe(expected ? expected.error : 'has no time');
            untimed = true;
            continue;
          }
          // Entries whose time cannot be read come last; the others rise.
          expect(untimed).toBe(false);
          expect(resolved.millis).toBe(expected.value.toMillis());
          expect(resolved.at!.toISO()).toBe(expected.value.toISO());
          const fields = ({ year, month, day, hour, minute, second }: Record<string, number>) => ({ year, month, day, hour, minute, second });
          expect(fields(entryClock(resolved, z) as never)).toEqual(fields(expected.value as never));
          expect(previous === undefined || previous <= resolved.millis!).toBe(true);
          previous = resolved.millis;
          days.add(expected.value.setZone(z.zone).toISODate()!);
        }
        expect(spansDays(incident)).toBe(days.size > 1);
      }),
      { numRuns: runs(500) },
    );
  });
});
