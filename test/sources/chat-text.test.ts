import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/sources/candidate.js';
import { SourceError } from '../../src/sources/candidate.js';
import { chatText, parseChatText, planChatText } from '../../src/sources/chat-text.js';
import { tempFile } from '../support/temp.js';
import { iso, readAll, source, zone } from './chat-support.js';

const rows = (found: Candidate[]) => found.map((c) => [iso(c.at), c.author, c.text]);
const chat = (name: string) => source(`chat/${name}`);
const read = (name: string, zoneName: string, from?: string) =>
  readAll(chatText, chat(name), { zone: zone(zoneName), ...(from ? { from: Date.parse(from) } : {}) });

describe('chat text copied from Slack', () => {
  it('two-line headers, same-author times, reactions, mentions on their own lines, a bot, a join', async () => {
    const found = await read('slack-copy.txt', 'Europe/London', '2024-08-14T12:00:00Z');
    expect(rows(found)).toEqual([
      ['2024-08-14T13:02:00.000Z', 'Priya Raman', 'checkout error rate is climbing, paging @Tomas Novak can you look at the payments dashboard?'],
      ['2024-08-14T13:03:00.000Z', 'Priya Raman', 'seeing 502s from the gateway since 13:55'],
      ['2024-08-14T13:05:00.000Z', 'Tomas Novak', 'on it. I rolled out payments v2.31 at 13:50, rolling back now'],
      ['2024-08-14T13:06:00.000Z', 'PagerDuty', 'Triggered: checkout 5xx > 5% (P1)'],
      ['2024-08-14T13:19:00.000Z', 'Tomas Novak', 'rollback done, error rate back under 1%'],
    ]);
    expect(found.map((c) => c.source)).toEqual(Array(5).fill('Slack'));
    expect(found[0]!.people).toEqual(['Tomas Novak']);
    expect(found[2]!.people).toEqual(['Tomas Novak']);
    expect(found[3]!.bot).toBe(true);
    expect(found[0]!.origin).toBe('line 3');
  });

  it('one-line headers over two days: Yesterday and Today dividers, [12:07 AM]', async () => {
    expect(rows(await read('slack-copy-days.txt', 'Europe/London', '2024-08-13T20:00:00Z'))).toEqual([
      ['2024-08-13T22:48:00.000Z', 'Dana Whitfield', 'disk on db-3 is at 91%, watching it'],
      ['2024-08-13T22:58:00.000Z', 'Dana Whitfield', 'now 96%, starting the cleanup job'],
      ['2024-08-13T23:07:00.000Z', 'Dana Whitfield', 'cleanup freed 40 GB, back to 71%'],
      ['2024-08-13T23:31:00.000Z', 'Omar Haddad', "thanks. I'll file a ticket for the retention change"],
    ]);
  });

  it('across midnight with no divider: an earlier time is the next day, a bare 12:04 after 11:59 PM is just after midnight', async () => {
    expect(rows(await read('slack-copy-midnight.txt', 'UTC', '2024-08-14T23:00:00Z'))).toEqual([
      ['2024-08-14T23:56:00.000Z', 'Lena Fischer', 'queue depth alert firing again'],
      ['2024-08-14T23:59:00.000Z', 'Lena Fischer', 'consumers look stuck'],
      ['2024-08-15T00:04:00.000Z', 'Lena Fischer', 'restarted the consumer group, draining now'],
      ['2024-08-15T00:20:00.000Z', 'Mateo Silva', 'drained. closing the incident'],
    ]);
  });

  it('the first day is the one nearest the incident start, never today', async () => {
    const found = await read('slack-copy-midnight.txt', 'UTC', '2021-03-01T23:50:00Z');
    expect(iso(found[0]!.at)).toBe('2021-03-01T23:56:00.000Z');
    // A start just after midnight still puts 11:56 PM on the evening before (then left out of the window).
    const later = await read('slack-copy-midnight.txt', 'UTC', '2021-03-02T00:10:00Z');
    expect(later.map((c) => iso(c.at))).toEqual(['2021-03-02T00:20:00.000Z']);
  });
});

