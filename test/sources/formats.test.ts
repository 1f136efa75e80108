import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/sources/candidate.js';
import { detectFormat } from '../../src/sources/read-source.js';
import { BERLIN, NEW_YORK, UTC, iso, readAll, sourceFixture } from './support.js';

/*
 * One fixture per vendor format, hand-built from the vendor's documentation (see
 * test/fixtures/sources/README.md), read as a person would want them in a timeline.
 */

const FORMAT_OF: Record<string, string | undefined> = {
  'pagerduty-log-entries.json': 'pagerduty-log',
  'pagerduty-incidents.csv': 'pagerduty-csv',
  'opsgenie-alert-logs.json': 'opsgenie-log',
  'opsgenie-alerts.csv': 'opsgenie-csv',
  'alertmanager-webhook.json': 'alertmanager',
  'alertmanager-webhooks.ndjson': 'alertmanager',
  'alertmanager-webhooks-array.json': 'alertmanager',
  'git-log.txt': 'git-log',
  'git-log-fuller.txt': 'git-log',
  'events.csv': 'csv',
  'events-semicolon.csv': 'csv',
  'events.tsv': 'csv',
  'events-epoch-ms.csv': 'csv',
  'events-us.csv': 'csv',
  'ambiguous-time.csv': 'csv',
  'ambiguous-text.csv': 'csv',
  'slack-export': 'slack-export',
  'slack-export.zip': 'slack-export',
  'slack-export-nested.zip': 'slack-export',
  'slack-history.json': 'slack-channel',
  'slack-messages-array.json': 'slack-channel',
  // Neither is a format: a zip of something else, and Slack's answer to a failed request.
  'not-an-export.zip': undefined,
  'slack-error.json': undefined,
};

const summary = (candidates: Candidate[]) => candidates.map((c) => [iso(c.at), c.kind ?? null, c.text.split('. ')[0]]);
const distinctKeys = (candidates: Candidate[]) => new Set(candidates.map((c) => c.key)).size;

describe('detectFormat', () => {
  it('names the right format for every fixture', async () => {
    const names = readdirSync(sourceFixture('')).filter((name) => name !== 'README.md' && name !== 'chat');
    expect(names.sort()).toEqual(Object.keys(FORMAT_OF).sort());
    for (const name of names) expect((await detectFormat(sourceFixture(name)))?.id, name).toBe(FORMAT_OF[name]);
    // Every chat log and copy, whatever the client, is chat text (not a CSV, not git).
    const chats = readdirSync(sourceFixture('chat'));
    expect(chats.length).toBeGreaterThan(10);
    for (const name of chats) expect((await detectFormat(sourceFixture(`chat/${name}`)))?.id, name).toBe('chat-text');
  });
});

