import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, SECTION_NAMES, sectionOf, type SectionKey } from '../../src/import/section-names.js';
import { runs } from '../support/property.js';

/*
 * A heading one typo away from a section's name still names it. sectionOf compares a heading
 * only with the names of about its length, first and last letters first: it must find what a
 * comparison with every name, in the table's order, finds.
 */

/** Each name with its section (a name listed twice counts for the later one), in the table's order. */
const table = new Map<string, SectionKey>();
for (const entry of SECTION_NAMES) for (const name of entry.names) table.set(name, entry.key);

/** Every name, in order, compared in full (the first one edit away wins). */
function everyName(key: string): SectionKey | undefined {
  for (const [name, section] of table) {
    if (name.length < 6 || Math.abs(name.length - key.length) > 1) continue;
    const [short, long] = name.length <= key.length ? [name, key] : [key, name];
    for (let i = 0; i <= long.length; i++) {
      // One substitution, insertion or deletion turns one into the other.
      if (short.length === long.length ? short.slice(0, i) + short.slice(i + 1) === long.slice(0, i) + long.slice(i + 1) : short === long.slice(0, i) + long.slice(i + 1)) return section;
    }
  }
  return undefined;
}

const names = SECTION_NAMES.flatMap((entry) => entry.names);
const typo = fc
  .tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('delete', 'insert', 'replace', 'none'), fc.constantFrom(...'abcdeimnorstuy '.split('')))
  .map(([name, at, edit, letter]) => {
    const i = at % (name.length + 1);
    if (edit === 'delete') return name.slice(0, i) + name.slice(i + 1);
    if (edit === 'insert') return name.slice(0, i) + letter + name.slice(i);
    if (edit === 'replace') return name.slice(0, i) + letter + name.slice(i + 1);
    return name;
  });

describe('section names with a typo', () => {
  it('are found as by comparing every name (property)', () => {
    fc.assert(
      fc.property(fc.oneof(typo, fc.string({ maxLength: 30 })), (heading) => {
        const key = nameKey(heading);
        const prefixed = SECTION_NAMES.find((entry) => entry.prefixes?.some((prefix) => key.startsWith(`${prefix} `)))?.key;
        const fuzzy = key.length >= 6 && key.length <= 40 ? everyName(key) : undefined;
        expect(sectionOf(heading, true)).toBe(key === '' ? undefined : table.get(key) ?? prefixed ?? fuzzy);
      }),
      { numRuns: runs(3000) },
    );
  });
});
