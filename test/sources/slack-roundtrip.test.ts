import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackChannel } from '../../src/sources/slack-channel.js';
import { slackExport } from '../../src/sources/slack-export.js';
import { runs } from '../support/property.js';
import { tempDir, tempFile } from '../support/temp.js';
import { readAll } from './chat-support.js';

/*
 * Random messages at random instants written as Slack writes them, in a channel history and in an
 * export split into day files, then read back: the instants (Slack's ts, to the millisecond)
 * and the texts (escaped as Slack escapes &, < and >; mentions by id) come back exactly.
 */

const USERS: Record<string, string> = { U01: 'Alice Smith', U02: 'Bob', U03: 'Chen Wei' };
const word = fc.constantFrom('rollback', 'db', 'is', 'down', '&', '<3', 'a>b', '5xx', 'caf\u00e9', ':fire:', '100%', '"ok"', '\u{1F525}', 'p99');
const message = fc.record({
  seconds: fc.integer({ min: 1_500_000_000, max: 1_900_000_000 }),
  micros: fc.integer({ min: 0, max: 999_999 }),
  user: fc.constantFrom(...Object.keys(USERS)),
  mention: fc.option(fc.constantFrom(...Object.keys(USERS)), { nil: undefined }),
  lines: fc.array(fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }),
});

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Written {
  ts: string;
  at: number;
  user: string;
  raw: string;
  expected: string;
}

type Generated = typeof message extends fc.Arbitrary<infer T> ? T : never;

function written(messages: Generated[]): Written[] {
  const seen = new Set<string>();
  return messages
    .map((m) => {
      const ts = `${m.seconds}.${String(m.micros).padStart(6, '0')}`;
      const text = m.lines.join('\n');
      const raw = (m.mention ? `<@${m.mention}> ` : '') + escape(text);
      const expected = (m.mention ? `@${USERS[m.mention]} ` : '') + text;
      return { ts, at: m.seconds * 1000 + Math.floor(m.micros / 1000), user: m.user, raw, expected };
    })
    .filter((m) => !seen.has(m.ts) && seen.add(m.ts))
    .sort((a, b) => a.at - b.at || a.ts.localeCompare(b.ts));
}

const json = (m: Written, profile: boolean) => ({
  type: 'message',
  ts: m.ts,
  user: m.user,
  text: m.raw,
  ...(profile ? { user_profile: { real_name: USERS[m.user], display_name: m.user.toLowerCase(), name: m.user.toLowerCase() } } : {}),
});

describe('Slack JSON reads back as written', () => {
  it('a channel history, newest first, named from user_profile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 20 }), async (messages) => {
        const said = written(messages);
        const everyoneSpeaks = Object.keys(USERS).map((id, i) => ({ ts: `1400000000.00000${i}`, at: 1_400_000_000_000, user: id, raw: 'hi', expected: 'hi' }));
        const all = [...everyoneSpeaks, ...said];
        const path = tempFile('history.json', JSON.stringify({ ok: true, messages: [...all].reverse().map((m) => json(m, true)), has_more: false }));
        const read = await readAll(slackChannel, path, { from: 1_500_000_000_000 });
        expect(read.map((c) => [c.at, c.author, c.text])).toEqual(said.map((m) => [m.at, USERS[m.user], m.expected]));
      }),
      { numRuns: runs(60) },
    );
  });

  it('an export, its day files split by UTC date, named from users.json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 20 }), async (messages) => {
        const said = written(messages);
        const root = tempDir();
        writeFileSync(join(root, 'users.json'), JSON.stringify(Object.entries(USERS).map(([id, real_name]) => ({ id, name: id.toLowerCase(), real_name, profile: { real_name, display_name: '' } }))));
        writeFileSync(join(root, 'channels.json'), JSON.stringify([{ id: 'C1', name: 'inc-1' }]));
        mkdirSync(join(root, 'inc-1'));
        const days = new Map<string, Written[]>();
        for (const m of said) {
          const day = new Date(m.at).toISOString().slice(0, 10);
          days.set(day, [...(days.get(day) ?? []), m]);
        }
        for (const [day, list] of days) writeFileSync(join(root, 'inc-1', `${day}.json`), JSON.stringify(list.map((m) => json(m, false)), null, 4));
        const read = await readAll(slackExport, root);
        expect(read.map((c) => [c.at, c.author, c.text, c.source])).toEqual(said.map((m) => [m.at, USERS[m.user], m.expected, 'Slack #inc-1']));
      }),
      { numRuns: runs(40) },
    );
  });
});