describe('PagerDuty', () => {
  it('log entries: the trigger is the detection, offsets converted, the page folded, the note first', async () => {
    const found = await readAll(sourceFixture('pagerduty-log-entries.json'));
    expect(summary(found)).toEqual([
      ['2024-08-14T14:02:11.000Z', 'detection', 'Triggered through the API: Checkout error rate above 5%'],
      ['2024-08-14T14:02:14.000Z', null, 'Paged: Checkout error rate above 5%'],
      ['2024-08-14T14:02:15.000Z', null, 'Paged: Checkout error rate above 5%'],
      ['2024-08-14T14:02:15.000Z', null, 'Paged: Checkout error rate above 5%'],
      ['2024-08-14T14:12:15.000Z', 'escalation', 'Escalated to level 2 by timeout: Checkout error rate above 5%'],
      ['2024-08-14T14:12:17.000Z', null, 'Paged: Checkout error rate above 5%'],
      ['2024-08-14T14:14:02.000Z', 'action', 'Acknowledged by Tomasz Wright: Checkout error rate above 5%'],
      ['2024-08-14T14:21:40.000Z', 'action', 'Rolling back checkout deploy 2024.08.14-3; connection pool exhausted'],
      ['2024-08-14T14:48:05.000Z', 'resolution', 'Resolved by Tomasz Wright: Checkout error rate above 5%'],
    ]);
    const pages = found.filter((c) => c.text.startsWith('Paged'));
    // One page to Ada by SMS, phone and push is one thing; the escalation's page ten minutes later is another.
    expect(new Set(pages.slice(0, 3).map((c) => c.key)).size).toBe(1);
    expect(pages[3]!.key).not.toBe(pages[0]!.key);
    expect(pages[0]!.people).toEqual(['Ada Okafor']);
    expect(found[0]).toMatchObject({ source: 'PagerDuty', author: 'Checkout API', bot: true, key: 'pagerduty:Q1HZ7EN1M2WV5R:trigger' });
    expect(found[0]!.text).toContain('Checkout 5xx ratio above 5% for 5 minutes. Incident #4182.');
    expect(found[6]).toMatchObject({ author: 'Tomasz Wright', bot: false, people: ['Tomasz Wright'] });
    expect(found.every((c) => c.source === 'PagerDuty')).toBe(true);
  });

  it('the incidents CSV: trigger, first acknowledgement (seconds after) and resolution, with the same keys as the log', async () => {
    const found = await readAll(sourceFixture('pagerduty-incidents.csv'));
    expect(summary(found)).toEqual([
      ['2024-08-14T14:02:11.000Z', 'detection', 'Triggered: Checkout error rate above 5%'],
      ['2024-08-14T14:14:02.000Z', 'action', 'Acknowledged by Tomasz Wright: Checkout error rate above 5%'],
      ['2024-08-14T14:48:05.000Z', 'resolution', 'Resolved by Tomasz Wright: Checkout error rate above 5%'],
      ['2024-08-14T14:09:30.000Z', 'detection', 'Triggered: Payments DB replica lag, 120s'],
      ['2024-08-14T14:31:00.000Z', 'resolution', 'Resolved automatically: Payments DB replica lag, 120s'],
    ]);
    const log = await readAll(sourceFixture('pagerduty-log-entries.json'));
    expect(found[0]!.key).toBe(log[0]!.key);
    expect(found[2]!.key).toBe(log.at(-1)!.key);
    expect(found[0]!.text).toContain('Service Checkout API. Urgency high.');
  });
});

describe('Opsgenie', () => {
  it('alert logs: created, paged (folded), escalated, acknowledged, a note, closed', async () => {
    const found = await readAll(sourceFixture('opsgenie-alert-logs.json'));
    expect(summary(found)).toEqual([
      ['2024-08-14T14:02:11.482Z', 'detection', 'Alert created: Checkout error rate above 5%'],
      ['2024-08-14T14:02:12.901Z', null, 'Paged the on-call'],
      ['2024-08-14T14:02:13.050Z', null, 'Paged the on-call'],
      ['2024-08-14T14:12:13.050Z', 'escalation', 'Alert escalated to [Payments_escalation] next level.'],
      ['2024-08-14T14:14:02.337Z', 'action', 'Alert acknowledged via Web.'],
      ['2024-08-14T14:21:40.019Z', 'action', 'Rolling back checkout deploy 2024.08.14-3'],
      ['2024-08-14T14:48:05.700Z', 'resolution', 'Alert closed automatically.'],
    ]);
    expect(found[1]!.key).toBe(found[2]!.key);
    expect(found[1]!.text).toContain('Sent [Voice] notification to [ada.okafor@example.com]');
    expect(found[4]).toMatchObject({ author: 'tomasz.wright@example.com', bot: false });
    expect(found[6]).toMatchObject({ author: 'System', bot: true });
  });

  it('the alerts CSV: each alert with its acknowledgement and close from the report columns', async () => {
    const found = await readAll(sourceFixture('opsgenie-alerts.csv'));
    expect(summary(found)).toEqual([
      ['2024-08-14T14:02:11.482Z', 'detection', 'Alert: Checkout error rate above 5%'],
      ['2024-08-14T14:14:02.482Z', 'action', 'Acknowledged by tomasz.wright@example.com: Checkout error rate above 5%.'],
      ['2024-08-14T14:48:05.482Z', 'resolution', 'Closed automatically: Checkout error rate above 5%.'],
      ['2024-08-14T14:09:30.000Z', 'detection', 'Alert: Payments DB replica lag, 120s'],
      ['2024-08-14T14:31:00.000Z', 'resolution', 'Closed automatically: Payments DB replica lag, 120s.'],
    ]);
    expect(found[0]!.text).toContain('Priority P1. Status closed, acknowledged.');
    expect(found[0]!.text).toContain('Occurred 4 times');
  });
});

