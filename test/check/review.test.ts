import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/check/rubric.js';
import { reviewDraft } from '../../src/check/review.js';
import { resolveIncident } from '../../src/draft/incident.js';
import type { Draft } from '../../src/draft/schema.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { fixture } from '../support/temp.js';

const review = (draft: Draft) => reviewDraft(draft, resolveIncident(draft));
const base: Draft = {
  version: 1,
  title: 'Payment outage',
  summary: { timezone: 'UTC', start: '2023-08-02 13:45', end: '2023-08-02 15:30', usersAffectedPercent: 15 },
};

describe('the reviewer', () => {
  it('finds seed 000\'s "30-minute outage" that its own times make 1 hour 45 minutes', async () => {
    const seed = (await loadDraft(fixture('seed-000-payment.yaml'))).draft;
    const original = {
      ...seed,
      summary: { ...seed.summary, impact: 'A 30-minute outage affecting our online payment service, causing slow transactions and service unavailability for approximately 15% of our users.' },
    };
    const { findings } = review(original);
    expect(findings).toEqual([
      {
        section: 'Issue Summary',
        path: ['summary', 'impact'],
        quote: '30-minute',
        message: '"A 30-minute outage affecting our online payment service, causing slow transactions and se…" says 30 minutes, but 13:45–15:30 UTC is 1 hour 45 minutes.',
      },
    ]);
    // The same draft through check: the rubric's findings and the reviewer's together.
    expect(checkDraft(original).findings.map((f) => f.quote)).toContain('30-minute');
  });

  it('lets a length that matches pass, and ignores lengths that are not of the outage', () => {
    const ok = { ...base, summary: { ...base.summary, impact: 'The outage lasted 1 hour and 45 minutes. Restarting took 5 minutes.' } };
    expect(review(ok).findings).toEqual([]);
    // A time written at the draft's own offset another way ("GMT+1" at +01:00) is the same clock.
    const lagos = { ...base, summary: { ...base.summary, timezone: '+01:00', impact: 'Checkout failed from 14:15 GMT+1 onwards.' } };
    expect(review(lagos).findings).toEqual([]);
    expect(review({ ...lagos, summary: { ...lagos.summary, impact: 'Checkout failed from 14:15 GMT+2 onwards.' } }).findings[0]).toMatchObject({ message: expect.stringContaining('is in GMT+2, but the postmortem') });
    // Written with a comma, it is still one length (it was read as "1 hour" and "45 minutes", both wrong).
    for (const written of ['1 hour, 45 minutes', '1 hour 45 minutes', '1h 45m']) {
      expect(review({ ...base, summary: { ...base.summary, impact: `Payments were down for ${written}.` } }).findings, written).toEqual([]);
    }
    const words = { ...base, rootCause: 'The service was down for two hours while the pool refilled.' };
    expect(review(words).findings[0]).toMatchObject({ section: 'Root Cause and Resolution', quote: 'two hours', message: expect.stringContaining('says 2 hours, but 13:45–15:30 UTC is 1 hour 45 minutes') });
  });

  it('finds percentages that disagree with the share of users affected', () => {
    const draft = { ...base, summary: { ...base.summary, impact: 'About 40% of users could not pay; 15% of our users saw errors.' } };
    expect(review(draft).findings).toEqual([
      expect.objectContaining({ section: 'Issue Summary', quote: '40% of users', message: '"40% of users" disagrees with the share of users affected given in the summary (15%).' }),
    ]);
  });

  it('finds times written in another timezone than the postmortem\'s', () => {
    const draft = { ...base, timeline: [{ at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alerts fired at 6:45 AM PDT.' }] };
    expect(review(draft).findings).toEqual([
      expect.objectContaining({ section: 'Timeline', path: ['timeline', 0, 'text'], quote: '6:45 AM PDT', message: '"6:45 AM PDT" is in PDT, but the postmortem\'s times are in UTC: give every time in one timezone.' }),
    ]);
    const same = { ...base, timeline: [{ at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alerts fired at 13:45 UTC (13:45 GMT).' }] };
    expect(review(same).findings).toEqual([]);
    // Pacific time written PST in August, when it is PDT: the same place's other clock, said so.
    const pacific = { ...base, summary: { ...base.summary, timezone: 'America/Los_Angeles' }, timeline: [{ at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alerts fired at 6:45 AM PST.' }] };
    expect(review(pacific).findings).toEqual([
      expect.objectContaining({ quote: '6:45 AM PST', message: '"6:45 AM PST" says PST, but on the incident\'s date America/Los_Angeles keeps PDT: write PDT.' }),
    ]);
  });

  it('finds blame: human error, a person as the cause, judging words', () => {
    const draft = {
      ...base,
      summary: { ...base.summary, rootCause: 'Human error during the deploy.' },
      rootCause: "It was John's mistake: the engineer forgot to run the migration, which was careless.",
    };
    const quotes = review(draft).findings.map((f) => `${f.section}: ${f.quote}`);
    expect(quotes).toEqual([
      'Issue Summary: Human error',
      'Root Cause and Resolution: careless',
      "Root Cause and Resolution: John's mistake",
      'Root Cause and Resolution: engineer forgot to',
    ]);
    expect(review({ ...base, rootCause: 'A missing check let a migration run twice.' }).findings).toEqual([]);
  });

  it('finds blame and a wrong length in the notes too (an imported document\'s unplaced words), and says the same words once', () => {
    const notes = review({ ...base, notes: 'The 30-minute outage was caused by human error.' }).findings.map((f) => `${f.section}: ${f.quote}`);
    expect(notes).toEqual(['Notes: 30-minute', 'Notes: human error']);
    // A summary's cause copied from the detail: one finding, not two.
    const copied = review({ ...base, summary: { ...base.summary, rootCause: 'Human error.' }, rootCause: 'Human error.' }).findings.filter((f) => f.quote === 'Human error');
    expect(copied).toHaveLength(1);
  });

  it('finds tasks that do not start with what to do, or are vague', () => {
    const draft = {
      ...base,
      tasks: [{ text: 'Add an alert on connection pool saturation' }, { text: 'Monitoring for the pool' }, { text: 'Improve monitoring' }, { text: 'Document the rollback, etc.' }],
    };
    expect(review(draft).findings.map((f) => [f.path, f.quote])).toEqual([
      [['tasks', 1, 'text'], 'Monitoring for the pool'],
      [['tasks', 2, 'text'], 'Improve'],
      [['tasks', 3, 'text'], 'etc'],
    ]);
  });

  it('works out the time to detect and to resolve', () => {
    const draft = { ...base, timeline: [{ at: '14:00', kind: 'action' as const, text: 'x' }, { at: '13:55', kind: 'detection' as const, text: 'Alert.' }] };
    expect(review(draft).timing).toEqual({ toDetect: 10, toResolve: 105 });
    expect(review({ version: 1 }).timing).toEqual({});
  });

  it('an incident across the night clocks go back may say both of its zone\'s names (EDT, then EST)', () => {
    const night: Draft = {
      version: 1,
      summary: { timezone: 'America/New_York', start: '2024-11-03 00:30', end: '2024-11-03 02:30' },
      timeline: [
        { at: '2024-11-03 01:20 -04:00', kind: 'action', text: 'first 1:20 (EDT)' },
        { at: '2024-11-03 01:20', kind: 'action', text: 'second 1:20 (EST)' },
        { at: '2024-11-03 01:25', kind: 'action', text: 'a note at 1:25 PST' },
      ],
    };
    const zones = review(night).findings.filter((f) => /\b(EDT|EST|PST)\b/.test(f.message)).map((f) => f.quote);
    expect(zones).toEqual(['1:25 PST']);
  });
});
