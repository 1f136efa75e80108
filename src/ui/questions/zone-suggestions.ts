import { ZONE_ABBREVIATIONS } from '../../time/zone-abbreviations.js';

let zones: string[] | undefined;

function cityStarts(zone: string, needle: string): boolean {
  return (zone.split('/').pop() ?? '').toLowerCase().startsWith(needle);
}

/** The places abbreviations stand for, by their words ("india" → Asia/Kolkata, "pacific" → America/Los_Angeles). */
function byPlace(needle: string): string[] {
  if (needle.length < 3) return [];
  return Object.values(ZONE_ABBREVIATIONS)
    .flat()
    .filter((reading) => reading.place.toLowerCase().split(/\s+/).some((word) => word.startsWith(needle)))
    .map((reading) => reading.zone);
}

/**
 * Timezones for what is being typed, shown as it is typed and taken with Tab: the places an
 * abbreviation can mean (IST → India, Ireland, Israel), places by name, then IANA names
 * containing the text ("lagos" → Africa/Lagos), cities that start with it first.
 */
export function suggestZones(typed: string): string[] {
  const text = typed.trim();
  const needle = text.toLowerCase().replace(/[\s_]+/g, '_');
  if (needle.length < 2 || /^[+-]|^utc|^gmt/.test(needle)) return [];
  const abbreviation = (ZONE_ABBREVIATIONS[text.toUpperCase()] ?? []).map((reading) => reading.zone);
  zones ??= Intl.supportedValuesOf('timeZone');
  const named = zones
    .filter((zone) => zone.toLowerCase().includes(needle))
    .sort((a, b) => Number(cityStarts(b, needle)) - Number(cityStarts(a, needle)) || a.localeCompare(b));
  return [...new Set([...abbreviation, ...byPlace(needle), ...named])].filter((zone) => zone !== 'UTC' && zone !== 'GMT');
}