describe('Alertmanager', () => {
  it('one payload: the firing alert by its summary, labels kept as detail', async () => {
    const [alert, ...rest] = await readAll(sourceFixture('alertmanager-webhook.json'));
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ at: Date.parse('2024-08-14T14:01:30.123Z'), kind: 'detection', source: 'Alertmanager', bot: true });
    expect(alert!.text).toBe(
      'CheckoutHighErrorRate firing: Checkout error rate above 5%. 5xx ratio is 8.3% on checkout-1:8080 over the last 5 minutes. Severity page. Labels: instance=checkout-1:8080, job=checkout-api, severity=page.',
    );
  });

  it('payloads one per line or in an array read alike; repeated notifications fold, a resolved alert has its end', async () => {
    const lines = await readAll(sourceFixture('alertmanager-webhooks.ndjson'));
    const array = await readAll(sourceFixture('alertmanager-webhooks-array.json'));
    expect(array.map(({ origin, ...rest }) => rest)).toEqual(lines.map(({ origin, ...rest }) => rest));
    expect(lines).toHaveLength(13);
    expect(distinctKeys(lines)).toBe(6);
    const resolutions = lines.filter((c) => c.kind === 'resolution');
    expect(resolutions.map((c) => [iso(c.at), c.text.split(': ')[0]])).toEqual([
      ['2024-08-14T14:31:00.000Z', 'PaymentsReplicaLag resolved'],
      ['2024-08-14T14:47:30.000Z', 'CheckoutHighErrorRate resolved'],
      ['2024-08-14T14:48:00.000Z', 'CheckoutHighErrorRate resolved'],
    ]);
    // Every firing notification of one alert (one fingerprint, one start) has the same key.
    const firstCheckout = lines.filter((c) => c.kind === 'detection' && c.text.includes('checkout-1'));
    expect(firstCheckout.length).toBeGreaterThan(1);
    expect(new Set(firstCheckout.map((c) => c.key)).size).toBe(1);
  });
});

describe('git log output in a file', () => {
  it('reads the default layout: merges by their pull request, tags first, the branch from HEAD', async () => {
    const found = await readAll(sourceFixture('git-log.txt'));
    expect(found.map((c) => [iso(c.at), c.source, c.author, c.text])).toEqual([
      ['2024-08-14T14:31:12.000Z', 'git (main)', 'Tomasz Wright', 'Tagged v2024.08.14-4: Revert "Raise checkout DB pool to 200 connections". Commit 9b2f4c1.'],
      ['2024-08-14T13:40:05.000Z', 'git (main)', 'Ada Okafor', 'Merged pull request #812: Raise checkout DB pool to 200 connections. Merge commit 7c6b5a4 of acme/pool-size.'],
      ['2024-08-13T22:15:40.000Z', 'git (main)', 'dependabot[bot]', 'Bump express from 4.19.1 to 4.19.2. Commit 2a1b3c4.'],
    ]);
    expect(found.map((c) => c.bot)).toEqual([false, false, true]);
    expect(found.every((c) => c.kind === 'action')).toBe(true);
  });

  it('the fuller layout is placed at its commit date, not its author date', async () => {
    const [commit] = await readAll(sourceFixture('git-log-fuller.txt'));
    expect(iso(commit!.at)).toBe('2024-08-14T14:31:12.000Z');
    expect(commit!.source).toBe('git (release)');
  });
});

