import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/render.js';
import { loadBuiltInTemplate } from '../../src/render/templates.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { fixture } from '../support/temp.js';

/*
 * The READMEs both layouts write for the tests' drafts pass markdownlint with its default
 * rules (line length aside: answers are paragraphs, one line each).
 */
const DRAFTS = ['seed-000-payment.yaml', 'seed-001-deployment.yaml', 'seed-003-messaging.yaml', 'seed-004-webapp.yaml'];

describe('rendered READMEs pass markdownlint', () => {
  for (const layout of ['alx', 'sre']) {
    it(layout, async () => {
      const template = loadBuiltInTemplate(layout);
      const strings: Record<string, string> = {};
      for (const name of DRAFTS) {
        const { draft } = await loadDraft(fixture(name));
        strings[name] = renderMarkdown({ ...draft, extras: { ...draft.extras, diagram: true, humor: 'It was DNS.', trigger: 'A deploy.', lessons: { wentWell: ['Paging worked.'], wentWrong: [], lucky: ['Low traffic.'] } } }, { template, draftPath: name });
      }
      strings.empty = renderMarkdown({ version: 1 }, { template });
      const results = lint({ strings, config: { default: true, MD013: false } });
      const findings = Object.entries(results).flatMap(([name, list]) => list.map((finding) => `${name}:${finding.lineNumber} ${finding.ruleNames.join('/')} ${finding.ruleDescription}${finding.errorDetail ? ` (${finding.errorDetail})` : ''}`));
      expect(findings).toEqual([]);
    });
  }
});
