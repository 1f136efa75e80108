import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Candidate, SourceOptions } from '../../src/sources/candidate.js';
import { readSource } from '../../src/sources/read-source.js';
import { parseZone, type IncidentZone } from '../../src/time/zone.js';
import { fixture } from '../support/temp.js';

/** Shared by the source tests: zones, fixtures, reading everything a path holds. */

export function zone(name: string): IncidentZone {
  const parsed = parseZone(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const UTC = zone('UTC');
export const NEW_YORK = zone('America/New_York');
export const LONDON = zone('Europe/London');
export const BERLIN = zone('Europe/Berlin');

export function sourceFixture(name: string): string {
  return fixture(`sources/${name}`);
}

export async function readAll(path: string, options: Partial<SourceOptions> = {}): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for await (const candidate of readSource(path, { zone: UTC, ...options })) found.push(candidate);
  return found;
}

export const iso = (at: number) => new Date(at).toISOString();

/** Days on which clocks change in New York or London (2023-2025), where wall times skip or repeat. */
const DST_DAYS = ['2023-03-12', '2023-03-26', '2023-10-29', '2023-11-05', '2024-03-10', '2024-03-31', '2024-10-27', '2024-11-03', '2025-03-09', '2025-03-30', '2025-10-26', '2025-11-02'];

/** Moments in milliseconds, half of them on a day when clocks change. */
export const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 0, 1) }),
  fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -6 * 3_600_000, max: 30 * 3_600_000 })).map(([day, ms]) => Date.parse(`${day}T00:00:00Z`) + ms),
);

export const zoneOf = fc.constantFrom(UTC, NEW_YORK, LONDON, zone('Asia/Kolkata'), zone('-03:30'));

/** The wall time a zone shows at a moment, and whether that wall time also names another moment (clocks went back). */
export function wallTime(at: number, incidentZone: IncidentZone): { local: DateTime; repeated: boolean } {
  const local = DateTime.fromMillis(at, { zone: incidentZone.zone });
  const wall = local.toFormat('yyyy-MM-dd HH:mm:ss.SSS');
  const repeated = [-120, -60, -30, 30, 60, 120].some(
    (minutes) => DateTime.fromMillis(at + minutes * 60_000, { zone: incidentZone.zone }).toFormat('yyyy-MM-dd HH:mm:ss.SSS') === wall,
  );
  return { local, repeated };
}
