import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/check/rubric.js';
import type { Draft } from '../../src/draft/schema.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { fixture } from '../support/temp.js';

async function findings(name: string): Promise<string[]> {
  const { draft } = await loadDraft(fixture(name));
  return checkDraft(draft).findings.map((f) => `${f.section}: ${f.message}`);
}

describe('the rubric', () => {
  it.each(['seed-000-payment.yaml', 'seed-001-deployment.yaml', 'seed-004-webapp.yaml'])('passes the complete seed %s', async (name) => {
    expect(await findings(name)).toEqual([]);
  });

  it('finds what seed 003 lacks, and its resolution after its own end', async () => {
    expect(await findings('seed-003-messaging.yaml')).toEqual([
      'Timeline: no misleading path entry: what did you suspect first that turned out wrong?',
      'Timeline: no escalation entry: who was it escalated to?',
      'Timeline: "The messaging service was fully restore…" at 2023-05-02 16:00 is after the end (2023-05-02 12:00 GMT).',
      'Length: the graded sections have 163 words (wc -w); the rubric asks for 400–600: say more in the root cause and resolution.',
    ]);
  });

  it('names every missing part of an empty draft by section', () => {
    const report = checkDraft({ version: 1 });
    const sections = report.findings.map((f) => f.section);
    expect(new Set(sections)).toEqual(new Set(['Title', 'Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures', 'Length']));
    expect(report.findings.map((f) => f.message)).toContain('timezone is missing: timezone the times are written in');
    expect(report.findings.filter((f) => f.message.startsWith('no ')).map((f) => f.message.split(':')[0])).toEqual([
      'no detection entry', 'no action entry', 'no resolution entry', 'no misleading path entry', 'no escalation entry',
    ]);
  });

  it('checks values: percentage range, unreadable times, end before start, timezone, due dates, entries before the start', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    const broken: Draft = {
      ...draft,
      summary: { ...draft.summary, end: '2023-08-02 13:00', timezone: 'Mars/Base', usersAffectedPercent: 150 },
      timeline: [...(draft.timeline ?? []), { at: '2023-08-02 12:00', kind: 'other', text: 'A deploy went out.' }, { at: '25:99', kind: 'other', text: 'Odd.' }],
      tasks: [{ text: 'Patch it', due: 'soonish' }],
    };
    const messages = checkDraft(broken).findings.map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([
      'Mars/Base is not a timezone: use UTC, a place name such as Africa/Lagos, or an offset such as +01:00.',
      'end: The end (2023-08-02 13:00) must be after the start (2023-08-02 13:45).',
      'summary.usersAffectedPercent must be between 0 and 100 (it is 150).',
      '"A deploy went out." at 2023-08-02 12:00 is before the start (2023-08-02 13:45 UTC).',
      '"Odd." has a time that cannot be read: 25:99 is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.',
      'task 1: the due date "soonish" is not a date; write it like 2023-08-16.',
    ]));
  });

  it('flags a README that is too long', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    const long = { ...draft, rootCause: `${draft.rootCause}\n\n${'More detail. '.repeat(120)}` };
    expect(checkDraft(long).findings.map((f) => f.message)).toEqual([expect.stringMatching(/^the graded sections have \d+ words \(wc -w\); the rubric asks for 400–600: make it briefer\.$/)]);
  });

  it('says when a written timeline is out of order, once per entry that goes back in time', () => {
    const draft: Draft = {
      version: 1,
      summary: { start: '2023-08-02 13:45', end: '2023-08-02 15:30', timezone: 'UTC' },
      timeline: [
        { at: '2023-08-02 14:30', kind: 'action', text: 'Rolled back.' },
        { at: '2023-08-02 14:10', kind: 'detection', text: 'Alert fired.' },
        { at: '2023-08-02 14:20', kind: 'action', text: 'Paged the DBA.' },
        { at: '2023-08-02 15:00', kind: 'resolution', text: 'Recovered.' },
      ],
    };
    const order = checkDraft(draft).findings.filter((finding) => /out of order/.test(finding.message));
    expect(order.map((finding) => finding.path)).toEqual([['timeline', 1, 'at'], ['timeline', 2, 'at']]);
    expect(order[0]!.message).toBe('"Alert fired." at 2023-08-02 14:10 is earlier than the entry before it (2023-08-02 14:30): the timeline is out of order.');
    // The wizard keeps its timelines sorted: never a finding there.
    const sorted = { ...draft, timeline: [...draft.timeline!].sort((a, b) => a.at!.localeCompare(b.at!)) };
    expect(checkDraft(sorted).findings.some((finding) => /out of order/.test(finding.message))).toBe(false);
  });
});

describe('the length of a postmortem written by hand', () => {
  it('is its own words, not those of the README it would render to', () => {
    const document = `# Outage\n\n## Issue Summary\n\n${'word '.repeat(650)}\n`;
    const report = checkDraft({ version: 1, title: 'Outage' }, { document });
    expect(report.words).toBe(650);
    expect(report.findings.find((finding) => finding.section === 'Length')?.message).toBe('the document has 650 words (wc -w); the rubric asks for 400–600: make it briefer.');
    // Without `##` sections, every word but the title line's.
    expect(checkDraft({ version: 1 }, { document: `Outage report\n${'word '.repeat(450)}` }).words).toBe(450);
  });
});

describe('task due dates', () => {
  it('a due date before the incident is a finding; on or after it, none', () => {
    const draft = { version: 1, summary: { timezone: 'UTC', start: '2023-10-05 14:00' }, tasks: [{ text: 'Add alerts', due: '2023-10-01' }, { text: 'Patch', due: '2023-10-05' }, { text: 'Review', due: '2023-11-01' }] };
    const dueFindings = checkDraft(draft).findings.filter((f) => f.path?.[0] === 'tasks' && f.path[2] === 'due');
    expect(dueFindings.map((f) => f.message)).toEqual(['task 1: it is due 2023-10-01, before the incident (2023-10-05).']);
  });
});
