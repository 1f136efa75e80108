import { describe, expect, it } from 'vitest';
import { importPostmortem } from '../../src/import/import-postmortem.js';
import { parseDocument } from '../../src/import/document.js';
import { findMoments } from '../../src/import/moments.js';
import { readZoneWord } from '../../src/time/zone-abbreviations.js';

/* The parser-based import on the ways real postmortems are written (ISSUE-13). */

const at = (text: string) => importPostmortem(text).draft.timeline?.map((e) => e.at);

describe('Markdown, HTML and text through parsers', () => {
  it('setext headings, a table timeline found by content, positions as line numbers', () => {
    const result = importPostmortem(`Checkout outage
===============

Issue Summary
-------------

Duration: March 6, 2025, 14:30 - 14:45 UTC

Timeline
--------

| Event | When (UTC) |
|---|---|
| Alert fired on error rate | 14:30 |
| Rolled back deploy | 14:35 |
| Service restored | 14:45 |
`);
    expect(result.draft.title).toBe('Checkout outage');
    expect(result.draft.summary).toMatchObject({ start: '2025-03-06 14:30', end: '2025-03-06 14:45', timezone: 'UTC' });
    expect(result.draft.timeline).toEqual([
      { at: '2025-03-06 14:30', kind: 'detection', text: 'Alert fired on error rate' },
      { at: '2025-03-06 14:35', kind: 'action', text: 'Rolled back deploy' },
      { at: '2025-03-06 14:45', kind: 'resolution', text: 'Service restored' },
    ]);
    expect(result.lines.timeline).toEqual([14, 15, 16]);
  });

  it('nested lists, front matter (title and date), bold pseudo-headings and Label: lines', () => {
    const { draft } = importPostmortem(`---
title: Search is down
date: 2024-02-10
---

**Timeline:**

- 09:00 Alert fired
  - 09:05 Paged the on-call
    - nested detail stays with its words

Impact: 12% of users saw errors.
`);
    expect(draft.title).toBe('Search is down');
    expect(draft.timeline?.slice(0, 2)).toEqual([
      { at: '2024-02-10 09:00', kind: 'detection', text: 'Alert fired' },
      { at: '2024-02-10 09:05', kind: 'detection', text: 'Paged the on-call' },
    ]);
    expect(JSON.stringify(draft)).toContain('nested detail stays with its words');
  });

  it('HTML pages through an HTML parser: entities decoded, &#x110000; harmless, x<y and y>z kept', () => {
    const { draft } = importPostmortem(`<!doctype html><html><body><h1>Cache &amp; queue outage</h1>
<h2>Timeline</h2><ul><li>10:00 UTC &mdash; Alert &#x110000; fired</li><li>10:20 UTC &ndash; Restored</li></ul>
<p>On 2023-01-02 we saw x&lt;y and y&gt;z.</p></body></html>`);
    expect(draft.title).toBe('Cache & queue outage');
    expect(draft.timeline?.map((e) => e.text)).toEqual(['Alert \uFFFD fired', 'Restored']);
    expect(parseDocument('A line with x<y and y>z in it.').lines[0]!.text).toBe('A line with x<y and y>z in it.');
    expect(importPostmortem('Before x<y and y>z after &#x110000;').draft.notes).toBe('Before x<y and y>z after \uFFFD');
  });

  it('plain text is read as paragraphs', () => {
    expect(parseDocument('one\ntwo\n\nthree').lines.map((l) => l.text)).toEqual(['one', 'two', 'three']);
  });
});

describe('sections through one table of names', () => {
  it('a ### Root cause under ## Root Cause and Resolution is the detailed cause, beside the summary line', () => {
    const { draft } = importPostmortem(`# Outage

## Issue Summary

- **Root cause:** an expired certificate.

## Root Cause and Resolution

### Root cause

The certificate on the gateway expired because the renewal job failed silently.

### Resolution

Renewed it.
`);
    expect(draft.summary?.rootCause).toBe('an expired certificate.');
    expect(draft.rootCause).toBe('The certificate on the gateway expired because the renewal job failed silently.');
    expect(draft.resolution).toBe('Renewed it.');
  });

  it('**Misleading Investigation/Debugging Paths:** and **Incident Escalation:** become entries, timed or not', () => {
    const { draft } = importPostmortem(`**Issue Summary:**

Duration: May 3, 2023, 10:00 AM - 11:00 AM UTC

**Misleading Investigation/Debugging Paths:**

We first suspected the database.

**Incident Escalation:**

At 10:40 AM UTC the payments team was paged.
`);
    expect(draft.timeline).toEqual([
      { kind: 'misleading', text: 'We first suspected the database.' },
      { at: '2023-05-03 10:40', kind: 'escalation', text: 'At 10:40 AM UTC the payments team was paged.' },
    ]);
  });

  it('a Duration: line is the window, never the title', () => {
    const { draft } = importPostmortem('Duration: 2 hours\n\nThe API was down.\n');
    expect(draft.title).toBe('The API was down.');
    expect(draft.notes).toContain('Duration: 2 hours');
  });
});

