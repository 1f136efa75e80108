import { describe, expect, it } from 'vitest';
import { formatDuration, formatMinutes } from '../../src/time/duration.js';
import { parseStored } from '../../src/time/when.js';
import { parseZone } from '../../src/time/zone.js';

describe('formatMinutes', () => {
  it.each([
    [105, '1 hour 45 minutes'],
    [30, '30 minutes'],
    [1, '1 minute'],
    [60, '1 hour'],
    [120, '2 hours'],
    [1560, '1 day 2 hours'],
    [0.2, 'less than a minute'],
  ])('%d minutes reads "%s"', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it('counts real time across a daylight-saving change', () => {
    const zone = parseZone('Europe/London');
    if (!zone.ok) throw new Error(zone.error);
    const start = parseStored('2023-03-26 00:30', zone.value)!;
    const end = parseStored('2023-03-26 02:30', zone.value)!;
    expect(formatDuration(start, end)).toBe('1 hour');
  });
});