describe('IRC, weechat, Matrix logs', () => {
  it('irssi: log opened, joins dropped, actions, day changed', async () => {
    const found = await read('irssi.log', 'UTC');
    expect(rows(found)).toEqual([
      ['2024-08-14T14:02:00.000Z', 'alice', 'api latency p99 is 4s, anyone deploying?'],
      ['2024-08-14T14:03:00.000Z', 'bob', 'not me. checking the load balancer'],
      ['2024-08-14T14:05:00.000Z', 'bob', 'bob drains node lb-2'],
      ['2024-08-14T14:07:00.000Z', 'carol', 'lb-2 health checks were flapping since 13:40'],
      ['2024-08-14T23:58:00.000Z', 'alice', 'latency is fine again, leaving the graphs open overnight'],
      ['2024-08-15T00:12:00.000Z', 'bob', 'all quiet. closing the channel topic'],
    ]);
    expect(found[0]!.source).toBe('IRC');
  });

  it('weechat: tab-separated, seconds kept, joins and quits dropped', async () => {
    expect(rows(await read('weechat.log', 'America/New_York'))).toEqual([
      ['2024-08-14T18:02:40.000Z', 'alice', 'the cache hit rate dropped to 20%'],
      ['2024-08-14T18:03:05.000Z', 'bob', 'flushing the bad keys'],
      ['2024-08-14T18:03:30.000Z', 'bob', 'bob watches the hit rate climb'],
      ['2024-08-14T18:10:00.000Z', 'bob', 'hit rate back to 93%'],
    ]);
  });

  it('ISO times with Z or an offset are exact; without, in the incident zone', async () => {
    expect(rows(await read('irc-iso-offsets.log', 'Europe/Berlin'))).toEqual([
      ['2024-08-14T12:02:11.000Z', 'alice', 'dns resolution failing in eu-west'],
      ['2024-08-14T12:03:40.000Z', 'bob', 'confirmed from the us side too'],
      ['2024-08-14T12:05:00.000Z', 'carol', 'provider status page says degraded'],
      ['2024-08-14T10:09:30.000Z', 'dave', 'switching resolvers to the secondary'],
    ]);
  });

  it("Element's text export", async () => {
    expect(rows(await read('matrix-element.txt', 'UTC'))).toEqual([
      ['2024-08-14T14:02:11.000Z', 'Ana Costa', 'the search cluster went red'],
      ['2024-08-14T14:03:27.000Z', 'Ben Okafor', 'two data nodes ran out of heap'],
      ['2024-08-14T14:20:05.000Z', 'Ana Costa', 'replicas reassigned, cluster is yellow'],
    ]);
  });

  it('America/New_York when clocks go back: the second 1:10 comes after the first 1:50', async () => {
    expect((await read('dst-new-york.log', 'America/New_York')).map((c) => iso(c.at))).toEqual([
      '2024-11-03T04:55:00.000Z', // 00:55 EDT
      '2024-11-03T05:20:00.000Z', // 01:20 EDT
      '2024-11-03T05:50:00.000Z', // 01:50 EDT
      '2024-11-03T06:10:00.000Z', // 01:10 EST
      '2024-11-03T06:40:00.000Z', // 01:40 EST
      '2024-11-03T07:05:00.000Z', // 02:05 EST
    ]);
  });

  it('America/New_York when clocks go forward: 01:55 EST and 03:05 EDT are ten minutes apart', async () => {
    const found = await read('dst-spring-new-york.log', 'America/New_York');
    expect(found[1]!.at - found[0]!.at).toBe(10 * 60_000);
    expect(iso(found[0]!.at)).toBe('2024-03-10T06:55:00.000Z');
  });
});

