import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/sources/instant.js';
import { runs } from '../support/property.js';
import { BERLIN, LONDON, NEW_YORK, UTC, instant, iso, wallTime, zoneOf } from './support.js';

describe('parseInstant reads the moments files write', () => {
  const at = Date.parse('2024-08-14T14:02:00Z');
  it.each([
    ['2024-08-14T14:02:00Z', UTC],
    ['2024-08-14T14:02:00.000Z', UTC],
    ['2024-08-14T16:02:00+02:00', UTC],
    ['2024-08-14T16:02:00+0200', UTC],
    ['2024-08-14T10:02:00-04', UTC],
    ['2024-08-14 14:02:00 +0000 UTC', NEW_YORK],
    ['2024-08-14 14:02 UTC', NEW_YORK],
    ['2024-08-14 16:02', BERLIN],
    ['2024-08-14T10:02', NEW_YORK],
    ['2024/08/14 15:02:00', LONDON],
    ['08/14/2024 10:02 AM', NEW_YORK],
    ['08/14/2024 2:02 PM', UTC],
    ['8/14/24 2:02 p.m.', UTC],
    ['14/08/2024 16:02', BERLIN],
    ['14.08.2024 16:02:00', BERLIN],
    ['1723644120', NEW_YORK],
    ['1723644120000', NEW_YORK],
    ['1723644120000000', NEW_YORK],
    ['1723644120000000000', NEW_YORK],
    ['1723644120.000', NEW_YORK],
    ['Wed, 14 Aug 2024 14:02:00 +0000', NEW_YORK],
    ['Wed Aug 14 16:02:00 2024 +0200', NEW_YORK],
    ['Wed Aug 14 14:02:00 UTC 2024', NEW_YORK],
    ['Aug 14, 2024 10:02 AM', NEW_YORK],
    ['August 14 2024 at 2:02 pm', UTC],
    ['14 Aug 2024 15:02', LONDON],
    ['2024-08-14 10:02 America/New_York', UTC],
    ['2024-08-14 10:02 EDT', UTC],
  ])('%s', (text, zone) => {
    expect(iso(parseInstant(text, zone)!)).toBe(iso(at));
  });

  it('keeps fractions of a second, to the millisecond', () => {
    expect(parseInstant('2024-08-14T14:01:30.123456789Z', UTC)).toBe(Date.parse('2024-08-14T14:01:30.123Z'));
    expect(parseInstant('1723644090.5', UTC)).toBe(Date.parse('2024-08-14T14:01:30.500Z'));
  });

  it('reads 03/04/2024 as the column says: March 4 the US way, 3 April day first', () => {
    expect(iso(parseInstant('03/04/2024 10:00', UTC)!)).toBe('2024-03-04T10:00:00.000Z');
    expect(iso(parseInstant('03/04/2024 10:00', UTC, 'dmy')!)).toBe('2024-04-03T10:00:00.000Z');
  });

  it.each([
    '2024-08-14',
    '14:02',
    'yesterday at 14:02',
    '2024-02-30 10:00',
    '2024-13-01 10:00',
    '2024-08-14 24:10',
    '08/14/2024 13:02 PM',
    '2024-08-14 10:02 XYZ',
    '123456789012345678901',
    '42',
    '4102444800',
    'Deploy started Aug 14 2024 14:02',
    '0001-01-01T00:00:00Z',
    '',
  ])('%j is not a moment', (text) => {
    expect(parseInstant(text, UTC)).toBeUndefined();
  });

  it('a moment written with its offset or Z reads back as itself, in any zone it is read in', () => {
    fc.assert(
      fc.property(instant, zoneOf, zoneOf, (at, writtenIn, readIn) => {
        const local = DateTime.fromMillis(at, { zone: writtenIn.zone });
        for (const text of [local.toISO()!, local.toISO({ suppressMilliseconds: true })!, local.toUTC().toISO()!, local.toFormat("yyyy-MM-dd HH:mm:ss.SSS ZZZ"), local.toRFC2822()!]) {
          const expected = text === local.toRFC2822() ? Math.floor(at / 1000) * 1000 : at;
          expect(parseInstant(text, readIn), text).toBe(expected);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('a wall time without a zone is the incident zone\'s: skipped times move forward as luxon moves them, repeated ones are the earlier', () => {
    fc.assert(
      fc.property(instant, zoneOf, (at, zone) => {
        const { local, repeated } = wallTime(at, zone);
        const text = local.toFormat('yyyy-MM-dd HH:mm:ss.SSS');
        const read = parseInstant(text, zone)!;
        // Back in the zone it shows the same wall time; it is the same moment unless that wall time happened twice.
        expect(DateTime.fromMillis(read, { zone: zone.zone }).toFormat('yyyy-MM-dd HH:mm:ss.SSS')).toBe(text);
        if (!repeated) expect(read).toBe(at);
        else expect(DateTime.fromMillis(read - 3_600_000, { zone: zone.zone }).offset).toBe(DateTime.fromMillis(read, { zone: zone.zone }).offset);
        // Any wall time, even one the clocks skipped, lands where luxon puts it (luxon's pick of a repeated one varies).
        const wall = DateTime.fromMillis(at, { zone: 'UTC' });
        const fromLuxon = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute }, { zone: zone.zone });
        if (!wallTime(fromLuxon.toMillis(), zone).repeated) expect(parseInstant(wall.toFormat('yyyy-MM-dd HH:mm'), zone)).toBe(fromLuxon.toMillis());
      }),
      { numRuns: runs(500) },
    );
  });

  it('epoch seconds, milliseconds, microseconds and nanoseconds are the same moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2001, 8, 9, 2), max: Date.UTC(2099, 0, 1) }), (at) => {
        const seconds = Math.floor(at / 1000);
        expect(parseInstant(String(seconds), NEW_YORK)).toBe(seconds * 1000);
        expect(parseInstant(String(at), NEW_YORK)).toBe(at);
        expect(parseInstant(`${at}000`, NEW_YORK)).toBe(at);
        expect(parseInstant(`${at}000000`, NEW_YORK)).toBe(at);
      }),
      { numRuns: runs(300) },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), zoneOf, (text, zone) => {
        const read = parseInstant(text, zone);
        expect(read === undefined || Number.isFinite(read)).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });
});
