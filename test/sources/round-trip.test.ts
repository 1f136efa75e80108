import fc from 'fast-check';
import { DateTime } from 'luxon';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/sources/read-source.js';
import { clause, sentence } from '../../src/sources/sentences.js';
import type { IncidentZone } from '../../src/time/zone.js';
import { runs } from '../support/property.js';
import { tempDir } from '../support/temp.js';
import { instant, readAll, wallTime, zoneOf } from './support.js';

/*
 * Random events at random moments (half of them on days the clocks change in New York or
 * London), written the way each vendor writes them, in a random zone, and read back in another:
 * the same moments, and each event's text where a person would want it.
 */

interface Event {
  at: number;
  text: string;
}

// Consonant-only words are never a vendor's own words ("notification", "created", "closed").
const word = fc.stringMatching(/^[b-df-hj-np-tv-z]{2,8}$/);
const gap = fc.constantFrom(' ', ' ', ' ', ', ', '; ', ' "', '" ', " '", ' - ', '\n', ' | ');
const phrase = fc
  .tuple(word, fc.array(fc.tuple(gap, word), { minLength: 2, maxLength: 8 }))
  .map(([first, rest]) => first + rest.map(([between, next]) => between + next).join(''));
const events = fc.array(fc.record({ at: instant, text: phrase }), { minLength: 1, maxLength: 12 });
const oneLine = (text: string) => text.replace(/\n/g, ' ');

const folder = tempDir('pmw-round-');
let written = 0;
function write(extension: string, content: string): string {
  const path = join(folder, `events-${written++}${extension}`);
  writeFileSync(path, content);
  return path;
}

const withOffset = (at: number, zone: IncidentZone) => DateTime.fromMillis(at, { zone: zone.zone }).toISO()!;

/** Reads the file back and checks it is the format meant, each event at its moment, its text first. */
async function expectRead(path: string, format: string, expected: { at: number; first: string }[], readIn: IncidentZone): Promise<void> {
  expect((await detectFormat(path))?.id).toBe(format);
  const found = await readAll(path, { zone: readIn });
  expect(found.map((c) => c.at)).toEqual(expected.map((e) => e.at));
  found.forEach((candidate, index) => {
    const first = sentence(expected[index]!.first);
    expect(candidate.text === first || candidate.text.startsWith(`${first} `), `${candidate.text} | ${first}`).toBe(true);
  });
}

function csvField(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: string[][], delimiter = ',', newline = '\n', bom = false): string {
  return (bom ? '\ufeff' : '') + rows.map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter)).join(newline) + newline;
}

const property = (name: string, body: (list: Event[], writeIn: IncidentZone, readIn: IncidentZone, pick: number) => Promise<void>) =>
  it(name, async () => {
    await fc.assert(fc.asyncProperty(events, zoneOf, zoneOf, fc.nat(), body), { numRuns: runs(60) });
  });

