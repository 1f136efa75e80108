import { describe, expect, it } from 'vitest';
import { firstUnfinishedSection, progressSummary, sectionProgress } from '../../src/draft/progress.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { fixture } from '../support/temp.js';

describe('section progress', () => {
  it('counts nothing done in an empty draft and resumes at the start', () => {
    const draft = { version: 1 };
    expect(progressSummary(draft)).toEqual({ done: 0, total: 7 });
    expect(firstUnfinishedSection(draft)).toBe('basics');
  });

  it('names the missing parts of each section', () => {
    const draft = {
      version: 1,
      title: 'Outage',
      summary: { start: '2023-08-02 13:45', timezone: 'UTC' },
      timeline: [{ at: '13:45', kind: 'detection' as const, text: 'Alert fired.' }],
    };
    const missing = Object.fromEntries(sectionProgress(draft).map((p) => [p.section.id, p.missing]));
    expect(missing.basics).toEqual([]);
    expect(missing.summary).toEqual(['end time', 'impact', 'share of users affected', 'one-sentence root cause']);
    expect(missing.timeline).toEqual(['how it was detected', 'action', 'resolution']);
    expect(missing.misleading).toEqual(['misleading']);
    expect(firstUnfinishedSection(draft)).toBe('summary');
  });

  it('finds a complete seed complete and goes straight to review', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    expect(progressSummary(draft)).toEqual({ done: 7, total: 7 });
    expect(firstUnfinishedSection(draft)).toBe('review');
  });
});