describe('Microsoft Teams and Discord copies', () => {
  it('Teams: [date time] Name, Name: text, time-only headers, furniture dropped', async () => {
    expect(rows(await read('teams-copy.txt', 'UTC'))).toEqual([
      ['2024-08-14T14:02:00.000Z', 'Kim, Jordan (Platform)', 'storage latency is spiking in the east region\nthe dashboards show it since 1:55'],
      ['2024-08-14T14:04:00.000Z', 'Alvarez, Sam', 'I see it too, failing over the replica'],
      ['2024-08-14T14:09:00.000Z', 'Kim, Jordan (Platform)', 'failover done'],
      ['2024-08-14T14:15:00.000Z', 'Alvarez, Sam', 'latency back to normal'],
    ]);
  });

  it('Teams select-all copy: day/month dates told by 14/08, pm in lower case, Oslo summer time', async () => {
    const found = await read('teams-select-all.txt', 'Europe/Oslo');
    expect(rows(found)).toEqual([
      ['2024-08-14T19:12:00.000Z', 'Hannah Berg', 'the invoice export job failed twice'],
      ['2024-08-14T19:20:00.000Z', 'Yusuf Demir', 'rerunning it with the old template'],
      ['2024-08-14T22:02:00.000Z', 'Hannah Berg', 'done, all invoices sent'],
    ]);
    expect(found[0]!.source).toBe('Microsoft Teams');
  });

  it('Discord: dated headers, Yesterday and Today after them, [time] for the same author, link previews dropped', async () => {
    expect(rows(await read('discord-copy.txt', 'UTC', '2023-08-15T20:00:00Z'))).toEqual([
      ['2023-08-15T23:10:00.000Z', 'nightowl', 'build runners are all offline'],
      ['2023-08-15T23:14:00.000Z', 'deploybot', 'runner pool drained by autoscaler'],
      ['2023-08-16T00:20:00.000Z', 'nightowl', 'scaled the pool back to 8'],
      ['2023-08-16T00:22:00.000Z', 'nightowl', 'jobs are picking up again'],
      ['2023-08-17T09:03:00.000Z', 'quietfox', 'postmortem doc is up'],
    ]);
  });

  it('Discord compact mode: [2:02 PM]name: text', async () => {
    const found = await read('discord-compact.txt', 'UTC', '2024-08-14T13:00:00Z');
    expect(rows(found)).toEqual([
      ['2024-08-14T14:02:00.000Z', 'mira', 'cdn is serving stale assets'],
      ['2024-08-14T14:03:00.000Z', 'jonas', 'purging the cache now'],
      ['2024-08-14T14:10:00.000Z', 'mira', 'fixed, thanks @jonas'],
    ]);
    expect(found[2]!.people).toEqual(['jonas']);
  });
});

describe('the other header shapes each client writes', () => {
  const at = (text: string, zoneName = 'UTC') => parseChatText(text, { zone: zone(zoneName), from: Date.parse('2024-08-14T12:00:00Z') }).map((c) => [iso(c.at), c.author, c.text]);

  it('Slack: a tab before the time, brackets, the APP badge on one line', () => {
    expect(at('Priya Raman\t[2:02 PM]\nchecking\nDatadog  APP  2:03 PM\nmonitor triggered')).toEqual([
      ['2024-08-14T14:02:00.000Z', 'Priya Raman', 'checking'],
      ['2024-08-14T14:03:00.000Z', 'Datadog', 'monitor triggered'],
    ]);
  });

  it('Teams: "Name, 8/14/2024 2:02 PM" and "Name 14:02"', () => {
    expect(at('Jordan Kim, 8/14/2024 2:02 PM\nstorage is slow\nSam Alvarez 14:05\nfailing over')).toEqual([
      ['2024-08-14T14:02:00.000Z', 'Jordan Kim', 'storage is slow'],
      ['2024-08-14T14:05:00.000Z', 'Sam Alvarez', 'failing over'],
    ]);
  });

  it('Discord: the 2024 style "name \u2014 8/14/24, 2:02 PM"', () => {
    expect(at('mira \u2014 8/14/24, 2:02 PM\ncdn is stale\njonas \u2014 8/14/24, 2:04 PM\npurged')).toEqual([
      ['2024-08-14T14:02:00.000Z', 'mira', 'cdn is stale'],
      ['2024-08-14T14:04:00.000Z', 'jonas', 'purged'],
    ]);
  });

  it('a divider naming a day no nearby year has (February 29th in 2026) leaves the day to the order', () => {
    const found = parseChatText('February 29th\nAna  9:00 AM\nhi', { zone: zone('UTC'), from: Date.parse('2026-03-01T08:00:00Z') });
    expect(found.map((c) => iso(c.at))).toEqual(['2026-03-01T09:00:00.000Z']);
  });

  it('times with a narrow no-break space before PM, as newer clients copy them', () => {
    expect(at('Priya Raman  2:02\u202fPM\nchecking\nTomas Novak  2:05\u202fPM\non it')).toHaveLength(2);
  });
});

