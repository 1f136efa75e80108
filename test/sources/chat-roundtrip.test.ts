import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseChatText } from '../../src/sources/chat-text.js';
import { runs } from '../support/property.js';
import { type Said, WRITERS } from './chat-writers.js';
import { zone } from './chat-support.js';

/*
 * Random conversations at random instants, many of them around the nights clocks change, written
 * out as each client writes them and read back: the instants and texts come back exactly, to the
 * minute or second the style writes. A wall time the zone shows twice (clocks going back) cannot
 * be told from the text alone: there the reader takes the first showing that keeps the order, so
 * it may be read at the earlier of the two and never later than it was.
 */

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const TRANSITIONS = ['2024-03-10T07:00:00Z', '2024-11-03T06:00:00Z', '2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z', '2024-04-06T15:00:00Z', '2024-10-05T15:30:00Z'].map(Date.parse);
const HOUR = 3_600_000;

const WORDS = ['checking', 'the', 'error', 'rate', 'rollback', 'db', 'pool', 'is', 'full', 'api', 'latency', 'restarted', 'workers', 'cache', 'flushed', 'ok', 'paging', 'on-call', 'p99', '5xx', 'again', 'because', 'deploy', 'v2.3', 'ETA', '10', 'queue', 'looks', 'fine', '&', '+1', '100%', '<3', 'caf\u00e9', '\u{1F525}'];
const NAMES = {
  people: ['Alice Smith', 'Bob', 'Chen Wei', 'Jos\u00e9 \u00c1lvarez', "Siobh\u00e1n O'Neill", 'Kim, Jordan'],
  irc: ['alice', 'bob_2', 'carol-x', 'dave|away', 'eve[m]'],
  discord: ['nightowl', 'quiet.fox', 'deploy_bot', 'mira'],
};

const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }).map((words) => words.join(' '));
const start = fc.oneof(
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -6 * 60, max: 6 * 60 })).map(([t, minutes]) => t + minutes * 60_000),
  fc.integer({ min: Date.parse('2019-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
);

/** Every other instant, within three hours, at which the zone's clock reads the same. */
function sameWall(at: number, zoneName: string, precision: number): number[] {
  const format = precision === 1000 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm';
  const shown = DateTime.fromMillis(at, { zone: zoneName }).toFormat(format);
  const others: number[] = [];
  for (let minutes = -180; minutes <= 180; minutes += 15) {
    const t = at + minutes * 60_000;
    if (minutes !== 0 && DateTime.fromMillis(t, { zone: zoneName }).toFormat(format) === shown) others.push(t);
  }
  return others;
}

describe('chat text written by each client reads back as written', () => {
  for (const writer of WRITERS) {
    it(writer.name, () => {
      const conversation = fc.record({
        zoneName: fc.constantFrom(...ZONES),
        start,
        lead: fc.integer({ min: 0, max: 6 * 60 }),
        messages: fc.array(
          fc.record({
            gap: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: writer.undated ? 20 * 60 : 3 * 24 * 60 })),
            seconds: fc.integer({ min: 0, max: 59 }),
            author: fc.constantFrom(...NAMES[writer.names]),
            lines: fc.array(line, { minLength: 1, maxLength: writer.multiline ? 3 : 1 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
      });
      fc.assert(
        fc.property(conversation, ({ zoneName, start: first, lead, messages }) => {
          let at = Math.floor(first / writer.precision) * writer.precision;
          const said: Said[] = messages.map((m) => {
            at += m.gap * 60_000 + (writer.precision === 1000 ? m.seconds * 1000 : 0);
            return { at, author: m.author, lines: m.lines };
          });
          const text = writer.write(said, zoneName);
          const read = parseChatText(text, { zone: zone(zoneName), from: said[0]!.at - lead * 60_000 });
          expect(read.map((c) => [c.author, c.text])).toEqual(said.map((s) => [s.author, s.lines.join('\n')]));
          read.forEach((c, i) => {
            const truth = said[i]!.at;
            if (c.at !== truth) {
              expect(sameWall(truth, zoneName, writer.precision), `${DateTime.fromMillis(truth, { zone: zoneName }).toISO()} read as ${new Date(c.at).toISOString()}\n${text}`).toContain(c.at);
              expect(c.at).toBeLessThan(truth);
              expect(truth - c.at).toBeLessThanOrEqual(HOUR);
            }
          });
        }),
        { numRuns: runs(150) },
      );
    });
  }
});
