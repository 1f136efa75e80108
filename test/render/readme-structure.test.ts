import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/draft/schema.js';
import { renderMarkdown } from '../../src/render/render.js';
import { loadBuiltInTemplate } from '../../src/render/templates.js';
import { outline } from '../support/markdown.js';
import { runs } from '../support/property.js';

/*
 * Whatever is typed into any one-line answer, the README keeps the layout's structure: the same
 * headings, lists, tables and paragraphs as the same draft with plain words in those answers.
 * (Paragraph answers keep the author's own lists; test/render/escape.test.ts covers them.)
 */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('#', '|', '- [x]', '`', '```', '<script>', '*', '_', '[a](b)', '\\', '>', '1.', '---', '\n', 'word', '{{ title }}', '{% raw %}', '\u001b]52;c;SGk=\u0007', '\u202e', '\u200b', '\t', ':--'), { maxLength: 10 }).map((parts) => parts.join('')),
);

function draftWith(text: (label: string) => string): Draft {
  return {
    version: 1,
    title: text('title'),
    authors: [text('author')],
    summary: { start: '2024-03-06 14:30', end: '2024-03-06 15:45', timezone: 'UTC', impact: text('impact'), usersAffectedPercent: 40, rootCause: text('cause') },
    detectedBy: 'monitoring',
    timeline: [
      { at: '14:35', kind: 'detection', text: text('entry') },
      { at: '14:50', kind: 'misleading', text: text('misleading') },
    ],
    rootCause: 'The details.',
    resolution: 'The fix.',
    measures: [text('measure')],
    tasks: [{ text: text('task'), owner: text('owner'), due: '2024-03-20' }],
    extras: { humor: text('humor'), trigger: text('trigger'), lessons: { wentWell: [text('well')], wentWrong: [text('wrong')], lucky: [text('lucky')] } },
  };
}

/** Block kinds and headings, with the words of the headings the answers fill in (the title) left out. */
function shape(markdown: string): string[] {
  return outline(markdown).map((block) => (block.startsWith('h1 ') ? 'h1' : block));
}

describe('the README keeps its layout whatever the answers say (property)', () => {
  for (const name of ['alx', 'sre']) {
    it(name, () => {
      const template = loadBuiltInTemplate(name);
      const plain = shape(renderMarkdown(draftWith(() => 'word'), { template }));
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom('title', 'author', 'impact', 'cause', 'entry', 'misleading', 'measure', 'task', 'owner', 'humor', 'trigger', 'well', 'wrong', 'lucky'), hostile), (texts) => {
          // An answer that escapes to nothing leaves its line out; the plain words keep every line.
          const text = (label: string) => `word ${texts[label] ?? ''}`;
          expect(shape(renderMarkdown(draftWith(text), { template }))).toEqual(plain);
        }),
        { numRuns: runs(300) },
      );
    });
  }
});

describe("the SRE layout's status", () => {
  it('is a draft while the impact, root cause or resolution is not written, complete once they are', () => {
    const sre = loadBuiltInTemplate('sre');
    const status = (draft: Draft) => /\| \*\*Status\*\* \| (.+) \|/.exec(renderMarkdown(draft, { template: sre }))?.[1];
    const done: Draft = { version: 1, title: 'Outage', summary: { impact: 'Checkout failed.' }, rootCause: 'A leak.', resolution: 'Restarted.' };
    expect(status(done)).toBe('Complete');
    expect(status({ ...done, tasks: [{ text: 'Add an alert' }] })).toBe('Complete, action items in progress');
    for (const gap of ['rootCause', 'resolution'] as const) expect(status({ ...done, [gap]: undefined })).toBe('Draft');
    expect(status({ ...done, summary: {} })).toBe('Draft');
  });
});
