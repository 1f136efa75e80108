import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/sources/candidate.js';
import { SOURCE_FORMATS } from '../../src/sources/formats.js';
import { detectFormat, expectedFormats, readSource } from '../../src/sources/read-source.js';
import { runs } from '../support/property.js';
import { tempDir, tempFile } from '../support/temp.js';
import { UTC, readAll, sourceFixture } from './support.js';

/** What a path that is none of the formats, or cannot be read, is told. */
async function refusal(path: string): Promise<SourceError> {
  try {
    await readAll(path);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error(`${path} was read`);
}

describe('readSource refuses what it cannot read, in one sentence', () => {
  it('names every format, the other helpers\' too, by their labels', () => {
    const expected = expectedFormats();
    for (const format of SOURCE_FORMATS) expect(expected).toContain(format.label);
    expect(expected).toMatch(/ or a CSV with a time column and a text column$/);
    // One sentence a person reads: the list stays short enough for a terminal's line or two.
    expect(expected.length).toBeLessThan(360);
  });

  it('a missing path, an empty file, a binary file, a folder and a text file that is none of them', async () => {
    expect((await refusal(join(tempDir(), 'gone.json'))).message).toBe('does not exist.');
    expect((await refusal(tempFile('empty.csv', ''))).message).toBe(`is empty: the timeline reads ${expectedFormats()}.`);
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
    expect((await refusal(tempFile('image.png', binary))).message).toBe(`is a binary file, not ${expectedFormats()}.`);
    const folder = tempDir();
    writeFileSync(join(folder, 'notes.txt'), 'nothing here');
    expect((await refusal(folder)).message).toBe(`is a folder that is none of what the timeline reads: ${expectedFormats()}.`);
    const prose = tempFile('notes.txt', 'We rolled back at about half past two and things recovered.\n');
    const error = await refusal(prose);
    expect(error.message).toBe(`is none of what the timeline reads: ${expectedFormats()}.`);
    expect(error.path).toBe(prose);
    expect(await detectFormat(prose)).toBeUndefined();
  });

  it('a FIFO is refused without being opened', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect((await refusal(fifo)).message).toBe('is not a regular file (a device, FIFO or socket).');
  });

  it('broken JSON is named with its line; a file cut short says so', async () => {
    const broken = tempFile('log.json', '{\n  "log_entries": [\n    { "type": "trigger_log_entry", "created_at": "2024-08-14T14:02:11Z" },\n    { "type": "resolve_log_entry" oops }\n  ]\n}\n');
    const error = await refusal(broken);
    expect(error.message).toMatch(/^is not valid JSON at line 4 \(unexpected "o"\), so it is not a PagerDuty log entries export\.$/);
    expect(error.line).toBe(4);
    const cut = tempFile('log.json', '{ "log_entries": [ { "type": "trigger_log_entry", "created_at": "2024-08-14T14:02:11Z", "summary": "Trig');
    expect((await refusal(cut)).message).toBe('ends before its JSON does, so it is not a PagerDuty log entries export (was the file cut short?).');
  });

  it('an entry without a readable time is named', async () => {
    const path = tempFile('log.json', JSON.stringify({ log_entries: [{ type: 'trigger_log_entry', created_at: 'soon' }] }));
    expect((await refusal(path)).message).toBe('log entry 1 has no time that can be read (created_at: "soon").');
    const csv = tempFile('incidents.csv', 'id,incident_number,description,created_on\nP1,1,Fire,yesterday\n');
    const error = await refusal(csv);
    expect(error.message).toBe('line 2 has no time in created_on that can be read ("yesterday").');
    expect(error.line).toBe(2);
  });

  it('a CSV with a quote never closed is named with the line the quote opens on', async () => {
    const path = tempFile('events.csv', 'time,message\n2024-08-14 14:01,Errors up on checkout\n2024-08-14 14:02,"Rollback started\nand then\n');
    const error = await refusal(path);
    expect(error.message).toBe('has a quote opened on line 3 that is never closed, so it is not a CSV file that can be read.');
    expect(error.line).toBe(3);
  });

  it('a CSV whose named column does not exist, or with no time column at all', async () => {
    const path = sourceFixture('events.csv');
    await expect(readAll(path, { columns: { time: 'when' } })).rejects.toMatchObject({ message: 'has no column "when" for the time: its columns are timestamp, service, severity, message.' });
    await expect(readAll(path, { columns: { text: '9' } })).rejects.toMatchObject({ message: 'has no column "9" for the text: its columns are timestamp, service, severity, message.' });
    const timeless = tempFile('people.csv', 'name,team\nAda,payments\nTomasz,payments\n');
    expect((await refusal(timeless)).message).toBe('has no column of dates with times of day (such as 2024-08-14 14:02) in its first 2 rows: its columns are name, team.');
  });
});

describe('detectFormat and readSource on anything', () => {
  const prefixes = ['', '{"log_entries":[', '{"data":[{"log":"x","createdAt":', '{"alerts":[{"startsAt":', '[{"alerts":[', 'commit 0123456789abcdef\nDate: ', 'timestamp,message\n', 'incident_number,created_on\n', 'TinyId,Message,CreatedAt\n', '\ufeff'];
  const extensions = ['.json', '.csv', '.ndjson', '.txt', '.tsv', ''];
  const content = fc.oneof(
    fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
    fc.string({ maxLength: 400 }).map((text) => Buffer.from(text)),
    fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\n', ';', '\t', 'a', '1', '2024-08-14 14:02', ' ', 'startsAt', 'log_entries'), maxLength: 80 }).map((text) => Buffer.from(text)),
  );

  it('detectFormat never throws, and readSource fails only with a SourceError', async () => {
    const folder = tempDir();
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), content, fc.constantFrom(...extensions), async (prefix, body, extension) => {
        const path = join(folder, `file-${index++}${extension}`);
        writeFileSync(path, Buffer.concat([Buffer.from(prefix), body]));
        const format = await detectFormat(path);
        expect(format === undefined || SOURCE_FORMATS.includes(format)).toBe(true);
        try {
          for await (const candidate of readSource(path, { zone: UTC })) {
            expect(Number.isFinite(candidate.at)).toBe(true);
            expect(typeof candidate.text).toBe('string');
          }
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(SourceError);
          expect((error as SourceError).message).not.toMatch(/\n|undefined|\[object/);
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it('a folder or path that is not there is no format', async () => {
    expect(await detectFormat(join(tempDir(), 'missing'))).toBeUndefined();
    const folder = tempDir();
    mkdirSync(join(folder, 'inner'));
    expect(await detectFormat(folder)).toBeUndefined();
  });
});
