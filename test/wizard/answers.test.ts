import { describe, expect, it } from 'vitest';
import { sectionById } from '../../src/draft/sections.js';
import { parseDueDate, parseEntryTime, parseLine, parseMoment, parseNames, parsePercent, parseTimezone } from '../../src/wizard/answers.js';

const q = (section: Parameters<typeof sectionById>[0], index: number) => sectionById(section).questions[index]!;
const title = q('basics', 0);
const authors = q('basics', 1);
const timezone = q('summary', 0);
const start = q('summary', 1);
const end = q('summary', 2);
const percent = q('summary', 4);
const draft = { version: 1, summary: { timezone: 'UTC', start: '2023-08-02 23:10' } };

describe('typed answers', () => {
  it('refuse an empty required answer with one sentence', () => {
    expect(parseLine(title, '   ')).toEqual({ ok: false, error: 'Type the title: it cannot be left empty.' });
    expect(parseLine(title, ' Outage\r\n at night ')).toEqual({ ok: true, value: 'Outage at night' });
  });

  it('read names separated by commas or "and"', () => {
    expect(parseNames(authors, 'Jane Doe, John Roe and Ada')).toEqual({ ok: true, value: ['Jane Doe', 'John Roe', 'Ada'] });
    expect(parseNames(authors, '')).toEqual({ ok: true, value: undefined });
  });

  it('read percentages as people type them', () => {
    expect(parsePercent(percent, '15%')).toEqual({ ok: true, value: 15 });
    expect(parsePercent(percent, 'about 7.5')).toEqual({ ok: true, value: 7.5 });
    expect(parsePercent(percent, '150')).toEqual({ ok: false, error: '150 is not a percentage: type a number from 0 to 100, like 15.' });
    expect(parsePercent(percent, 'most')).toMatchObject({ ok: false });
    expect(parsePercent(percent, '')).toEqual({ ok: false, error: 'Type a number from 0 to 100, like 15.' });
  });

  it('read timezones', () => {
    expect(parseTimezone(timezone, 'africa/lagos')).toEqual({ ok: true, value: 'Africa/Lagos' });
    expect(parseTimezone(timezone, 'Mars/Base')).toMatchObject({ ok: false });
    // Optional (the settings' default): empty means "use the system's".
    expect(parseTimezone({ ...timezone, required: false }, '  ')).toEqual({ ok: true, value: undefined });
    expect(parseTimezone(timezone, '')).toMatchObject({ ok: false });
  });

  it('need a date for the start, and read a bare end time against it (past midnight: next day)', () => {
    expect(parseMoment(start, '14:30', draft)).toMatchObject({ ok: false, error: expect.stringContaining('Add the date') });
    expect(parseMoment(start, 'Aug 2 2023 11:10 PM', draft)).toEqual({ ok: true, value: '2023-08-02 23:10', note: 'Wednesday, August 2, 2023, 23:10 UTC' });
    // Moved to the next day: said, to be confirmed with a second Enter.
    expect(parseMoment(end, '01:40', draft)).toEqual({
      ok: true,
      value: '2023-08-03 01:40',
      note: 'Thursday, August 3, 2023, 01:40 UTC · lasted 2 hours 30 minutes',
      confirm: '01:40 is earlier in the day than the start, so it is read as the next day (Aug 3), lasting 2 hours 30 minutes: press Enter again to confirm, or give the date.',
    });
    expect(parseMoment(end, '2023-08-03 01:40', draft)).not.toHaveProperty('confirm');
    expect(parseMoment(end, '23:50', draft)).not.toHaveProperty('confirm');
    expect(parseMoment(end, '2023-08-02 22:00', draft)).toEqual({ ok: false, error: 'The end must be after the start (2023-08-02 23:10).' });
    expect(parseMoment(end, '01:40', { version: 1 })).toEqual({ ok: false, error: 'Give the start first: the end is read against it.' });
  });

  it('warn, without refusing, about an entry outside the incident', () => {
    const full = { version: 1, summary: { timezone: 'UTC', start: '2023-08-02 13:45', end: '2023-08-02 15:30' } };
    expect(parseEntryTime('14:00', full)).toEqual({ ok: true, value: '2023-08-02 14:00', note: 'Wednesday, August 2, 2023, 14:00 UTC' });
    expect(parseEntryTime('4:00 PM', full)).toMatchObject({ ok: true, value: '2023-08-02 16:00', warning: 'This is after the end of the incident.' });
    expect(parseEntryTime('13:00', full)).toMatchObject({ ok: true, warning: 'This is before the start of the incident.' });
    expect(parseEntryTime('noonish', full)).toMatchObject({ ok: false });
    // Outside the incident, but its other half of the day is inside: asked once (Enter again keeps it).
    expect(parseEntryTime('2:30', full)).toMatchObject({ ok: true, value: '2023-08-03 02:30', warning: 'This is after the end of the incident.', confirm: 'Did you mean 2:30 PM? Type it so, or press Enter again to keep 2:30.' });
    expect(parseEntryTime('13:00', full)).not.toHaveProperty('confirm');
    expect(parseEntryTime('4:00 PM', full)).not.toHaveProperty('confirm');
    const night = { version: 1, summary: { timezone: 'America/Chicago', start: '2025-11-01 23:40', end: '2025-11-02 03:10' } };
    expect(parseEntryTime('11:55', night)).toMatchObject({ ok: true, value: '2025-11-02 11:55', confirm: 'Did you mean 11:55 PM? Type it so, or press Enter again to keep 11:55.' });
    expect(parseEntryTime('11:55 PM', night)).toEqual(expect.objectContaining({ ok: true, value: '2025-11-01 23:55' }));
    expect(parseEntryTime('11:55 PM', night)).not.toHaveProperty('warning');
  });

  it('read due dates, empty meaning none', () => {
    expect(parseDueDate('Aug 16 2023', draft)).toEqual({ ok: true, value: '2023-08-16' });
    expect(parseDueDate('', draft)).toEqual({ ok: true, value: undefined });
  });
});

describe('the hour that happens twice (New York, 2023-11-05)', () => {
  const night = { version: 1, summary: { timezone: 'America/New_York', start: '2023-11-05 00:30', end: '2023-11-05 03:00' } };
  const start = sectionById('summary').questions.find((q) => q.path.at(-1) === 'start')!;

  it('a bare wall time is read as the later one, said, and taken only with Enter again', () => {
    const entry = parseEntryTime('1:20', night);
    expect(entry).toMatchObject({ ok: true, value: '2023-11-05 01:20' });
    expect(entry.ok && entry.confirm).toMatch(/happened twice .* Press Enter again to take it, or write the clock's name/);
    const moment = parseMoment(start, '2023-11-05 01:20', { version: 1, summary: { timezone: 'America/New_York' } });
    expect(moment.ok && moment.confirm).toMatch(/happened twice/);
  });

  it("written with the clock's name, it is that moment, stored so it reads back as that moment", () => {
    expect(parseEntryTime('1:20 AM EDT', night)).toMatchObject({ ok: true, value: '2023-11-05 01:20 -04:00' });
    expect(parseEntryTime('1:20 AM EST', night)).toMatchObject({ ok: true, value: '2023-11-05 01:20' });
    expect(parseEntryTime('1:20 AM EDT', night)).not.toHaveProperty('confirm');
    const moment = parseMoment(start, '2023-11-05 01:20 EDT', { version: 1, summary: { timezone: 'America/New_York' } });
    expect(moment).toMatchObject({ ok: true, value: '2023-11-05 01:20 -04:00' });
  });
});