describe('times, dates and zones from the document', () => {
  it('a range with its date written after it ("14:30 - 14:45 UTC, March 6, 2025") dates both ends, across midnight too', () => {
    const summary = (line: string) => importPostmortem(`# Outage\n\n${line}\n\n## Timeline\n\n- 14:30 UTC: alert fired\n`).draft.summary;
    expect(summary('Duration: 14:30 - 14:45 UTC, March 6, 2025')).toMatchObject({ start: '2025-03-06 14:30', end: '2025-03-06 14:45', timezone: 'UTC' });
    expect(summary('Duration: 23:30 - 00:15 UTC, March 6, 2025')).toMatchObject({ start: '2025-03-06 23:30', end: '2025-03-07 00:15' });
    const result = importPostmortem('# Outage\n\nDuration: 14:30 - 14:45 UTC, March 6, 2025\n\n## Timeline\n\n- 14:30 UTC: alert fired\n');
    expect(result.draft.timeline?.[0]?.at).toBe('2025-03-06 14:30');
    expect(result.warnings.join(' ')).not.toContain('gives no date');
  });

  it('reads 22:00 PST, 14:30 UTC, March 6, 2025, 11:26-am-GMT, 0300hrs and 15.25', () => {
    const first = (text: string) => {
      const m = findMoments(text, { entry: true })[0]!;
      return [m.hour, m.minute, m.zone, m.date?.year, m.date?.month, m.date?.day];
    };
    expect(first('22:00 PST')).toEqual([22, 0, 'PST', undefined, undefined, undefined]);
    expect(first('14:30 UTC, March 6, 2025')).toEqual([14, 30, 'UTC', 2025, 3, 6]);
    expect(first('11:26-am-GMT: restarted')).toEqual([11, 26, 'GMT', undefined, undefined, undefined]);
    expect(first('0300hrs - paged')).toEqual([3, 0, undefined, undefined, undefined, undefined]);
    expect(first('15.25 rolled back')).toEqual([15, 25, undefined, undefined, undefined, undefined]);
    // Not times: versions, percentages.
    expect(findMoments('version 4.2.1 reached 99.95% of capacity')).toEqual([]);
  });

  it('a date on each entry, bare times inheriting it and rolling over midnight', () => {
    expect(at(`## Timeline
- Jan 5, 2024 23:50 UTC: alert
- 23:58: paged
- 00:20: restored
- Jan 7, 2024 09:00 UTC: review`)).toEqual(['2024-01-05 23:50', '2024-01-05 23:58', '2024-01-06 00:20', '2024-01-07 09:00']);
  });

  it('start and end from prose', () => {
    const { draft } = importPostmortem('## Summary\n\nThe outage began at 14:30 UTC, March 6, 2025 and was resolved by 14:45 UTC.\n');
    expect(draft.summary).toMatchObject({ start: '2025-03-06 14:30', end: '2025-03-06 14:45', timezone: 'UTC' });
  });

  it('the date from the title, the file name; never from the clock', () => {
    const timeline = '\n\n## Timeline\n\n- 10:00 alert\n- 10:30 fixed\n';
    expect(at(`# Outage of 12 August 2022${timeline}`)).toEqual(['2022-08-12 10:00', '2022-08-12 10:30']);
    expect(importPostmortem(`# Outage${timeline}`, { fileName: '2021-04-01-outage.md' }).draft.timeline?.[0]?.at).toBe('2021-04-01 10:00');
    const undated = importPostmortem(`# Outage${timeline}`);
    // The times as written, with no date made up.
    expect(undated.draft.timeline?.map((e) => [e.at, e.text])).toEqual([['10:00', 'alert'], ['10:30', 'fixed']]);
    expect(undated.warnings.join(' ')).toMatch(/no date/);
  });

  it('zone abbreviations to places; IST and CST decided by the document or flagged', () => {
    expect(importPostmortem('Duration: Jan 5, 2024 10:00 - 11:00 PST').draft.summary?.timezone).toBe('America/Los_Angeles');
    expect(importPostmortem('Duration: Jan 5, 2024 10:00 - 11:00 GMT+1').draft.summary?.timezone).toBe('+01:00');
    expect(importPostmortem('Duration: Jan 5, 2024 10:00 - 11:00 UTC+03:00').draft.summary?.timezone).toBe('+03:00');
    const india = importPostmortem('Our Bengaluru office saw it.\n\nDuration: Jan 5, 2024 10:00 - 11:00 IST');
    expect(['Asia/Kolkata', 'Asia/Calcutta']).toContain(india.draft.summary?.timezone);
    expect(india.warnings.join(' ')).toMatch(/India/);
    expect(readZoneWord('CST', 'our Beijing office')?.zone).toBe('Asia/Shanghai');
    expect(readZoneWord('CST')?.note).toMatch(/can mean US Central, China/);
    for (const word of ['EST', 'EDT', 'ET', 'Eastern', 'CDT', 'MST', 'BST', 'CET', 'CEST', 'WAT', 'CAT', 'EAT', 'SAST', 'JST', 'AEST', 'Z']) expect(readZoneWord(word), word).toBeDefined();
  });

  it('two timezones on the lines are reported', () => {
    const mixed = importPostmortem('## Timeline\n\n- Jan 5, 2024 10:00 UTC: a\n- 10:05 PST: b\n- 10:10 PDT: c');
    // PST and PDT are one clock (US Pacific), named as the document first writes it.
    expect(mixed.zones).toEqual(['UTC', 'PST']);
    expect(mixed.otherZones).toEqual([undefined, { written: '10:05 PST', zone: 'PST' }, { written: '10:10 PDT', zone: 'PDT' }]);
  });
});

