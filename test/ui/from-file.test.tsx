import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError, type Candidate, type SourceFormat } from '../../src/sources/candidate.js';
import { SOURCE_FORMATS } from '../../src/sources/formats.js';
import { STEPS } from '../../src/wizard/flow.js';
import { KEY, mountWizard } from '../support/ink.js';
import { fixture, tempDir } from '../support/temp.js';

/*
 * The timeline's "from a file" in the wizard: the path, the pick list, the ticks, the rest of
 * long messages. The file format here is a stand-in (lines of "ISO time|author|text") so the
 * test is about the view; each real reader has its own tests under test/sources/.
 */
const fake: SourceFormat = {
  id: 'test-lines',
  label: 'a test log',
  sniff: ({ path }) => path.endsWith('.testlog'),
  async *read(path) {
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    for (const [i, line] of lines.entries()) {
      const [iso, author, text] = line.split('|');
      const at = Date.parse(iso!);
      if (Number.isNaN(at)) throw new SourceError(path, `"${iso}" is not a time.`, i + 1);
      yield { at, author, text: text!, source: 'Test log', people: author ? [author] : [] } satisfies Candidate;
    }
  },
};

beforeAll(() => {
  (SOURCE_FORMATS as SourceFormat[]).unshift(fake);
});
afterAll(() => {
  (SOURCE_FORMATS as SourceFormat[]).splice(SOURCE_FORMATS.indexOf(fake), 1);
});

const TIMELINE = STEPS.findIndex((s) => s.question.kind === 'entries' && !s.question.entryKind);
const draft = {
  version: 1,
  title: 'Checkout outage',
  summary: { timezone: 'America/New_York', start: '2024-08-14 14:10', end: '2024-08-14 14:50' },
  timeline: [{ at: '2024-08-14 14:10', kind: 'detection' as const, text: 'Checkout errors alert' }],
};

const LOG = [
  '2024-08-14T17:00:00Z|Alice Smith|way before the incident',
  '2024-08-14T18:20:00Z|Alice Smith|Looking at the checkout pods.',
  '2024-08-14T18:31:00Z|Bob|Thought it was the CDN, ruled it out. The CDN logs are clean and the error rate at the edge is flat.',
  '2024-08-14T18:45:00Z|Bob|Rolled back 4312, errors back to normal.',
  '2024-08-14T19:20:00Z|Bob|Paging the payments team on-call to confirm.',
];

