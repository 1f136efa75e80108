import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { KEYS, terminalsClosedAfterEach } from '../support/pty.js';
import { runCli } from '../support/run-cli.js';
import { fixture, tempDir } from '../support/temp.js';

/*
 * The built command on the files an incident leaves behind: `timeline add` on every fixture
 * of every format, and the wizard's "from a file" typed at in a real terminal.
 */
const { open } = terminalsClosedAfterEach();

// The fixtures' incident: 2024-08-14, a checkout error-rate page (chat fixtures of other days
// are read in their own tests).
const DRAFT = 'version: 1\ntitle: Checkout errors\nsummary:\n  timezone: America/Los_Angeles\n  start: "2024-08-14 05:00"\n  end: "2024-08-14 08:00"\n';
const WINDOW = ['--from', '2024-08-13 00:00', '--to', '2024-08-15 23:59'];
const FILES = readdirSync(fixture('sources')).filter((name) => !/README|chat$|not-an-export|slack-error|ambiguous/.test(name));

function draftIn(folder: string, text = DRAFT): string {
  const path = join(folder, 'pm.yaml');
  writeFileSync(path, text);
  return path;
}

describe('timeline add, the built command', () => {
  it.each(FILES)('%s: adds what the window holds, in time order, each a time in the draft\'s zone, a kind and one line', async (name) => {
    const draft = draftIn(tempDir());
    const added = runCli(['timeline', 'add', draft, fixture(`sources/${name}`), ...WINDOW, '--all']);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const count = Number(/Added (\d+) entr/.exec(added.stdout)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(added.stdout.split('\n').filter((line) => line.startsWith('+ '))).toHaveLength(count);
    const { draft: after } = await loadDraft(draft);
    expect(after.timeline).toHaveLength(count);
    const ats = after.timeline!.map((entry) => entry.at!);
    expect([...ats].sort()).toEqual(ats);
    for (const entry of after.timeline!) {
      expect(entry.at).toMatch(/^2024-08-1[345] \d\d:\d\d( [+-]\d\d:\d\d)?$/);
      expect(entry.text).not.toMatch(/\n/);
      expect(entry.kind).toBeTruthy();
    }
  }, 30_000);

  it('without --all lists what --all then adds; run again, it adds nothing', async () => {
    const draft = draftIn(tempDir());
    const file = fixture('sources/pagerduty-log-entries.json');
    const listed = runCli(['timeline', 'add', draft, file, ...WINDOW]);
    expect(listed.status).toBe(0);
    const count = Number(/(\d+) entr(?:y|ies) found/.exec(listed.stdout)?.[1]);
    expect(listed.stdout.trim().split('\n')).toHaveLength(count + 1);
    expect(runCli(['timeline', 'add', draft, file, ...WINDOW, '--all']).stdout).toContain(`Added ${count} entries`);
    expect(runCli(['timeline', 'add', draft, file, ...WINDOW, '--all']).stdout).toMatch(new RegExp(`Added 0 entries to \\S*pm\\.yaml; ${count} already there`));
    expect((await loadDraft(draft)).draft.timeline).toHaveLength(count);
  });

  it('asks which CSV columns when the contents cannot tell, and takes them from --columns', () => {
    const draft = draftIn(tempDir());
    const file = fixture('sources/ambiguous-time.csv');
    const refused = runCli(['timeline', 'add', draft, file, '--all']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/ambiguous-time\.csv: cannot tell which column holds the time: first_seen, last_seen\. Name them with --columns TIME,TEXT/);
    const taken = runCli(['timeline', 'add', draft, file, '--all', '--columns', 'first_seen,message', '--from', '2024-08-13 00:00', '--to', '2024-08-15 23:59']);
    expect(taken.stderr).toBe('');
    expect(taken.status).toBe(0);
    expect(taken.stdout).toMatch(/Added \d+ entr/);
  });

  it('refuses what is none of the formats, naming what it reads, and leaves the draft alone', () => {
    const folder = tempDir();
    const draft = draftIn(folder);
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, 'We should buy more coffee.\nAnd fix the pager.\n');
    const refused = runCli(['timeline', 'add', draft, notes, '--all']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/notes\.txt: is none of what the timeline reads: .*Slack export.*PagerDuty.*git/);
    expect(runCli(['timeline', 'add', draft, join(folder, 'missing.json')]).status).toBe(2);
  });
});

describe('the wizard adds entries from a Slack export', () => {
  it('f, the path, a to tick all, Enter: the entries are saved without people\'s names', async () => {
    const folder = tempDir();
    copyFileSync(fixture('sources/slack-export.zip'), join(folder, 'export.zip'));
    draftIn(folder, `${DRAFT.replace('America/Los_Angeles', 'UTC').replace('05:00', '14:00').replace('08:00', '14:20')}  impact: Checkout failed.\n  usersAffectedPercent: 8\n  rootCause: A bad deploy.\ndetectedBy: monitoring\n`);
    const wizard = open(['resume', 'pm.yaml'], folder);
    // An empty timeline opens on its add form, which says how to add from a file instead.
    await wizard.waitFor('Esc, then f:');
    await wizard.press(KEYS.esc);
    await wizard.waitFor('f from a file');
    await wizard.press('f');
    await wizard.waitFor('which file?');
    await wizard.type('exp');
    await wizard.press(KEYS.tab);
    await wizard.waitFor('export.zip');
    await wizard.press(KEYS.enter);
    await wizard.waitFor(/From export\.zip: \d+ entries between 13:45 and 14:35 UTC/);
    expect(wizard.screen()).not.toMatch(/Priya|Tomas/);
    await wizard.press('a');
    await wizard.waitFor(/ticked/);
    await wizard.press(KEYS.enter);
    await wizard.waitFor(/Added \d+ entries from export\.zip/);
    await wizard.press(KEYS.ctrlC);
    expect(await wizard.exited).toBe(130);
    const { draft } = await loadDraft(join(folder, 'pm.yaml'));
    const texts = (draft.timeline ?? []).map((entry) => entry.text).join('\n');
    expect(draft.timeline!.length).toBeGreaterThan(3);
    expect(texts).toContain('rollback finished');
    expect(texts).not.toMatch(/Priya|Tomas|Raman|Novak/);
  }, 60_000);
});
