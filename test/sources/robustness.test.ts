import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError, type SourceFormat } from '../../src/sources/candidate.js';
import { chatText, parseChatText } from '../../src/sources/chat-text.js';
import { SOURCE_FORMATS } from '../../src/sources/formats.js';
import { slackChannel } from '../../src/sources/slack-channel.js';
import { slackExport } from '../../src/sources/slack-export.js';
import { runs } from '../support/property.js';
import { tempDir, tempFile } from '../support/temp.js';
import { readAll, source, zone } from './chat-support.js';

/** Reads a file with a format: it either yields candidates or throws a SourceError, never anything else. */
async function onlySourceErrors(format: SourceFormat, path: string): Promise<void> {
  try {
    const found = await readAll(format, path, { from: Date.parse('2024-08-14T00:00:00Z') });
    for (const c of found) {
      expect(Number.isFinite(c.at)).toBe(true);
      expect(typeof c.text).toBe('string');
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    expect(error.path).toBe(path);
  }
}

/** Bytes of a real fixture with some of them changed, cut, or repeated. */
const mutated = (bytes: Buffer) =>
  fc
    .record({ flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), cut: fc.option(fc.nat(), { nil: undefined }) })
    .map(({ flips, cut }) => {
      const copy = Buffer.from(bytes);
      for (const [at, value] of flips) copy[at % copy.length] = value;
      return cut === undefined ? copy : copy.subarray(0, cut % (copy.length + 1));
    });

const chatFixtures = ['slack-copy.txt', 'irssi.log', 'teams-copy.txt', 'discord-copy.txt', 'weechat.log'].map((name) => readFileSync(source(`chat/${name}`)));
const jsonFixtures = [readFileSync(source('slack-history.json')), readFileSync(source('slack-messages-array.json'))];
const zipFixture = readFileSync(source('slack-export.zip'));
const chatLine = fc.constantFrom('[14:02] <alice> hi', 'Alice Smith  2:02 PM', '  3:13 PM', '3:14', 'Yesterday', 'Wednesday, August 14th', '--- Day changed Thu Aug 15 2024', 'bob \u2014 Today at 2:02 PM', '[8/14/2024 2:02 PM] Kim, Jordan', ':eyes:', '2', '99/99/2024 25:61 PM', 'x \u2014 13/13/2024 9:99 PM', '');

describe('no input makes a reader throw anything but a SourceError', () => {
  it('random bytes, through every format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const path = tempFile('random.bin', Buffer.from(bytes));
        const head = Buffer.from(bytes).toString('utf8');
        for (const format of SOURCE_FORMATS) {
          expect(typeof format.sniff({ path, isDirectory: false, head })).toBe('boolean');
          await onlySourceErrors(format, path);
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('random text and chat-like lines in any order, read as chat', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(chatLine, fc.string()), { maxLength: 40 }), fc.constantFrom('UTC', 'America/New_York', '+05:45'), (lines, zoneName) => {
        try {
          for (const c of parseChatText(lines.join('\n'), { zone: zone(zoneName), from: Date.parse('2024-08-14T12:00:00Z') })) expect(Number.isFinite(c.at)).toBe(true);
        } catch (error) {
          if (!(error instanceof SourceError)) throw error;
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it('damaged chat fixtures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...chatFixtures).chain(mutated), async (bytes) => onlySourceErrors(chatText, tempFile('chat.txt', bytes))),
      { numRuns: runs(80) },
    );
  });

  it('damaged and random JSON as a channel history', async () => {
    const randomJson = fc.oneof(fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ok: true, messages: [v, { ts: '1723644131.000200', text: v }] })));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...jsonFixtures).chain(mutated), randomJson.map((t) => Buffer.from(t))), async (bytes) =>
        onlySourceErrors(slackChannel, tempFile('history.json', bytes)),
      ),
      { numRuns: runs(150) },
    );
  });

  it('damaged zips and export folders holding random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(zipFixture), async (bytes) => onlySourceErrors(slackExport, tempFile('export.zip', bytes))),
      { numRuns: runs(60) },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), async (users, channels, day) => {
        const root = tempDir();
        writeFileSync(join(root, 'users.json'), JSON.stringify(users));
        writeFileSync(join(root, 'channels.json'), JSON.stringify(channels));
        mkdirSync(join(root, 'general'));
        writeFileSync(join(root, 'general', '2024-08-14.json'), JSON.stringify(day));
        await onlySourceErrors(slackExport, root);
      }),
      { numRuns: runs(60) },
    );
  });
});
