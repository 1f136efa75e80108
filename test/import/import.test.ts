import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/check/rubric.js';
import type { Draft } from '../../src/draft/schema.js';
import { importPostmortem } from '../../src/import/import-postmortem.js';
import { renderMarkdown } from '../../src/render/render.js';
import { validateDraft } from '../../src/draft/schema.js';

// The five postmortems the product was designed from, copied as they were written.
const SEEDS = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const seed = (prefix: string) => readFileSync(join(SEEDS, `seed-${prefix}.txt`), 'utf8');
const flat = (text: string) => text.replace(/[*_`#>|(),]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** Every line of the source (but the section headings it was sorted by) is somewhere in the draft. */
function expectNothingDropped(source: string, draft: Draft): void {
  const everything = flat(JSON.stringify(draft).replace(/\\n/g, ' ').replace(/\\"/g, '"'));
  const sectionHeading = /^(issue summary|summary|timeline|root cause( and resolution)?|corrective and preventative measures|tasks?( to address the issue)?|task list|improvements and fixes|resolution steps)\s*:?$/i;
  for (const line of source.split('\n')) {
    // Durations become the start and end fields; a stray "Â" (bad encoding) is dropped on purpose.
    if (/^\W*(outage )?duration\W*:/i.test(line)) continue;
    // A short label ending in a colon ("Actions Taken:") becomes the kind of the entries under it.
    if (/:\s*$/.test(line) && line.trim().length < 50) continue;
    const text = flat(line.replace(/Â/g, '').replace(/<[^>]+>/g, ' ').replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').replace(/^\[[ x]\]\s*/i, ''));
    if (text.length < 4 || sectionHeading.test(text)) continue;
    // The last words of the line: its labels, times and bullets may be reformatted, its words not.
    const words = text.replace(/[\s.:;,]+$/, '').slice(-24).trim();
    if (words.length < 4) continue;
    expect(everything, `dropped: ${line}`).toContain(words);
  }
}

describe('importing the seeds', () => {
  it('seed 000: times, 15%, nine entries with their kinds, measures, tasks; the 30-minute claim checked', () => {
    const source = seed('000');
    const { draft } = importPostmortem(source);
    expect(validateDraft(draft).ok).toBe(true);
    expect(draft.summary).toMatchObject({ timezone: 'UTC', start: '2023-08-02 13:45', end: '2023-08-02 15:30', usersAffectedPercent: 15 });
    expect(draft.summary?.rootCause).toMatch(/^The root cause of the outage was a database connection leak.*subsequent service degradation\.$/);
    expect(draft.timeline?.map((e) => `${e.at?.slice(11)} ${e.kind}`)).toEqual([
      '13:45 detection', '13:50 misleading', '14:00 misleading', '14:15 action', '14:30 misleading', '14:45 action', '15:00 escalation', '15:15 action', '15:30 resolution',
    ]);
    expect(draft.detectedBy).toBe('monitoring');
    expect(draft.measures).toHaveLength(5);
    expect(draft.tasks?.[0]?.text).toMatch(/^Patch the payment processing module/);
    expect(draft.tasks).toHaveLength(6);
    expectNothingDropped(source, draft);
    const report = checkDraft(draft);
    expect(report.findings.map((f) => f.quote)).toContain('30-minute');
  });

  it('seed 001: 12-hour times, a bold summary, numbered resolution steps, a task list', () => {
    const source = seed('001');
    const { draft } = importPostmortem(source);
    expect(draft.summary).toMatchObject({ timezone: 'UTC', start: '2024-08-14 02:00', end: '2024-08-14 04:30', usersAffectedPercent: 60 });
    expect(draft.timeline).toHaveLength(9);
    expect(draft.timeline?.at(-1)).toEqual({ at: '2024-08-14 04:30', kind: 'resolution', text: 'The service was fully restored, and normal operations resumed.' });
    expect(draft.resolution).toBe('1. Rolled back the faulty deployment to the last stable version.\n2. Deployed a hotfix to correct the connection handling code.\n3. Reset the database connection pool to restore normal operations.');
    expect(draft.tasks?.map((t) => t.text)).toHaveLength(4);
    expectNothingDropped(source, draft);
  });

  it('seed 002: bold pseudo-headings, labelled timeline items without times, prose kept in notes', () => {
    const source = seed('002');
    const { draft } = importPostmortem(source);
    expect(draft.summary).toMatchObject({ start: '2023-06-15 10:00', end: '2023-06-15 11:30', usersAffectedPercent: 20 });
    expect(draft.timeline?.map((e) => e.kind)).toEqual(['detection', 'action', 'misleading', 'escalation', 'resolution']);
    expect(draft.timeline?.[0]).toMatchObject({ at: '2023-06-15 10:00' });
    expect(draft.rootCause).toMatch(/^A connection leak in the checkout service code/);
    expect(draft.notes).toContain('On June 15, 2023, our e-commerce platform experienced an outage');
    expectNothingDropped(source, draft);
  });

  it('seed 003: days in each time, nested labelled lists; the 4:00 PM resolution after the 12:00 PM end checked', () => {
    const source = seed('003');
    const { draft } = importPostmortem(source);
    expect(draft.title).toBe('Postmortem: Web Stack Outage Incident');
    expect(draft.summary).toMatchObject({ timezone: 'GMT', start: '2023-05-01 10:00', end: '2023-05-02 12:00', usersAffectedPercent: 75 });
    expect(draft.detectedBy).toBe('engineer');
    expect(draft.timeline?.find((e) => e.at === '2023-05-02 16:00')?.kind).toBe('resolution');
    expect(draft.resolution).toMatch(/^To fix the issue, the team optimized/);
    expect(draft.tasks).toHaveLength(5);
    expectNothingDropped(source, draft);
    const messages = checkDraft(draft).findings.map((f) => f.message);
    expect(messages).toContain('"The issue was ultimately resolved on Ma…" at 2023-05-02 16:00 is after the end (2023-05-02 12:00 GMT).');
  });

  it('seed 004: a page copied from GitHub as plain text, with its chrome and no bullets', () => {
    const source = seed('004');
    const { draft } = importPostmortem(source);
    expect(draft.title).toBe('Outage Postmortem: Web Stack Debugging Project');
    expect(draft.summary).toMatchObject({ start: '2023-08-07 14:30', end: '2023-08-07 18:45', usersAffectedPercent: 35 });
    expect(draft.timeline).toHaveLength(10);
    expect(draft.resolution).toContain('- Identified and fixed the database connection leak in the codebase.');
    expect(draft.tasks).toHaveLength(7);
    expect(draft.measures).toHaveLength(6);
    expectNothingDropped(source, draft);
    expect(checkDraft(draft).findings).toEqual([]);
  });

  it.each(['000', '001', '002', '003', '004'])('seed %s renders to a README with its facts', (prefix) => {
    const { draft } = importPostmortem(seed(prefix));
    const readme = renderMarkdown(draft);
    // Said once: in the impact as written, or in the sentence the layout adds when the impact does not say it.
    expect(readme).toMatch(new RegExp(`${draft.summary?.usersAffectedPercent}% of (our )?(active )?users`));
    for (const entry of draft.timeline ?? []) expect(readme).toContain(entry.text!.slice(0, 30).replace(/\*/g, '\\*'));
  });
});

describe('importing the ways people write postmortems', () => {
  it('HTML headings and paragraphs, a zone per line, an IANA zone in the duration', () => {
    const { draft } = importPostmortem(`<h1>Checkout outage</h1>
<h2>Issue Summary</h2>
<p><strong>Duration:</strong> 2023-03-01 16:00 – 2023-03-01 17:30 (Europe/Berlin)</p>
<p><strong>Impact:</strong> Checkout failed for 12% of users.</p>
<h2>Timeline</h2>
<p>16:15 GMT+1: Alert fired on the checkout error rate.</p>
<p>16:40 GMT+1: Escalated to the payments team.</p>
<p>17:30 GMT+1: Service restored.</p>
<h2>Root Cause and Resolution</h2>
<p>A certificate expired. To fix the issue, the team renewed it.</p>`);
    expect(draft.title).toBe('Checkout outage');
    expect(draft.summary).toMatchObject({ timezone: 'Europe/Berlin', start: '2023-03-01 16:00', end: '2023-03-01 17:30', usersAffectedPercent: 12 });
    expect(draft.timeline).toEqual([
      { at: '2023-03-01 16:15', kind: 'detection', text: 'Alert fired on the checkout error rate.' },
      { at: '2023-03-01 16:40', kind: 'escalation', text: 'Escalated to the payments team.' },
      { at: '2023-03-01 17:30', kind: 'resolution', text: 'Service restored.' },
    ]);
    expect(draft.rootCause).toBe('A certificate expired.');
    expect(draft.resolution).toBe('To fix the issue, the team renewed it.');
  });

  it('bold pseudo-headings, bold times with the zone in them, emoji and bold labels', () => {
    const { draft } = importPostmortem(`**Issue Summary:**
- Start: Aug 2 2023 10:00 AM UTC
- End: Aug 2 2023 11:15 AM UTC

**Timeline:**
- **10:05 AM**: 🚨 **Alert**: Error rate above 5%.
- **10:30 AM (UTC):** Rolled back release 4.2.
- **11:15 AM**: Recovered, back to normal.`);
    expect(draft.summary).toMatchObject({ timezone: 'UTC', start: '2023-08-02 10:00', end: '2023-08-02 11:15' });
    expect(draft.timeline).toEqual([
      { at: '2023-08-02 10:05', kind: 'detection', text: '🚨 Alert: Error rate above 5%.' },
      { at: '2023-08-02 10:30', kind: 'action', text: 'Rolled back release 4.2.' },
      { at: '2023-08-02 11:15', kind: 'resolution', text: 'Recovered, back to normal.' },
    ]);
  });

  it('plain "Timeline:" lines, "08:30 AM UTC - text", "- 02:47 text", a time with its words on the next line, past midnight', () => {
    const { draft } = importPostmortem(`Database failover outage

Issue Summary:
Duration: May 3, 2023, 11:40 PM to May 4, 2023, 3:10 AM (UTC)

Timeline:
11:45 PM UTC - Pager went off for replication lag.
- 00:30 Suspected the network, which turned out fine.
02:47
    Failover completed by hand.
03:10 AM UTC - Traffic back to normal.`);
    expect(draft.title).toBe('Database failover outage');
    expect(draft.summary).toMatchObject({ start: '2023-05-03 23:40', end: '2023-05-04 03:10' });
    expect(draft.timeline?.map((e) => [e.at, e.kind, e.text])).toEqual([
      ['2023-05-03 23:45', 'detection', 'Pager went off for replication lag.'],
      ['2023-05-04 00:30', 'misleading', 'Suspected the network, which turned out fine.'],
      ['2023-05-04 02:47', 'action', 'Failover completed by hand.'],
      ['2023-05-04 03:10', 'resolution', 'Traffic back to normal.'],
    ]);
  });

  it('keeps what it cannot place, and a file of nothing but prose, in notes', () => {
    const { draft, found } = importPostmortem('We had a bad day.\n\nNobody knows why yet.');
    expect(draft.notes).toBe('We had a bad day.\nNobody knows why yet.');
    expect(found.notes).toBe(2);
  });
});