describe('generic CSV', () => {
  it('finds the time and text columns; quoted commas, quotes and line breaks kept; offsets converted', async () => {
    const found = await readAll(sourceFixture('events.csv'), { zone: NEW_YORK });
    expect(summary(found)).toEqual([
      ['2024-08-14T14:01:30.000Z', null, 'Checkout 5xx ratio crossed 5%'],
      ['2024-08-14T14:05:00.000Z', null, 'Paged the payments on-call, no answer yet'],
      ['2024-08-14T14:21:40.000Z', null, 'Rolling back deploy 2024.08.14-3'],
      ['2024-08-14T14:48:05.700Z', null, 'Error ratio back under 0.1%'],
    ]);
    expect(found[2]!.text).toBe('Rolling back deploy 2024.08.14-3. Pool exhaustion suspected, see "db-pool" dashboard. service: checkout-api; severity: info.');
    expect(found[0]).toMatchObject({ source: 'events.csv', origin: 'line 2' });
  });

  it('a byte-order mark, semicolons, CRLF and day-first dates read in the incident zone', async () => {
    const found = await readAll(sourceFixture('events-semicolon.csv'), { zone: BERLIN });
    expect(found.map((c) => [iso(c.at), c.text])).toEqual([
      ['2024-08-14T14:01:00.000Z', 'Fehlerquote \u00fcber 5 %, Alarm ausgel\u00f6st. Dienst: checkout.'],
      ['2024-08-14T14:14:00.000Z', 'Rufbereitschaft best\u00e4tigt; Rollback l\u00e4uft. Dienst: checkout.'],
      ['2024-08-14T14:48:00.000Z', 'Fehlerquote wieder normal Vorfall geschlossen. Dienst: checkout.'],
    ]);
  });

  it('tabs and epoch seconds; no header and epoch milliseconds; US dates with AM/PM and an author column', async () => {
    expect((await readAll(sourceFixture('events.tsv'))).map((c) => iso(c.at))).toEqual(['2024-08-14T14:01:30.000Z', '2024-08-14T14:14:02.000Z', '2024-08-14T14:48:05.000Z']);
    const headless = await readAll(sourceFixture('events-epoch-ms.csv'));
    expect(headless.map((c) => [iso(c.at), c.text])).toEqual([
      ['2024-08-14T14:01:30.000Z', 'Error rate alert fired on checkout-1. column 3: page.'],
      ['2024-08-14T14:14:02.337Z', 'On-call acknowledged the page. column 3: info.'],
      ['2024-08-14T14:48:05.700Z', 'Error rate back to normal. column 3: info.'],
    ]);
    const us = await readAll(sourceFixture('events-us.csv'), { zone: NEW_YORK });
    expect(us.map((c) => [iso(c.at), c.author, c.text])).toEqual([
      ['2024-08-14T14:01:00.000Z', 'Ada Okafor', 'Checkout errors climbing past 5 percent.'],
      ['2024-08-14T14:14:00.000Z', 'Tomasz Wright', 'Acknowledged the page and started the rollback.'],
      ['2024-08-14T14:48:00.000Z', 'Tomasz Wright', 'Error rate is back to normal.'],
    ]);
  });

  it('two time columns or two text columns that cannot be told apart are asked about', async () => {
    await expect(readAll(sourceFixture('ambiguous-time.csv'))).rejects.toMatchObject({
      name: 'AmbiguousColumnsError',
      header: ['id', 'first_seen', 'last_seen', 'message'],
      timeColumns: ['first_seen', 'last_seen'],
    });
    await expect(readAll(sourceFixture('ambiguous-text.csv'))).rejects.toMatchObject({
      name: 'AmbiguousColumnsError',
      timeColumns: ['time'],
      textColumns: ['details', 'message'],
      message: 'cannot tell which column holds the text: details, message.',
    });
    const chosen = await readAll(sourceFixture('ambiguous-time.csv'), { columns: { time: 'last_seen' } });
    expect(chosen.map((c) => iso(c.at))).toEqual(['2024-08-14T14:30:00.000Z', '2024-08-14T14:20:00.000Z', '2024-08-14T15:02:00.000Z']);
    const byNumber = await readAll(sourceFixture('ambiguous-text.csv'), { columns: { text: '2' } });
    expect(byNumber[0]!.text.startsWith('Checkout error rate above five percent.')).toBe(true);
  });

  it('a window keeps only the candidates from..to, both ends included', async () => {
    const from = Date.parse('2024-08-14T14:05:00Z');
    const to = Date.parse('2024-08-14T14:21:40Z');
    const found = await readAll(sourceFixture('events.csv'), { from, to, zone: UTC });
    expect(found.map((c) => iso(c.at))).toEqual(['2024-08-14T14:05:00.000Z', '2024-08-14T14:21:40.000Z']);
  });
});
