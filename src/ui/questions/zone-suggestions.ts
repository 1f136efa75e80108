let zones: string[] | undefined;

function cityStarts(zone: string, needle: string): boolean {
  return (zone.split('/').pop() ?? '').toLowerCase().startsWith(needle);
}

/** IANA timezone names containing what was typed ("lagos" → Africa/Lagos), for Tab completion. */
export function suggestZones(typed: string): string[] {
  const needle = typed.trim().toLowerCase().replace(/[\s_]+/g, '_');
  if (needle.length < 2 || /^[+-]|^utc|^gmt/.test(needle)) return [];
  zones ??= Intl.supportedValuesOf('timeZone');
  // Cities that start with the text come first: "lon" → Europe/London before America/Louisville.
  return zones
    .filter((zone) => zone.toLowerCase().includes(needle))
    .sort((a, b) => Number(cityStarts(b, needle)) - Number(cityStarts(a, needle)) || a.localeCompare(b));
}