describe('the window, sniffing and what is not a chat', () => {
  it('keeps only messages from..to', async () => {
    const found = await readAll(chatText, chat('irssi.log'), { zone: zone('UTC'), from: Date.parse('2024-08-14T14:03:00Z'), to: Date.parse('2024-08-14T14:07:00Z') });
    expect(found.map((c) => c.author)).toEqual(['bob', 'bob', 'carol']);
  });

  it('every fixture is sniffed as chat text, and in its own style', () => {
    const expected: Record<string, string> = {
      'slack-copy.txt': 'slack', 'slack-copy-days.txt': 'slack', 'slack-copy-midnight.txt': 'slack', 'irssi.log': 'irc', 'weechat.log': 'irc',
      'irc-iso-offsets.log': 'irc', 'matrix-element.txt': 'irc', 'dst-new-york.log': 'irc', 'teams-copy.txt': 'teams',
      'teams-select-all.txt': 'teams', 'discord-copy.txt': 'discord', 'discord-compact.txt': 'discord',
    };
    for (const [name, style] of Object.entries(expected)) {
      const head = readFileSync(chat(name), 'utf8');
      expect(chatText.sniff({ path: chat(name), isDirectory: false, head }), name).toBe(true);
      expect(planChatText(head.split('\n'))?.style.id, name).toBe(style);
    }
  });

  it('a copy that opens on a day divider and then a header is a chat, however long its messages run', () => {
    const body = 'checking\nchecking\nchecking';
    const text = `Tuesday, January 1st, 2019\nSiobh\u00e1n O'Neill  12:00 AM\n${body}\n\n12:00\n${body}\n\n12:00\n${body}\n`;
    expect(planChatText(text.split('\n'))?.style.id).toBe('slack');
    expect(parseChatText(text, { zone: zone('UTC'), from: Date.parse('2019-01-01T00:00:00Z') }).map((c) => c.text)).toEqual([body, body, body]);
  });

  it('prose, JSON, CSV and application logs are not chat', () => {
    const notChat = [
      'We rolled back at 14:02 and the error rate fell.\nThe database recovered at 14:30.\nRoot cause: a connection leak.',
      readFileSync(source('slack-history.json'), 'utf8'),
      'time,service,message\n2024-08-14 14:02:11,api,error rate high\n2024-08-14 14:03:00,api,rollback',
      '2024-08-14 14:02:11 INFO: server started\n2024-08-14 14:02:12 ERROR: connection refused\n2024-08-14 14:02:13 WARN: retrying',
      '',
    ];
    for (const head of notChat) expect(chatText.sniff({ path: 'x.txt', isDirectory: false, head }), head.slice(0, 40)).toBe(false);
  });

  it('a text with times but no date, read without an incident start, is a SourceError on its first header', () => {
    const error = (() => {
      try {
        parseChatText('[14:02] <alice> hi\n[14:03] <bob> hello', { zone: zone('UTC') });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).line).toBe(1);
  });

  it('a file that is not chat is a SourceError, and a missing file too', async () => {
    const prose = tempFile('notes.txt', 'We rolled back.\nIt recovered.\n');
    await expect(readAll(chatText, prose)).rejects.toThrow(/does not read as a chat/);
    await expect(readAll(chatText, '/nonexistent/chat.txt')).rejects.toBeInstanceOf(SourceError);
  });

  it('pasted text reads the same as the file', async () => {
    const text = readFileSync(chat('teams-copy.txt'), 'utf8');
    expect(parseChatText(text, { zone: zone('UTC') })).toEqual(await read('teams-copy.txt', 'UTC'));
  });
});
