import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { Text } from '../../src/ui/components/text.js';
import { runs } from '../support/property.js';

const UI = fileURLToPath(new URL('../../src/ui', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('every view draws text through the one printable Text', () => {
  it("no view imports ink's Text but components/text.tsx", () => {
    const offenders = sources(UI).filter((file) => !file.endsWith('components/text.tsx') && /import \{[^}]*\bText\b[^}]*\} from 'ink'/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('any string drawn leaves no control character or direction override in the frame (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const app = render(<Text>{text}</Text>);
        const frame = app.lastFrame() ?? '';
        app.unmount();
        // ink's own output here is plain (no colour), so any control character would be the text's.
        expect(frame).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: runs(200) },
    );
  });
});
