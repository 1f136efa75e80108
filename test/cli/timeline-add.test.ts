import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { timelineAddCommand } from '../../src/commands/timeline-add.js';
import { UsageError } from '../../src/process/exit-codes.js';
import { SourceError, type SourceFormat } from '../../src/sources/candidate.js';
import { SOURCE_FORMATS } from '../../src/sources/formats.js';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { processStart } from '../../src/store/process-start.js';
import { waitFor } from '../support/ink.js';
import { DraftFileError } from '../../src/store/errors.js';
import { tempDir } from '../support/temp.js';

/*
 * `timeline add` as a script runs it: what it lists, what it adds, what it refuses. The file
 * format is a stand-in (lines of "ISO time|author|text"); the real readers have their own
 * tests under test/sources/ and the built command runs on them in test/e2e/timeline-add.e2e.test.ts.
 */
const fake: SourceFormat = {
  id: 'test-lines',
  label: 'a test log',
  sniff: ({ path }) => path.endsWith('.testlog'),
  async *read(path) {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line) continue;
      const [iso, author, text] = line.split('|');
      const at = Date.parse(iso!);
      if (Number.isNaN(at)) throw new SourceError(path, `"${iso}" is not a time.`, i + 1);
      yield { at, author, text: text!, source: 'Test log', people: author ? [author] : [] };
    }
  },
};
beforeAll(() => void (SOURCE_FORMATS as SourceFormat[]).unshift(fake));
afterAll(() => void (SOURCE_FORMATS as SourceFormat[]).splice(SOURCE_FORMATS.indexOf(fake), 1));

let printed = '';
beforeAll(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
});
afterEach(() => {
  printed = '';
});
afterAll(() => vi.restoreAllMocks());

const DRAFT = `# my notes stay
version: 1
title: Checkout outage
summary:
  timezone: Europe/Berlin
  start: "2024-08-14 14:10"
  end: "2024-08-14 14:50"
timeline:
  - at: "2024-08-14 14:10"
    kind: detection
    text: Checkout errors alert # spotted by Ana
`;

function setUp(lines: string[], draft = DRAFT) {
  const folder = tempDir();
  const draftPath = join(folder, 'pm.yaml');
  const log = join(folder, 'chat.testlog');
  writeFileSync(draftPath, draft);
  writeFileSync(log, `${lines.join('\n')}\n`);
  return { draftPath, log };
}

const LOG = [
  '2024-08-14T11:00:00Z|Alice Smith|way before',
  '2024-08-14T12:20:00Z|Alice Smith|Looking at the checkout pods with @Bob Jones.',
  '2024-08-14T12:31:00Z|Bob Jones|Thought it was the CDN, ruled it out. The CDN logs are clean and the edge error rate is flat.',
  '2024-08-14T12:45:00Z|Bob Jones|Rolled back 4312, errors back to normal.',
  '2024-08-14T12:45:30Z|Bob Jones|Rolled back 4312, errors back to normal.',
];