function logFile(lines = LOG): string {
  const path = join(tempDir(), 'incident.testlog');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The wizard on the timeline step, told to add from `path`. */
async function askForFile(on: typeof draft, path: string) {
  const app = await mountWizard(on, 'beginning', { screen: { kind: 'question', step: TIMELINE } });
  await app.waitFor(on.timeline[0]!.text);
  await app.press('f');
  await app.waitFor('which file?');
  await app.paste(path);
  await app.press(KEY.enter);
  return app;
}

async function openPickList(keys: 'one at a time' | 'burst', on = draft, lines = LOG) {
  const app = await mountWizard(on, 'beginning', { screen: { kind: 'question', step: TIMELINE } });
  await app.waitFor(on.timeline[0]!.text);
  const path = logFile(lines);
  if (keys === 'burst') await app.burst(`f${path}\r`);
  else {
    await app.press('f');
    await app.waitFor('Add entries from a file');
    await app.paste(path);
    await app.press(KEY.enter);
  }
  await app.waitFor('From ');
  return { app, path };
}

describe('adding timeline entries from a file', () => {
  for (const keys of ['one at a time', 'burst'] as const) {
    it(`offers what the file says in the window, blameless, and adds only the ticked (keys ${keys})`, async () => {
      const { app } = await openPickList(keys);
      const frame = app.frame();
      expect(frame).toContain('3 entries between 13:55 and 15:05 America/New_York');
      expect(frame).not.toContain('way before');
      expect(frame).not.toContain('Alice');
      expect(frame).toContain('[ ] 14:20 Action');
      expect(frame).toContain('Misleading path  Thought it was the CDN, ruled it out.');
      await app.press(KEY.down, ' ', KEY.down, ' ', KEY.enter);
      await app.waitFor(/goes on past its first sentence/);
      // The rest is shown, so the question says what would be added.
      expect(app.frame()).toMatch(/\u201cThe CDN logs are clean/);
      expect(app.frame()).toContain('Add it to the root cause text, to edit there? y/n');
      await app.press('y');
      await app.waitFor('Added 2 entries from');
      await app.waitFor(/saved/);
      const saved = readFileSync(app.session.path, 'utf8');
      expect(saved).toContain('text: Thought it was the CDN, ruled it out.');
      expect(saved).toContain('text: Rolled back 4312, errors back to normal.');
      expect(saved).not.toContain('Looking at the checkout pods');
      expect(saved).toContain('The CDN logs are clean');
      // A later change to the timeline ends the sentence about the file.
      await app.press('d');
      await app.waitFor('? y/n');
      await app.press('y');
      await app.waitFor('Deleted the entry.');
      expect(app.frame()).not.toContain('Added 2 entries from');
      app.unmount();
    });
  }

  it('widens the window, keeps names when asked, and changes a kind', async () => {
    const { app } = await openPickList('one at a time');
    await app.press('+');
    await app.waitFor('4 entries between 13:40 and 15:20');
    await app.press('n');
    await app.waitFor('Names kept (n replaces them)');
    expect(app.frame()).toContain('Alice Smith: Looking at the checkout pods.');
    await app.press(KEY.down, KEY.down, KEY.down);
    await app.waitFor(/\u203a \[ \] 15:20 Escalation/);
    await app.press('k');
    await app.waitFor(/\u203a \[ \] 15:20 Resolution/);
    await app.press(' ', KEY.enter);
    await app.waitFor('Added 1 entry from');
    await app.waitFor(/saved/);
    const saved = readFileSync(app.session.path, 'utf8');
    expect(saved).toMatch(/at: "?2024-08-14 15:20"?\n\s+kind: resolution\n\s+text: "?Bob: Paging the payments team on-call to confirm./);
    app.unmount();
  });

  it('the hour that happens twice (clocks going back) lands on the right entry', async () => {
    const night = { ...draft, summary: { timezone: 'America/New_York', start: '2024-11-03 00:30', end: '2024-11-03 02:30' }, timeline: [{ at: '2024-11-03 00:30', kind: 'detection' as const, text: 'Night alert' }] };
    const { app } = await openPickList('one at a time', night, ['2024-11-03T05:20:00Z|Bob|First 01:20.', '2024-11-03T06:20:00Z|Bob|Second 01:20.']);
    await app.waitFor('2 entries between');
    // The two 01:20s, told apart by the zone's name for each.
    expect(app.frame()).toMatch(/01:20 EDT .*First 01:20\./);
    expect(app.frame()).toMatch(/01:20 EST .*Second 01:20\./);
    await app.press('a', KEY.enter);
    await app.waitFor('Added 2 entries from');
    await app.waitFor(/saved/);
    const saved = readFileSync(app.session.path, 'utf8');
    expect(saved).toMatch(/at: "?2024-11-03 01:20 -04:00"?\n\s+kind: \w+\n\s+text: First 01:20./);
    expect(saved).toMatch(/at: "?2024-11-03 01:20"?\n\s+kind: \w+\n\s+text: Second 01:20./);
    app.unmount();
  });

  it('says what is wrong with a file, keeps the path typed, and Esc leaves without adding', async () => {
    const app = await mountWizard(draft, 'beginning', { screen: { kind: 'question', step: TIMELINE } });
    await app.waitFor('Checkout errors alert');
    const folder = tempDir();
    const bad = join(folder, 'broken.testlog');
    writeFileSync(bad, 'yesterday-ish|Alice|hello\n');
    await app.press('f');
    await app.waitFor('which file?');
    await app.paste(bad);
    await app.press(KEY.enter);
    await app.waitFor(`${bad}:1: "yesterday-ish" is not a time.`);
    expect(app.frame()).toContain(bad);
    await app.press(KEY.esc);
    await app.waitFor('1 entry in the timeline');
    const before = readFileSync(app.session.path, 'utf8');
    await app.press('f');
    await app.waitFor('which file?');
    await app.paste(join(folder, 'nothing-here.testlog'));
    await app.press(KEY.enter);
    await app.waitFor(/nothing-here\.testlog/);
    expect(readFileSync(app.session.path, 'utf8')).toBe(before);
    app.unmount();
  });

  it('Tab completes the path from its folder', async () => {
    const app = await mountWizard(draft, 'beginning', { screen: { kind: 'question', step: TIMELINE } });
    await app.waitFor('Checkout errors alert');
    const path = logFile();
    await app.press('f');
    await app.waitFor('which file?');
    await app.paste(path.replace(/testlog$/, 't'));
    await app.press(KEY.tab);
    await app.waitFor(path);
    await app.press(KEY.enter);
    await app.waitFor('3 entries between');
    app.unmount();
  });

  it('asks which CSV columns hold the time and the text when the contents cannot tell', async () => {
    const csvDraft = { ...draft, summary: { timezone: 'UTC', start: '2024-08-14 14:00', end: '2024-08-14 14:50' } };
    const app = await askForFile(csvDraft, fixture('sources/ambiguous-time.csv'));
    await app.waitFor('holds the time?');
    // Only what the contents could not tell: the time, between its two time columns; the text is known.
    expect(app.frame()).toContain('first_seen and last_seen could each be the time');
    expect(app.frame()).not.toContain('message');
    await app.press(KEY.enter);
    await app.waitFor('3 entries between 13:45 and 15:05 UTC');
    expect(app.frame()).toContain('14:01');
    app.unmount();
  });

  it('z reads times written without a timezone in another one', async () => {
    const utc = { ...draft, summary: { timezone: 'UTC', start: '2024-08-14 14:00', end: '2024-08-14 14:20' } };
    const app = await askForFile(utc, fixture('sources/chat/weechat.log'));
    await app.waitFor('read as UTC (z to change)');
    expect(app.frame()).toMatch(/14:02 \w[\w ]+ +the cache hit rate dropped to 20%/);
    await app.press('z');
    await app.waitFor('Now read as UTC');
    await app.type('Europe/Berlin');
    await app.press(KEY.enter);
    // 14:02 in Berlin is 12:02 UTC: before the window now.
    await app.waitFor('read as Europe/Berlin (z to change)');
    expect(app.frame()).not.toContain('the cache hit rate dropped');
    app.unmount();
  });

  it('keeps the ticks across the zone question and the rest question, and adds nothing twice', async () => {
    const { app, path } = await openPickList('one at a time');
    await app.press(KEY.down, ' ', KEY.down, ' ');
    await app.waitFor('2 ticked');
    await app.press('z');
    await app.waitFor('Now read as America/New_York');
    await app.press(KEY.esc);
    await app.waitFor('2 ticked');
    await app.press(KEY.enter);
    await app.waitFor(/goes on past its first sentence/);
    await app.press(KEY.esc);
    await app.waitFor('2 ticked');
    await app.press(KEY.enter);
    await app.waitFor(/goes on past its first sentence/);
    await app.press('n');
    await app.waitFor('Added 2 entries from incident.testlog.');
    await app.press('f');
    await app.waitFor('which file?');
    await app.paste(path);
    await app.press(KEY.enter);
    await app.waitFor('0 ticked');
    // With names kept this time: the same messages, worded otherwise, are still the ones already there.
    await app.press('n', 'a', KEY.enter);
    await app.waitFor(/goes on past its first sentence/);
    await app.press('n');
    await app.waitFor('Added 1 entry from incident.testlog (2 already in the timeline).');
    await app.waitFor(/saved/);
    const saved = readFileSync(app.session.path, 'utf8');
    expect(saved.match(/Rolled back 4312/g)).toHaveLength(1);
    expect(saved).toContain('text: "Alice Smith: Looking at the checkout pods."');
    app.unmount();
  });

  it('asks before adding more entries than a timeline usually holds', async () => {
    const many = Array.from({ length: 250 }, (_, i) => `2024-08-14T18:${String(10 + Math.floor(i / 10)).padStart(2, '0')}:${String((i % 10) * 5).padStart(2, '0')}Z|bot|check ${i} passed`);
    const { app } = await openPickList('one at a time', draft, many);
    await app.waitFor('250 entries between');
    await app.press('a', KEY.enter);
    await app.waitFor('Add 250 entries to the timeline?');
    await app.press('n');
    await app.waitFor('250 ticked');
    await app.press(KEY.enter);
    await app.waitFor('Add 250 entries to the timeline?');
    await app.press('y');
    await app.waitFor('Added 250 entries from incident.testlog.');
    app.unmount();
  });
});