describe('the users\' share', () => {
  it('is the share of users, not of requests; stated twice differently, it is noted', () => {
    const one = importPostmortem('## Summary\n\nAbout 47% of requests failed; 30% of our user base could not pay.');
    expect(one.draft.summary?.usersAffectedPercent).toBe(30);
    expect(one.shares).toEqual([]);
    const two = importPostmortem('## Summary\n\nImpact: all users were affected.\n\nLater we found 80% of users saw errors.');
    expect(two.shares.map((s) => s.percent).sort()).toEqual([100, 80]);
  });
});

describe('a time range is not a time with an offset', () => {
  it('13:30-13:45 is two times; 14:30-05:00 after a date is an offset', () => {
    const range = findMoments('### ~13:30-13:45', { entry: true });
    expect(range[0]?.zone).toBeUndefined();
    expect(findMoments('10:00-11:00 the nodes were drained')[0]?.zone).toBeUndefined();
    expect(findMoments('2024-03-06 14:30-05:00 alert fired', { entry: true })[0]?.zone).toBe('-05:00');
    const draft = importPostmortem('# Flood\n\n## Timeline\n\nAll times in CEST\n\n### 2018-04-18 13:00\n\nStarted.\n\n### ~13:30-13:45\n\nCulled.\n').zones;
    expect(draft).toEqual(['CEST']);
  });
});

describe('list markers as written', () => {
  it('06. and 3) keep their number and mark in notes, as a reader sees them', () => {
    expect(importPostmortem('06.').draft.notes).toBe('06.');
    expect(importPostmortem('3) item').draft.notes).toBe('3) item');
  });
});


