import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/sources/candidate.js';
import { slackChannel } from '../../src/sources/slack-channel.js';
import { tempFile } from '../support/temp.js';
import { iso, readAll, source } from './chat-support.js';

describe("one Slack channel's JSON", () => {
  it('conversations.history (newest first) comes out oldest first, named from user_profile or left as the id', async () => {
    const all = await readAll(slackChannel, source('slack-history.json'), { from: Date.parse('2024-08-14T14:00:00Z'), to: Date.parse('2024-08-14T15:00:00Z') });
    expect(all.map((c) => [iso(c.at), c.author, c.text, c.bot ?? false])).toEqual([
      ['2024-08-14T14:02:11.000Z', 'Priya Raman', 'Checkout 5xx at 8% & climbing, @Tomas Novak can you look?', false],
      ['2024-08-14T14:03:20.000Z', 'U09GUEST', 'is checkout down for everyone?', false],
      ['2024-08-14T14:04:10.000Z', 'Tomas Novak', 'on it, @Priya Raman I deployed payments v2.31 at 13:50', false],
      ['2024-08-14T14:05:00.000Z', 'PagerDuty', 'Triggered #4711: checkout 5xx > 5%', true],
      ['2024-08-14T14:11:40.000Z', 'Tomas Novak', 'rollback finished, 5xx back under 1% :tada:', false],
    ]);
    expect(all.every((c) => c.source === 'Slack')).toBe(true);
    expect(all[0]!.origin).toBe('message 6');
    expect(all[2]!.people).toEqual(['Priya Raman', 'Tomas Novak']);
  });

  it('a bare array (an export day file) reads the same, named after its channel folder', async () => {
    const all = await readAll(slackChannel, source('slack-messages-array.json'));
    expect(all.map((c) => c.text)).toContain('quiet morning');
    expect(all).toHaveLength(6);
    const day = await readAll(slackChannel, source('slack-export/inc-checkout/2024-08-15.json'));
    // The day after: a message, and an edit of one from the day before, which stands in for it.
    expect(day.map((c) => [c.source, c.key, c.text])).toEqual([
      ['Slack #inc-checkout', 'slack:inc-checkout:1723679940.001200', "I'll write the postmortem tomorrow morning"],
      ['Slack #inc-checkout', 'slack:inc-checkout:1723680060.000100', 'after midnight: error budget is at 40%, frozen deploys until Monday'],
    ]);
  });

  it('reports progress and ends at the whole file', async () => {
    const seen: [number, number][] = [];
    await readAll(slackChannel, source('slack-history.json'), { progress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
  });

  it('an error answer, a file cut short, or one with no messages is a SourceError that says so', async () => {
    await expect(readAll(slackChannel, source('slack-error.json'))).rejects.toThrow(/error answer from Slack.*not_in_channel/);
    const cut = tempFile('cut.json', '{"ok": true, "messages": [\n  {"ts": "1723644131.000200", "text": "hi"},\n  {"ts": ');
    await expect(readAll(slackChannel, cut)).rejects.toBeInstanceOf(SourceError);
    const broken = tempFile('broken.json', '[\n{"ts": "1723644131.000200", "text": "hi"},\n{"ts": x}]');
    const error = await readAll(slackChannel, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).line).toBe(3);
    await expect(readAll(slackChannel, tempFile('none.json', '{"ok": true}'))).rejects.toThrow(/has no "messages"/);
  });

  it('is told by a Slack ts in the first bytes', () => {
    const head = (path: string) => ({ path, isDirectory: false, head: readFileSync(path, 'utf8').slice(0, 65536) });
    expect(slackChannel.sniff(head(source('slack-history.json')))).toBe(true);
    expect(slackChannel.sniff(head(source('slack-messages-array.json')))).toBe(true);
    expect(slackChannel.sniff(head(source('slack-export/users.json')))).toBe(false);
    expect(slackChannel.sniff(head(source('chat/irssi.log')))).toBe(false);
  });
});
