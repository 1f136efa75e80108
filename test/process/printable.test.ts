import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, printableJson } from '../../src/process/printable.js';
import { runs } from '../support/property.js';

/** Anything a terminal would obey: C0/C1 controls but tab and line feed, DEL, direction controls. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

describe('printable: text from a file, safe for the terminal', () => {
  it('shows escape sequences and direction overrides instead of passing them on', () => {
    expect(printable('x \u001b]52;c;SGk=\u0007')).toBe('x \u241b]52;c;SGk=\u2407');
    expect(printable('a\u202eb\u200bc')).toBe('a\u27e8U+202E\u27e9b\u27e8U+200B\u27e9c');
    expect(printable('csi \u009b31m')).toBe('csi \u27e8U+009B\u27e931m');
    expect(printable('lines\n\tand tabs, é 漢字 👩‍👩‍👧')).toBe('lines\n\tand tabs, é 漢字 👩‍👩‍👧');
  });

  it('leaves nothing a terminal obeys, and changes nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const shown = printable(text);
        expect(shown).not.toMatch(OBEYED);
        if (!OBEYED.test(text)) expect(shown).toBe(text);
      }),
      { numRuns: runs(500) },
    );
  });

  it('JSON keeps the data exactly, with those characters as \\u escapes (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 30 }), (value, text) => {
        const data = { value, text };
        const json = printableJson(data);
        expect(json).not.toMatch(OBEYED);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
      { numRuns: runs(300) },
    );
  });
});
