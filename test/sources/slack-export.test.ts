import { describe, expect, it } from 'vitest';
import { slackExport } from '../../src/sources/slack-export.js';
import { readAll, source } from './chat-support.js';

const FROM = Date.parse('2024-08-14T13:00:00Z');
const TO = Date.parse('2024-08-15T12:00:00Z');

describe('a Slack export', () => {
  for (const [shape, path] of [
    ['folder', 'slack-export'],
    ['zip', 'slack-export.zip'],
    ['zip holding a folder', 'slack-export-nested.zip'],
  ] as const) {
    it(`as a ${shape}: every message said in the window, with names, threads, bots, edits and deletions applied`, async () => {
      const progress: number[] = [];
      const all = await readAll(slackExport, source(path), { from: FROM, to: TO, progress: (done) => progress.push(done) });
      const incident = all.filter((c) => c.source === 'Slack #inc-checkout');
      expect(incident.map((c) => [new Date(c.at).toISOString(), c.author, c.text])).toEqual([
        ['2024-08-14T14:02:11.000Z', 'Priya Raman', 'Checkout 5xx at 8% & climbing, @Tomas Novak can you look? checkout dashboard @here'],
        ['2024-08-14T14:04:10.000Z', 'Tomas Novak', 'on it :eyes: I deployed payments v2.31 at 13:50 in #inc-checkout'],
        ['2024-08-14T14:05:00.000Z', 'PagerDuty', 'Triggered #4711: checkout 5xx > 5%\nAssigned to Tomas Novak\nUrgency: high'],
        ['2024-08-14T14:06:40.000Z', 'dana.w', 'gateway logs show 502s from payments-api since 13:51 <- matches the deploy'],
        ['2024-08-14T14:10:00.000Z', 'Tomas Novak', 'rolling back to v2.30 now, ETA 10 min'],
        ['2024-08-14T14:11:40.000Z', 'dana.w', 'rollback finished, 5xx back under 1%'],
        ['2024-08-14T14:12:40.000Z', 'Priya Raman', 'shared error-rate.png'],
        // a topic change is kept: incident channels carry their status in the topic
        ['2024-08-14T14:13:20.001Z', 'Priya Raman', '@Priya Raman set the channel topic: SEV1 resolved: checkout errors'],
        ['2024-08-14T23:59:00.001Z', 'Priya Raman', "I'll write the postmortem tomorrow morning"],
        ['2024-08-15T00:01:00.000Z', 'Tomas Novak', 'after midnight: error budget is at 40%, frozen deploys until Monday'],
      ]);
      const byText = (start: string) => incident.find((c) => c.text.startsWith(start))!;
      // The people named, then every other name the author and they go by (handles), for the blameless rewrite.
      expect(byText('Checkout').people).toEqual(['Tomas Novak', 'priya', 'tomas']);
      expect(byText('Checkout').roles).toEqual({ 'Priya Raman': 'SRE', priya: 'SRE', 'Tomas Novak': 'Payments', tomas: 'Payments' });
      expect(byText('Checkout').key).toBe('slack:inc-checkout:1723644131.000200');
      expect(byText('Triggered').bot).toBe(true);
      expect(byText('gateway').origin).toBe('inc-checkout/2024-08-14.json, message 5 (a reply in a thread)');
      expect(byText("I'll write").people).toEqual(['Priya Raman', 'priya']);
      expect(incident.some((c) => c.text.includes('wrong channel'))).toBe(false);
      expect(all.filter((c) => c.source === 'Slack #general').map((c) => c.text)).toEqual(['checkout had a 12 minute outage, details in #inc-checkout']);
      expect(all.some((c) => c.source === 'Slack #random')).toBe(false);
      expect(progress.at(-1)).toBeGreaterThan(0);
    });
  }

  it('a zip that is no export is a SourceError naming the zip', async () => {
    await expect(readAll(slackExport, source('not-an-export.zip'))).rejects.toThrow(/not a Slack export/);
  });

  it('without a window: the days far from the incident too', async () => {
    const all = await readAll(slackExport, source('slack-export'));
    expect(all.find((c) => c.source === 'Slack #random')?.text).toBe('lunch?');
  });

  it('is told from other folders and zips by its users.json or channels.json', async () => {
    expect(slackExport.sniff({ path: source('slack-export'), isDirectory: true, head: '' })).toBe(true);
    expect(slackExport.sniff({ path: source('chat'), isDirectory: true, head: '' })).toBe(false);
    expect(slackExport.sniff({ path: source('slack-export.zip'), isDirectory: false, head: 'PK\u0003\u0004' })).toBe(true);
    expect(slackExport.sniff({ path: source('slack-export-nested.zip'), isDirectory: false, head: 'PK\u0003\u0004' })).toBe(true);
    expect(slackExport.sniff({ path: source('not-an-export.zip'), isDirectory: false, head: 'PK\u0003\u0004' })).toBe(false);
    expect(slackExport.sniff({ path: source('slack-history.json'), isDirectory: false, head: '{"ok": true' })).toBe(false);
  });

  it("one channel's folder taken out of an export: its day files, named by the folder", async () => {
    const folder = source('slack-export/inc-checkout');
    expect(slackExport.sniff({ path: folder, isDirectory: true, head: '' })).toBe(true);
    const whole = (await readAll(slackExport, source('slack-export'))).filter((c) => c.source === 'Slack #inc-checkout');
    const alone = await readAll(slackExport, folder);
    // The same messages, times and last edits; without users.json, names come from the profiles
    // messages carry, and a person whose messages carry none is known by their id.
    expect(alone.map((c) => [c.at, c.source, c.text.replace(/@U\w+/g, '@')])).toEqual(whole.map((c) => [c.at, c.source, c.text.replace(/@U\w+/g, '@')]));
    expect(alone[0]!.author).toBe('Priya Raman');
  });
});

