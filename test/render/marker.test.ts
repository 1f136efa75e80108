import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorshipOf, withMarker } from '../../src/render/marker.js';
import { runs } from '../support/property.js';

/*
 * Whose a README is decides whether `render` may replace it: any change a person made, above the
 * marker line, in it, or below it, makes it "edited" (replaced only with --force, a .bak kept).
 */
const body = fc.string({ minLength: 1, maxLength: 200 }).map((text) => `# Title\n\n${text}`);
const change = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');

describe('authorship of a README', () => {
  it('is ours as written, with or without a trailing line break', () => {
    fc.assert(
      fc.property(body, fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (text, draft) => {
        const written = withMarker(text, draft);
        expect(authorshipOf(written)).toBe('ours');
        expect(authorshipOf(written.trimEnd())).toBe('ours');
        expect(authorshipOf(`${written}\n\n`)).toBe('ours');
      }),
      { numRuns: runs(200) },
    );
  });

  it('is edited after any change above, in or below the marker line', () => {
    fc.assert(
      fc.property(body, change, fc.nat(), (text, added, at) => {
        const written = withMarker(text);
        const marker = written.lastIndexOf('\n\n<!--');
        const above = at % marker;
        expect(authorshipOf(`${written.slice(0, above)}${added}${written.slice(above)}`)).toBe('edited');
        expect(authorshipOf(`${written}${added}\n`)).toBe('edited');
        expect(authorshipOf(`${written}\n${added}`)).toBe('edited');
      }),
      { numRuns: runs(200) },
    );
  });

  it('is theirs without the marker', () => {
    expect(authorshipOf('# My own postmortem\n')).toBe('theirs');
  });
});
