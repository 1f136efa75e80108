import { describe, expect, it } from 'vitest';
import { suggestZones } from '../../src/ui/questions/zone-suggestions.js';

describe('timezones suggested as they are typed', () => {
  it('the places an abbreviation can mean, places by name, then IANA names', () => {
    expect(suggestZones('IST').slice(0, 3)).toEqual(['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem']);
    expect(suggestZones('cst').slice(0, 2)).toEqual(['America/Chicago', 'Asia/Shanghai']);
    expect(suggestZones('PST')[0]).toBe('America/Los_Angeles');
    expect(suggestZones('Pacific')[0]).toBe('America/Los_Angeles');
    expect(suggestZones('india')[0]).toBe('Asia/Kolkata');
    expect(suggestZones('lagos')[0]).toBe('Africa/Lagos');
    expect(suggestZones('Europe/Ber')[0]).toBe('Europe/Berlin');
    expect(suggestZones('u')).toEqual([]);
    expect(suggestZones('+01')).toEqual([]);
  });
});
