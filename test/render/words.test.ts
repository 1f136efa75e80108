import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/check/rubric.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { countWords, gradedText, wcWords } from '../../src/render/words.js';
import { runs } from '../support/property.js';
import { fixture, tempDir } from '../support/temp.js';

const wc = (text: string) => {
  const file = join(tempDir(), 'graded.md');
  writeFileSync(file, text);
  return Number(execFileSync('wc', ['-w', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
};

describe('the word count the rubric grades', () => {
  for (const template of ['alx', 'sre'] as const) {
    it(`is what wc -w counts in the graded sections (${template} layout)`, async () => {
      const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
      const report = checkDraft({ ...draft, template, extras: { ...draft.extras, diagram: true } });
      const graded = gradedText(report.markdown);
      expect(report.words).toBe(wc(graded));
      expect(report.words).toBeGreaterThan(100);
      // Not counted: the title, the generated-file comment, the diagram, headings.
      expect(graded).not.toContain('<!--');
      expect(graded).not.toContain('Payment service outage\n');
      expect(graded).not.toContain('mermaid');
      expect(graded).not.toMatch(/^#/m);
    });
  }

  it('leaves the lessons and the closing line out, and counts every graded section', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    const base = checkDraft({ ...draft, extras: {} }).words;
    const withExtras = checkDraft({ ...draft, extras: { humor: 'Cache rules everything around me.', lessons: { wentWell: ['The rollback took two minutes, as practised.'] } } });
    expect(withExtras.markdown).toContain('The rollback took two minutes');
    expect(withExtras.words).toBe(base);
    const longer = checkDraft({ ...draft, extras: {}, resolution: `${draft.resolution} Three more words.` });
    expect(longer.words).toBe(base + 3);
  });

  it('is 0 for Markdown with no graded section', () => {
    expect(countWords('# Title\n\nJust a title.\n\n## Lessons Learned\n\n- Many words here.')).toBe(0);
  });
});

describe('counting without copies', () => {
  /** The count as first written: every line through every pattern, joined, split on spaces. */
  function reference(markdown: string): { text: string; words: number } {
    const kept: string[] = [];
    let counting = false;
    let inCode = false;
    for (const line of markdown.replace(/<!--[\s\S]*?-->/g, ' ').split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) {
        inCode = !inCode;
        continue;
      }
      if (inCode) continue;
      const heading = /^##\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading && !line.startsWith('###')) {
        counting = heading[1]!.toLowerCase() !== 'lessons learned';
        continue;
      }
      if (/^\s*#{1,6}\s/.test(line)) continue;
      if (/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
        counting = false;
        continue;
      }
      if (counting) kept.push(line);
    }
    const text = kept.join('\n');
    return { text, words: text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length };
  }

  it('finds the same graded text and words as every line through every pattern (property)', () => {
    const piece = fc.constantFrom(
      '## Timeline', '## Lessons Learned', '### Root cause', '# Title', '##', '- ', '-', '--', '---', '- - -', '***', '___', ' ---', '```', '~~~', '```mermaid', ' ```',
      '- **13:45 UTC** - It broke.', 'word', 'two words', '\t', ' ', '\u00a0', '\r', '\v', '*a*', '_b_', '`c`', '~d', '#', '#tag', '<!--', '-->', '|', '=', '1.', '\u3000x',
    );
    const markdown = fc.array(fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')), { maxLength: 30 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(markdown, (text) => {
        const expected = reference(text);
        expect(gradedText(text)).toBe(expected.text);
        expect(countWords(text)).toBe(expected.words);
        expect(wcWords(text)).toBe(text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length);
      }),
      { numRuns: runs(2000) },
    );
  });
});
