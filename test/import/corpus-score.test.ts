import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CorpusResult,
  ROOT,
  droppedLines,
  evaluateCorpus,
  listCorpus,
  missingTotals,
  recordedBars,
  sameZone,
  scoreFacts,
  scoreMissing,
} from '../../scripts/corpus-score.mjs';

// The corpus of real postmortems (test/fixtures/corpus) through the BUILT command (its bundle,
// every import and check in one process), as `npm run eval:import` runs it. The bars are the numbers README.md records under "Import accuracy":
// raising them there is the only way to move them.
const bars = recordedBars(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('the corpus score', () => {
  let result: CorpusResult;
  beforeAll(() => {
    result = evaluateCorpus();
  }, 300_000);

  it('holds at least 40 public postmortems beside the five seeds, every one with its facts, source and licence', () => {
    const docs = listCorpus();
    const seeds = docs.filter((d) => String((d.meta as Record<string, unknown>).source).startsWith('seed'));
    expect(seeds).toHaveLength(5);
    expect(docs.length - seeds.length).toBeGreaterThanOrEqual(40);
    for (const doc of docs) {
      const meta = doc.meta as Record<string, unknown>;
      expect(meta.licence, doc.name).toBeTruthy();
      expect(['alx', 'industry'], doc.name).toContain(meta.style);
      if (!seeds.includes(doc)) expect(meta.source, doc.name).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
    }
  });

  it('does not fall below the overall score recorded in the README', () => {
    expect(bars.score, 'README.md records "overall score: **N%**" under Import accuracy').not.toBeNull();
    const below = result.documents.filter((d) => d.right / d.total < 0.6).map((d) => `${d.name} ${d.right}/${d.total}`);
    const summary = `overall ${pct(result.overall)} (${result.right}/${result.total}); below 60%: ${below.join(', ')}`;
    expect(Number((result.overall * 100).toFixed(1)), summary).toBeGreaterThanOrEqual(bars.score!);
  });

  it('import and check never crash on a corpus document: exit 0, 1 or 2, never 70', () => {
    for (const doc of result.documents) {
      expect([0, 1, 2], `${doc.name}: import exited ${doc.importExit} ${doc.importError}`).toContain(doc.importExit);
      expect([0, 1, 2], `${doc.name}: check exited ${doc.checkExit}`).toContain(doc.checkExit);
    }
  });

  // The issue asks that no line be dropped; today's importer drops some. The count may not rise
  // above the number the README records (the rewrite brings it down to 0).
  it('drops no more whole lines than the README records (every word of a line in the draft or its notes)', () => {
    expect(bars.dropped, 'README.md records "dropped lines: **N**" under Import accuracy').not.toBeNull();
    const lines = result.documents.flatMap((d) =>
      d.dropped === null ? [`${d.name}: no draft`] : d.dropped.map((l) => `${d.name}:${l.line}: ${l.text.trim().slice(0, 100)}`),
    );
    expect(result.droppedLines, `dropped lines:\n${lines.join('\n')}`).toBeLessThanOrEqual(bars.dropped!);
  });

  // `check` on a document reports "X is missing" only for what the document does not state
  // (`states:` in each facts file, read by hand): the false ones may not rise, the recall not fall.
  it('reports missing no more parts the documents state than the README records, and as many they do not', () => {
    expect(bars.falseMissing, `README.md records "false 'missing' findings: **N**" under Import accuracy`).not.toBeNull();
    expect(bars.missingRecall, `README.md records "'missing' recall: **N%**" under Import accuracy`).not.toBeNull();
    const wrong = result.documents.flatMap((d) => d.missing.filter((m) => !m.ok).map((m) => `${d.name}: ${m.part} ${m.reported ? 'reported missing but stated' : 'missing but not reported'}`));
    expect(result.missing.falseMissing, wrong.join('\n')).toBeLessThanOrEqual(bars.falseMissing!);
    expect(Number((result.missing.recall * 100).toFixed(1)), wrong.join('\n')).toBeGreaterThanOrEqual(bars.missingRecall!);
  });
});

describe('the scoring itself', () => {
  it('matches zones by name, abbreviation, offset or IANA name, and nothing else', () => {
    expect(sameZone('GMT+1', 'UTC+01:00')).toBe(true);
    expect(sameZone('GMT + 1', '+01:00')).toBe(true);
    expect(sameZone('PST', 'America/Los_Angeles')).toBe(true);
    expect(sameZone('UTC', 'GMT')).toBe(true);
    expect(sameZone('EAT', 'Africa/Nairobi')).toBe(true);
    expect(sameZone('CAT', 'EAT')).toBe(false);
    expect(sameZone('PST', 'EST')).toBe(false);
    expect(sameZone('UTC', null)).toBe(false);
  });

  it('scores times by the minute, "HH:MM" facts by the time part, and null facts by absence', () => {
    const facts = {
      title: 'Outage Postmortem', start: '14:30', end: '2024-03-06 15:45', zone: 'UTC', usersAffectedPercent: null,
      timedEntries: 2, misleading: true, escalation: false, contradictions: ['two-zones'],
    };
    const draft = {
      title: 'Outage postmortem!',
      summary: { start: '2024-03-06 14:30', end: '2024-03-06 15:45', timezone: 'GMT' },
      timeline: [{ at: '2024-03-06 14:30', kind: 'misleading', text: 'x' }, { at: '2024-03-06 15:00', kind: 'action', text: 'y' }, { kind: 'action', text: 'z' }],
    };
    const check = { problems: [{ section: 'Timeline', message: '"16:00 EDT" is in EDT, but the postmortem\'s times are in UTC: give every time in one timezone.' }] };
    expect(scoreFacts(facts, draft, check).filter((r) => !r.ok)).toEqual([]);
    expect(scoreFacts(facts, null, null).every((r) => !r.ok)).toBe(true);
  });

  it('scores a "missing" finding right when it is reported exactly for a part the document does not state', () => {
    const meta = { facts: { misleading: true, escalation: false }, states: { impact: true, tasks: false, zone: true } };
    const check = { problems: [{ message: 'impact is missing: impact: what was down' }, { message: 'tasks is missing: specific tasks' }, { message: 'no escalation entry: who was it escalated to?' }] };
    const scored = Object.fromEntries(scoreMissing(meta, check).map((r) => [r.part, r.ok]));
    expect(scored).toMatchObject({ impact: false, tasks: true, zone: true, misleading: true, escalation: true });
    expect(missingTotals([scoreMissing(meta, check)])).toMatchObject({ reported: 3, falseMissing: 1 });
    expect(recordedBars("### Import accuracy\nfalse 'missing' findings: **7**; 'missing' recall: **91.5%**")).toMatchObject({ falseMissing: 7, missingRecall: 91.5 });
  });

  it('reports a line cut short, and not one whose time, label or markup became structure', () => {
    const draft = { timeline: [{ at: '2024-03-06 14:30', kind: 'detection', text: 'Alert fired on the **API**.' }], notes: 'x and z' };
    expect(droppedLines('- **14:30 UTC:** Alert fired on the API.\n\n## Timeline\n', draft)).toEqual([]);
    expect(droppedLines('x<y and y>z\n', draft).map((d) => d.line)).toEqual([1]);
  });
});
