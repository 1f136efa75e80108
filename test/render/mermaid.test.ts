import fc from 'fast-check';
import { Window } from 'happy-dom';
import type { Code } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/draft/schema.js';
import { renderMarkdown } from '../../src/render/render.js';
import { loadTemplate } from '../../src/render/templates.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { parseMarkdown } from '../support/markdown.js';
import { runs } from '../support/property.js';
import { fixture } from '../support/temp.js';

/*
 * The diagram is checked by Mermaid's own parser (the one GitHub runs), in a DOM that
 * happy-dom provides, since Mermaid's sanitizer needs one even to parse.
 */
let mermaid: { parse(text: string): Promise<unknown> };
const globals = globalThis as Record<string, unknown>;
const saved = { window: globals.window, document: globals.document };
beforeAll(async () => {
  const window = new Window();
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default;
}, 60_000);
afterAll(() => {
  Object.assign(globalThis, saved);
});

/** The README's ```mermaid blocks, as a Markdown parser (GitHub's rules) reads them. */
function diagrams(markdown: string): string[] {
  return parseMarkdown(markdown)
    .children.filter((node): node is Code => node.type === 'code' && node.lang === 'mermaid')
    .map((node) => node.value);
}

async function withDiagram(name: string, change: (draft: Draft) => Draft = (d) => d): Promise<Draft> {
  const { draft } = await loadDraft(fixture(name));
  return change({ ...draft, extras: { ...draft.extras, diagram: true } });
}

describe('the timeline diagram', () => {
  it('is a Mermaid timeline that Mermaid parses, in both templates', async () => {
    const draft = await withDiagram('seed-000-payment.yaml');
    for (const template of ['alx', 'sre']) {
      const [diagram, ...more] = diagrams(renderMarkdown(draft, { template: loadTemplate(template) }));
      expect(more).toEqual([]);
      expect(diagram!.split('\n').slice(0, 3)).toEqual([
        'timeline',
        '    title Payment service outage (times in UTC)',
        '    13#58;45 : Detection — Monitoring alerts showed a sudden increase in response ti…',
      ]);
      await expect(mermaid.parse(diagram!)).resolves.toMatchObject({ diagramType: 'timeline' });
    }
  });

  it('is left out unless asked for', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    expect(diagrams(renderMarkdown(draft))).toEqual([]);
  });

  it('groups an incident that spans days into a section per day', async () => {
    const draft = await withDiagram('seed-003-messaging.yaml');
    const [diagram] = diagrams(renderMarkdown(draft));
    expect(diagram).toMatch(/section May 1\n(.*\n)*\s+section May 2/);
    await expect(mermaid.parse(diagram!)).resolves.toBeTruthy();
  });

  it('across the night the clocks go back, names both clocks and the one each time is on', async () => {
    const draft: Draft = {
      version: 1,
      title: 'Orders database failover',
      summary: { start: '2025-11-01 23:40', end: '2025-11-02 03:10', timezone: 'America/Chicago' },
      timeline: [
        { at: '2025-11-02 01:12 -05:00', kind: 'action', text: 'Failed over to the replica' },
        { at: '2025-11-02 01:12', kind: 'misleading', text: 'Restarted the pooler' },
        { at: '2025-11-02 02:20', kind: 'resolution', text: 'Writes recovered' },
      ],
      extras: { diagram: true },
    };
    const [diagram] = diagrams(renderMarkdown(draft));
    expect(diagram!.split('\n').filter((line) => /title|\d#58;/.test(line))).toEqual([
      '    title Orders database failover (times in CDT, then CST)',
      '    01#58;12 CDT : Action — Failed over to the replica',
      '    01#58;12 CST : Misleading path — Restarted the pooler',
      '    02#58;20 CST : Resolution — Writes recovered',
    ]);
    await expect(mermaid.parse(diagram!)).resolves.toBeTruthy();
  });

  it('survives any text an author types: the block stays one block and Mermaid parses it (property)', async () => {
    const nasty = fc.constantFrom(':', ';', '#', '%%', '`', '```', '\n', '<b>', '{x}', '"', "'", '|', '-->', 'end', 'section', 'title', ' ');
    const text = fc.array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, { minLength: 1, maxLength: 4 }), async (title, texts) => {
        const draft: Draft = {
          version: 1,
          title,
          summary: { timezone: 'UTC', start: '2023-08-02 13:00', end: '2023-08-02 15:00' },
          timeline: texts.map((t, i) => ({ at: `2023-08-02 13:${String(i * 10).padStart(2, '0')}`, kind: 'action', text: t.trim() === '' ? 'x' : t })),
          extras: { diagram: true },
        };
        const found = diagrams(renderMarkdown(draft));
        expect(found).toHaveLength(1);
        await mermaid.parse(found[0]!);
      }),
      { numRuns: runs(150) },
    );
  }, 120_000);
});
