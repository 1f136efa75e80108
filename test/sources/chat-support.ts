// Shared by the chat and Slack reader tests: read one format directly, fixtures by name.
import type { Candidate, SourceFormat, SourceOptions } from '../../src/sources/candidate.js';
import { parseZone, type IncidentZone } from '../../src/time/zone.js';
import { fixture } from '../support/temp.js';

export function zone(name: string): IncidentZone {
  const parsed = parseZone(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const source = (name: string) => fixture(`sources/${name}`);

export async function readAll(format: SourceFormat, path: string, options: Partial<SourceOptions> = {}): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for await (const candidate of format.read(path, { zone: zone('UTC'), ...options })) out.push(candidate);
  return out;
}

export const iso = (at: number) => new Date(at).toISOString();
