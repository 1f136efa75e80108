import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AmbiguousColumnsError } from '../../src/sources/candidate.js';
import { chooseColumns } from '../../src/sources/csv-columns.js';
import { runs } from '../support/property.js';
import { LONDON, NEW_YORK, UTC, instant } from './support.js';

/*
 * The time and text columns of a CSV nobody described, found from the first rows: wherever
 * they stand, beside ids, counts, hosts and severities.
 */

const word = fc.stringMatching(/^[b-df-hj-np-tv-z]{2,9}$/);
const sentenceText = fc.array(word, { minLength: 4, maxLength: 12 }).map((words) => words.join(' '));
const filler = fc.constantFrom(
  (i: number) => String(1000 + i),
  (i: number) => (i % 3 ? 'info' : 'page'),
  (i: number) => `checkout-${i % 4}`,
  (i: number) => `${(i * 7.5).toFixed(1)}%`,
  (i: number) => `9f${i}c0de-${i}`,
);
const timeStyle = fc.constantFrom(
  (at: number) => new Date(at).toISOString(),
  (at: number) => String(at),
  (at: number) => String(Math.floor(at / 1000)),
  (at: number) => DateTime.fromMillis(at, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm'),
  (at: number) => DateTime.fromMillis(at, { zone: 'UTC' }).setLocale('en-US').toFormat('MM/dd/yyyy h:mm a'),
  (at: number) => DateTime.fromMillis(at, { zone: 'UTC' }).toFormat('dd/MM/yyyy HH:mm'),
);

describe('chooseColumns', () => {
  it('finds the time and the text wherever they stand, with or without a header', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, sentenceText), { minLength: 1, maxLength: 30 }),
        fc.array(filler, { maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        timeStyle,
        fc.boolean(),
        (events, fillers, timeAt, textAt, style, header) => {
          const width = fillers.length + 2;
          const time = timeAt % width;
          const text = [...Array(width).keys()].filter((index) => index !== time)[textAt % (width - 1)]!;
          const row = (i: number, cells: { time: string; text: string }) => {
            const others = fillers.map((fill) => fill(i));
            return [...Array(width).keys()].map((index) => (index === time ? cells.time : index === text ? cells.text : others.shift()!));
          };
          const names = row(-1, { time: 'logged', text: 'said' }).map((name, index) => (index === time || index === text ? name : `extra${index}`));
          const rows = [...(header ? [names] : []), ...events.map(([at, said], i) => row(i, { time: style(at), text: said }))];
          const chosen = chooseColumns('t.csv', rows, { zone: UTC });
          expect([chosen.time, chosen.text, chosen.hasHeader]).toEqual([time, text, header]);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('a header breaks a tie: created_at over updated_at; the same moments twice are one column', () => {
    const rows = [
      ['created_at', 'updated_at', 'message'],
      ['2024-08-14 14:01', '2024-08-14 14:30', 'Checkout error rate above five percent'],
      ['2024-08-14 14:14', '2024-08-14 14:20', 'Rollback started on all checkout hosts'],
    ];
    expect(chooseColumns('t.csv', rows, { zone: UTC }).time).toBe(0);
    const twice = [
      ['utc', 'local', 'message'],
      ['2024-08-14T14:01:00Z', '2024-08-14 10:01', 'Checkout error rate above five percent'],
      ['2024-08-14T14:14:00Z', '2024-08-14 10:14', 'Rollback started on all checkout hosts'],
    ];
    expect(chooseColumns('t.csv', twice, { zone: NEW_YORK }).time).toBe(0);
    expect(() => chooseColumns('t.csv', twice, { zone: LONDON })).toThrow(AmbiguousColumnsError);
  });

  it('a column the user names wins over what the contents say, by name in any case or by number', () => {
    const rows = [
      ['Time', 'Summary', 'Details'],
      ['2024-08-14 14:01', 'Errors up', 'Checkout error rate above five percent on every host'],
    ];
    expect(chooseColumns('t.csv', rows, { zone: UTC }).text).toBe(2);
    expect(chooseColumns('t.csv', rows, { zone: UTC, columns: { text: 'summary' } }).text).toBe(1);
    expect(chooseColumns('t.csv', rows, { zone: UTC, columns: { time: '1', text: '2' } })).toMatchObject({ time: 0, text: 1 });
  });

  it('a file with a header and nothing under it says so', () => {
    expect(() => chooseColumns('t.csv', [['time', 'message']], { zone: UTC })).toThrow('has no rows under its header.');
  });
});

describe('a status column', () => {
  it("gives each row the kind its status says, in any case; a value it does not know leaves the words to decide", async () => {
    const { genericCsv } = await import('../../src/sources/generic-csv.js');
    const { readAll } = await import('./chat-support.js');
    const { tempFile } = await import('../support/temp.js');
    const { guessKind } = await import('../../src/sources/guess-kind.js');
    const path = tempFile('alerts.csv', [
      'time,Status,message',
      '2024-08-14T14:02:00Z,TRIGGERED,CheckoutLatencyHigh on api-eu',
      '2024-08-14T14:05:00Z,acknowledged,CheckoutLatencyHigh on api-eu',
      '2024-08-14T14:09:00Z,escalated,CheckoutLatencyHigh on api-eu',
      '2024-08-14T14:31:00Z,Resolved,CheckoutLatencyHigh on api-eu',
      '2024-08-14T14:40:00Z,snoozed,CheckoutLatencyHigh on api-eu',
    ].join('\n'));
    const rows = await readAll(genericCsv, path, { zone: UTC });
    expect(rows.map((row) => row.kind)).toEqual(['detection', 'action', 'escalation', 'resolution', undefined]);
    expect(rows.map((row) => guessKind(row.text, row.kind))).toEqual(['detection', 'action', 'escalation', 'resolution', 'action']);
  });
});