describe('timeline add', () => {
  it('lists times in one column, naming the clock in the hour that happens twice (as the wizard does)', async () => {
    const chicago = DRAFT.replace('Europe/Berlin', 'America/Chicago').replace('"2024-08-14 14:10"', '"2025-11-01 23:40"').replace('"2024-08-14 14:50"', '"2025-11-02 03:10"').replace(/timeline:[\s\S]*/, '');
    const { draftPath, log } = setUp([
      '2025-11-02T05:20:00Z|Bot|Failover started on the orders database.',
      '2025-11-02T06:12:00Z|Bot|Replica promoted, writes still failing.',
      '2025-11-02T07:12:00Z|Bot|Pooler restarted, writes back.',
      '2025-11-02T08:30:00Z|Bot|Error rate back to normal.',
    ], chicago);
    expect(await timelineAddCommand(draftPath, log, {})).toBe(0);
    const rows = printed.split('\n').filter((row) => row.startsWith('  2025'));
    expect(rows.map((row) => row.slice(2, 22))).toEqual(['2025-11-02 00:20    ', '2025-11-02 01:12 CDT', '2025-11-02 01:12 CST', '2025-11-02 02:30    ']);
    // One column for the kinds, whatever the times say.
    expect(new Set(rows.map((row) => row.indexOf(row.trim().split(/\s{2,}/)[1]!))).size).toBe(1);
  });

  it('without --all or --match lists what it found in the window and changes nothing', async () => {
    const { draftPath, log } = setUp(LOG);
    expect(await timelineAddCommand(draftPath, log, {})).toBe(0);
    expect(printed).toMatch(/ {2}2024-08-14 14:20 {2}action +Looking at the checkout pods with an engineer\. {2}\[Test log · an engineer\]/);
    expect(printed).toMatch(/ {2}2024-08-14 14:45 {2}resolution +Rolled back 4312, errors back to normal\. \(\u00d72\)/);
    expect(printed).toContain('3 entries found between 2024-08-14 13:55 and 15:05 Europe/Berlin; 1 outside between');
    expect(printed).toContain('nothing added. Add them all with --all, or some with --match TEXT.');
    expect(printed).not.toMatch(/Alice|Bob/);
    expect(readFileSync(draftPath, 'utf8')).toBe(DRAFT);
  });

  it('--all adds every entry in the window once, in time order, keeping the comments; a second run adds nothing', async () => {
    const { draftPath, log } = setUp(LOG);
    expect(await timelineAddCommand(draftPath, log, { all: true })).toBe(0);
    expect(printed).toMatch(/\+ 2024-08-14 14:31 {2}misleading path +Thought it was the CDN, ruled it out\./);
    expect(printed).toContain('Added 3 entries to');
    expect(printed).toContain('1 long message was cut to the first sentence; --rest adds the rest to the root cause text.');
    const saved = readFileSync(draftPath, 'utf8');
    expect(saved).toContain('# my notes stay');
    expect(saved).toContain('text: Checkout errors alert # spotted by Ana');
    const ats = [...saved.matchAll(/at: "([^"]+)"/g)].map((m) => m[1]);
    expect(ats).toEqual(['2024-08-14 14:10', '2024-08-14 14:20', '2024-08-14 14:31', '2024-08-14 14:45']);
    printed = '';
    expect(await timelineAddCommand(draftPath, log, { all: true })).toBe(0);
    expect(printed).toContain('Added 0 entries to');
    expect(printed).toContain('3 already there');
    expect(readFileSync(draftPath, 'utf8')).toBe(saved);
  });

  it('--match picks by words, --keep-names keeps who said it, --rest adds the rest to the root cause', async () => {
    const { draftPath, log } = setUp(LOG);
    expect(await timelineAddCommand(draftPath, log, { match: ['cdn'], keepNames: true, rest: true })).toBe(0);
    const saved = readFileSync(draftPath, 'utf8');
    expect(saved).toContain('text: "Bob Jones: Thought it was the CDN, ruled it out."');
    expect(saved).toMatch(/rootCause: The CDN logs are clean and the edge error rate is flat\./);
    expect(saved).not.toContain('Rolled back');
    expect(printed).toContain('2 not picked');
  });

  it('--from and --to set the window, read in the draft\'s zone', async () => {
    const { draftPath, log } = setUp(LOG);
    expect(await timelineAddCommand(draftPath, log, { from: '13:00', to: '14:25' })).toBe(0);
    expect(printed).toContain('2 entries found between 2024-08-14 13:00 and 14:25 Europe/Berlin');
    expect(printed).toContain('way before');
  });

  it('places a bare --from/--to time on the day nearest the incident, --to after --from', async () => {
    const night = DRAFT.replace('Europe/Berlin', 'America/New_York').replace('start: "2024-08-14 14:10"', 'start: "2024-11-02 23:40"').replace('end: "2024-08-14 14:50"', 'end: "2024-11-03 02:30"');
    const { draftPath, log } = setUp(LOG, night);
    const window = async (flags: { from?: string; to?: string }) => {
      printed = '';
      await timelineAddCommand(draftPath, log, flags);
      return /found (between .*? America\/New_York)/.exec(printed)?.[1];
    };
    expect(await window({ from: '23:50', to: '00:10' })).toBe('between 2024-11-02 23:50 and 2024-11-03 00:10 America/New_York');
    expect(await window({ from: '01:10', to: '01:30' })).toBe('between 2024-11-03 01:10 and 01:30 America/New_York');
    expect(await window({ from: '2024-11-03T01:00', to: '01:30' })).toBe('between 2024-11-03 01:00 and 01:30 America/New_York');
    expect(await window({ from: '2024-11-02 22:00', to: '02:00' })).toBe('between 2024-11-02 22:00 and 2024-11-03 02:00 America/New_York');
  });

  it('refuses bad options and files with one sentence, leaving the draft as it was', async () => {
    const { draftPath, log } = setUp([...LOG, 'not-a-time|x|y']);
    await expect(timelineAddCommand(draftPath, log, { all: true })).rejects.toThrow(DraftFileError);
    await expect(timelineAddCommand(draftPath, log, { all: true })).rejects.toThrow(`${log}:6: "not-a-time" is not a time.`);
    await expect(timelineAddCommand(draftPath, log, { all: true, match: ['x'] })).rejects.toThrow('--all and --match pick in two ways');
    await expect(timelineAddCommand(draftPath, log, { margin: 'ten' })).rejects.toThrow('--margin ten is not a number of minutes');
    await expect(timelineAddCommand(draftPath, log, { from: '2024-08-14 15:00', to: '2024-08-14 14:00' })).rejects.toThrow('--from is after --to');
    await expect(timelineAddCommand(draftPath, log, { from: 'soon' })).rejects.toThrow(UsageError);
    await expect(timelineAddCommand(draftPath, log, { zone: 'Mars/Base' })).rejects.toThrow('--zone Mars/Base');
    await expect(timelineAddCommand(draftPath, join(draftPath, '..', 'none.testlog'), {})).rejects.toThrow(SourceErrorMessage);
    expect(readFileSync(draftPath, 'utf8')).toBe(DRAFT);
  });

  it('leaves a draft open in a wizard alone', async () => {
    const { draftPath, log } = setUp(LOG);
    // A live process on this machine holds it, as a wizard would.
    const wizard = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await waitFor(() => expect(processStart(wizard.pid!)).toBeDefined());
      writeFileSync(`${draftPath}.lock`, `${JSON.stringify({ pid: wizard.pid, host: hostname(), since: new Date().toISOString(), token: 'theirs', started: processStart(wizard.pid!) })}\n`);
      await expect(timelineAddCommand(draftPath, log, { all: true })).rejects.toThrow(/pm\.yaml is open in a wizard \(process \d+, since/);
      expect(readFileSync(draftPath, 'utf8')).toBe(DRAFT);
    } finally {
      wizard.kill();
    }
  });
});

const SourceErrorMessage = /none\.testlog/;