describe('what hand-written postmortems by new authors say', () => {
  it('a timeline under a heading of no known name ("How it unfolded") is read as the timeline, across midnight', () => {
    const text = [
      'Billing batch stuck', '', 'What happened', 'The nightly billing batch hung on Feb 8 2025.', '', 'Impact', 'Invoices for 30% of customers were late.', '',
      'How it unfolded', '11:00pm - batch started on schedule.', '11:52pm - the "billing batch overdue" alert fired and paged Sam.',
      '12:10am - Sam thought the payment provider\'s API was slow and checked their status page.', '1:05am - called Dana (billing lead) for help.',
      '2:05am - batch finished, all invoices sent.', '', 'Why it happened', 'A report held a lock on the invoices table.',
    ].join('\n');
    const { draft } = importPostmortem(text);
    expect(draft.summary?.impact).toBe('Invoices for 30% of customers were late.');
    expect(draft.timeline?.map((e) => [e.at, e.kind])).toEqual([
      ['2025-02-08 23:00', 'action'], ['2025-02-08 23:52', 'detection'], ['2025-02-09 00:10', 'misleading'], ['2025-02-09 01:05', 'escalation'], ['2025-02-09 02:05', 'resolution'],
    ]);
  });

  it('the zone said once for all the times: "Times below are US Eastern (EST)", "All times in this report are in PST"', () => {
    expect(importPostmortem('# X\n\nThe batch hung on Feb 8 2025.\nTimes below are US Eastern (EST).\n\n## Timeline\n\n- 11:00pm - started\n').draft.summary?.timezone).toBe('America/New_York');
    expect(importPostmortem('# X\n\nAll times in this report are in PST.\n\n## Timeline\n\n- 2024-01-02 11:00 - started\n').draft.summary?.timezone).toBe('America/Los_Angeles');
  });

  it('an impact told in the summary, with no section of its own, is the impact', () => {
    const { draft } = importPostmortem('# API 502s\n\n## Summary\nOn March 12, 2024 between 14:05 UTC and 14:52 UTC, the public API returned HTTP 502 for about 40% of requests. Roughly 25% of customers saw failed checkouts.\nRoot cause: an expired certificate.\n\n## Timeline\n\n- 14:05 UTC: alert\n');
    expect(draft.summary?.impact).toBe('On March 12, 2024 between 14:05 UTC and 14:52 UTC, the public API returned HTTP 502 for about 40% of requests. Roughly 25% of customers saw failed checkouts.');
    expect(draft.summary?.rootCause).toBe('an expired certificate.');
  });

  it('a window written as "between 14:05 UTC and 14:52 UTC" or "From … until …" is the start and end', () => {
    expect(importPostmortem('# API 502s\n\nOn March 12, 2024 between 14:05 UTC and 14:52 UTC, the public API returned HTTP 502.\n').draft.summary).toMatchObject({ start: '2024-03-12 14:05', end: '2024-03-12 14:52', timezone: 'UTC' });
    expect(importPostmortem('# Search\n\nFrom November 5, 2024, 9:10 PM PST until November 6, 2024, 1:40 AM PST, search returned stale results.\n').draft.summary).toMatchObject({ start: '2024-11-05 21:10', end: '2024-11-06 01:40' });
    // A lone "from" is not a window.
    expect(importPostmortem('# Traffic\n\nTraffic builds from 6pm every day.\n').draft.summary?.end).toBeUndefined();
  });

  it('kinds from the words people use: an alert said first, a customer tweeting, someone called for help, an incident closed', async () => {
    const { guessKind } = await import('../../src/import/import-postmortem.js');
    expect(guessKind('PagerDuty alert: 5xx rate > 10% on api-gw')).toBe('detection');
    expect(guessKind('The disk watermark alert fired; the on-call engineer was paged')).toBe('detection');
    expect(guessKind('A customer tweeted that search returned nothing')).toBe('detection');
    expect(guessKind('called Dana (billing lead) for help')).toBe('escalation');
    expect(guessKind('Error rate back to baseline, incident closed')).toBe('resolution');
    expect(guessKind('Search results were fresh again and the incident was closed.')).toBe('resolution');
    expect(guessKind('Sam thought the payment provider\'s API was slow')).toBe('misleading');
    expect(guessKind('Restarted the batch worker.')).toBe('action');
  });

  it('the fix told in its own paragraph ("We paused…") or under "What we fixed" is the resolution', () => {
    const together = importPostmortem('# Search\n\n## Root Cause and Resolution\n\nA migration doubled every document and the disks filled.\n\nWe paused the migration and cleared the read-only block.\n').draft;
    expect(together.rootCause).toBe('A migration doubled every document and the disks filled.');
    expect(together.resolution).toBe('We paused the migration and cleared the read-only block.');
    const apart = importPostmortem('Batch stuck\n\nWhy it happened\nA report held a lock.\n\nWhat we fixed\nKilled the stuck query.\n').draft;
    expect(apart.resolution).toBe('Killed the stuck query.');
  });

  it('an item that says who does it by when is a task with an owner and a due date, under any heading', () => {
    const { draft } = importPostmortem('# Batch stuck on Feb 8 2025\n\n## What we will do\n\n- set a lock_timeout on the batch connection (Sam, Feb 14)\n- check capacity before migrations (owner: search-infra, due 2025-03-20)\n- write things down more\n');
    expect(draft.tasks).toEqual([
      { text: 'set a lock_timeout on the batch connection', owner: 'Sam', due: '2025-02-14' },
      { text: 'check capacity before migrations', owner: 'search-infra', due: '2025-03-20' },
    ]);
    expect(draft.measures).toEqual(['write things down more']);
  });
});

describe('who wrote it', () => {
  it('"Written by Sam K., reviewed by ops." near the top names the authors', () => {
    expect(importPostmortem('Billing batch stuck\n\nWritten by Sam K., reviewed by ops.\n\nImpact\nInvoices were late.\n').draft.authors).toEqual(['Sam K.']);
    expect(importPostmortem('# Outage\n\n*Authored by Ana Lima and Bo Chen*\n\n## Impact\nDown.\n').draft.authors).toEqual(['Ana Lima', 'Bo Chen']);
  });
});
