import { INVISIBLE } from '../draft/clean-text.js';
import { describePath, type Draft, type DraftPath } from '../draft/schema.js';
import type { ReviewFinding } from './review.js';

const NAMES: Record<number, string> = {
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override', 0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate', 0x2069: 'pop directional isolate',
  0x200b: 'zero-width space', 0xfeff: 'zero-width no-break space', 0x2060: 'word joiner',
  0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark', 0x061c: 'Arabic letter mark', 0x180e: 'Mongolian vowel separator',
};

/** INVISIBLE without its `g`: a test that keeps no place between strings. */
const ANY_INVISIBLE = new RegExp(INVISIBLE.source);

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[code] ?? 'invisible character'}`;
}

/**
 * Direction overrides and invisible characters anywhere in the draft (a hand edit, a paste, an
 * import): they can make a sentence read as something it is not, so each is named with its
 * place. The README leaves them out.
 */
export function hiddenCharacterFindings(draft: Draft): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  // A string's path is made only for a finding: a long timeline holds tens of thousands.
  const visit = (value: unknown, parent: DraftPath, key: string | number) => {
    if (typeof value === 'string') {
      if (!ANY_INVISIBLE.test(value)) return;
      const found = [...new Set(value.match(INVISIBLE) ?? [])];
      const path = [...parent, key];
      findings.push({
        section: 'Hidden characters',
        path,
        quote: value.replace(INVISIBLE, '').trim().slice(0, 40),
        message: `${describePath(path)} holds ${found.map(describe).join(', ')}, which can make text read differently from what it is; the README leaves ${found.length === 1 ? 'it' : 'them'} out.`,
      });
    } else if (Array.isArray(value)) {
      const path = [...parent, key];
      value.forEach((item, index) => visit(item, path, index));
    } else if (value && typeof value === 'object') {
      const path = [...parent, key];
      for (const [name, child] of Object.entries(value)) visit(child, path, name);
    }
  };
  for (const [key, value] of Object.entries(draft)) if (key !== 'unconfirmed') visit(value, [], key);
  return findings;
}