describe('written by each vendor, read back the same', () => {
  property('PagerDuty log entries (notes), as the API object or a bare array', async (list, writeIn, readIn, pick) => {
    const entries = list.map((event, index) => ({
      id: `R${index}`,
      type: 'annotate_log_entry',
      summary: 'Note added',
      created_at: withOffset(event.at, writeIn),
      agent: { type: 'user_reference', summary: 'Ada Okafor' },
      channel: { type: 'note', summary: event.text },
      incident: { id: 'Q1', summary: '[#7] Checkout down' },
    }));
    const path = write('.json', JSON.stringify(pick % 2 ? entries : { log_entries: entries, limit: 100, more: false }, null, pick % 3 ? 2 : undefined));
    await expectRead(path, 'pagerduty-log', list.map((e) => ({ at: e.at, first: e.text })), readIn);
  });

  property('PagerDuty incidents CSV', async (list, writeIn, readIn) => {
    const rows = list.map((event, index) => [`P${index}`, String(index + 1), event.text, 'Checkout API', withOffset(event.at, writeIn), '', '', 'high']);
    const path = write('.csv', csv([['id', 'incident_number', 'description', 'service_name', 'created_on', 'resolved_on', 'seconds_to_first_ack', 'urgency'], ...rows]));
    await expectRead(path, 'pagerduty-csv', list.map((e) => ({ at: e.at, first: `Triggered: ${clause(e.text)}` })), readIn);
  });

  property('Opsgenie alert logs', async (list, _writeIn, readIn) => {
    const data = list.map((event, index) => ({ owner: 'ada@example.com', createdAt: new Date(event.at).toISOString(), log: event.text, type: 'system', offset: `${event.at}_${index}` }));
    const path = write('.json', JSON.stringify({ data, paging: {}, took: 0.01, requestId: 'r' }));
    await expectRead(path, 'opsgenie-log', list.map((e) => ({ at: e.at, first: e.text })), readIn);
  });

  property('Opsgenie alerts CSV, CreatedAt as ISO or epoch milliseconds', async (list, _writeIn, readIn, pick) => {
    const rows = list.map((event, index) => [String(1000 + index), event.text, 'open', 'false', pick % 2 ? String(event.at) : new Date(event.at).toISOString(), 'P2']);
    const path = write('.csv', csv([['TinyId', 'Message', 'Status', 'Acknowledged', 'CreatedAt', 'Priority'], ...rows]));
    await expectRead(path, 'opsgenie-csv', list.map((e) => ({ at: e.at, first: `Alert: ${clause(e.text)}` })), readIn);
  });

  property('Alertmanager webhooks: one payload, an array of them, or one per line', async (list, writeIn, readIn, pick) => {
    const alerts = list.map((event, index) => ({
      status: 'firing',
      labels: { alertname: `Rule${index}`, severity: 'page' },
      annotations: { summary: event.text },
      startsAt: withOffset(event.at, writeIn),
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: `f${index}`,
    }));
    const payload = (some: typeof alerts) => ({ version: '4', status: 'firing', receiver: 'pager', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am', alerts: some });
    const layout = pick % 3;
    const content =
      layout === 0
        ? JSON.stringify(payload(alerts), null, 2)
        : layout === 1
          ? JSON.stringify(alerts.map((alert) => payload([alert])))
          : `${alerts.map((alert) => JSON.stringify(payload([alert]))).join('\n')}\n`;
    const path = write(layout === 2 ? '.ndjson' : '.json', content);
    await expectRead(path, 'alertmanager', list.map((e, index) => ({ at: e.at, first: `Rule${index} firing: ${clause(e.text)}` })), readIn);
  });

  property('git log output, the default layout', async (list, writeIn, readIn) => {
    const seconds = list.map((event) => ({ ...event, at: Math.floor(event.at / 1000) * 1000, text: oneLine(event.text) }));
    const text = seconds
      .map((event, index) => {
        const date = DateTime.fromMillis(event.at, { zone: writeIn.zone }).setLocale('en-US').toFormat('EEE MMM d HH:mm:ss yyyy ZZZ');
        return `commit ${(index + 1).toString(16).padStart(40, 'a')}\nAuthor: Ada Okafor <ada@example.com>\nDate:   ${date}\n\n    ${event.text}\n`;
      })
      .join('\n');
    const path = write('.txt', text);
    await expectRead(path, 'git-log', seconds.map((e) => ({ at: e.at, first: e.text })), readIn);
  });

  property('a generic CSV: separators, byte-order marks, line ends and ways of writing the time', async (list, writeIn, readIn, pick) => {
    const style = pick % 6;
    // Wall times without a zone are read in the incident zone; a wall time that happened twice is left out.
    const usable = list
      .map((event) => ({ ...event, at: style >= 3 ? Math.floor(event.at / 1000) * 1000 : event.at }))
      .filter((event) => style < 4 || !wallTime(event.at, readIn).repeated);
    fc.pre(usable.length > 0);
    const time = (at: number) => {
      const local = DateTime.fromMillis(at, { zone: readIn.zone }).setLocale('en-US');
      switch (style) {
        case 0: return withOffset(at, writeIn);
        case 1: return new Date(at).toISOString();
        case 2: return String(at);
        case 3: return String(at / 1000);
        case 4: return local.toFormat('yyyy-MM-dd HH:mm:ss');
        default: return local.toFormat('MM/dd/yyyy h:mm:ss a');
      }
    };
    const delimiter = [',', ';', '\t'][pick % 3]!;
    const rows = usable.map((event, index) => [time(event.at), index % 2 ? 'info' : 'page', event.text]);
    const path = write(pick % 4 ? '.csv' : '.tsv', csv([['time', 'severity', 'message'], ...rows], delimiter, pick % 5 ? '\n' : '\r\n', pick % 7 === 0));
    await expectRead(path, 'csv', usable.map((e) => ({ at: e.at, first: e.text })), readIn);
  });
});
