import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/check/rubric.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { countWords, gradedText } from '../../src/render/words.js';
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
