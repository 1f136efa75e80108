import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { waitFor } from '../support/ink.js';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { fakeEditor } from '../support/fake-editor.js';
import { fixture, tempDir } from '../support/temp.js';

const { sessions } = terminalsClosedAfterEach();


function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a signal while $EDITOR has the terminal', () => {
  it.each([
    { signal: 'SIGTERM', code: 143 },
    { signal: 'SIGHUP', code: 129 },
  ])('$signal ends the editor, then the wizard after saving ($code)', async ({ signal, code }) => {
    const cwd = tempDir();
    const notes = tempDir();
    const path = join(cwd, 'pm.yaml');
    writeFileSync(path, readFileSync(fixture('seed-000-payment.yaml'), 'utf8').replace(/^rootCause: \|[\s\S]*?(?=^resolution:)/m, ''));
    // An editor that stays open until it is told to go.
    const editor = fakeEditor(notes, 'echo $$ > "$NOTES/editor.pid"\nexec sleep 30');
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv({ VISUAL: editor, NOTES: notes }) });
    sessions.push(t);
    await t.waitFor('What caused it, in detail?');
    await t.type('Typed before the editor.');
    await t.press('\u0018');
    await waitFor(() => expect(readFileSync(join(notes, 'editor.pid'), 'utf8')).toMatch(/^\d+\n$/), 10_000);
    const editorPid = Number(readFileSync(join(notes, 'editor.pid'), 'utf8'));
    t.kill(signal);
    expect(await t.exited).toBe(code);
    expect(isRunning(editorPid)).toBe(false);
    // The field's text is kept, not confirmed, for the resume to offer again.
    expect(readFileSync(path, 'utf8')).toContain('unconfirmed:\n  question: rootCause\n  text: Typed before the editor.\n');
    await loadDraft(path);
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);
});

describe('while $EDITOR has the terminal', () => {
  it('the editor gets every key typed, none is read by the wizard behind it', async () => {
    const cwd = tempDir();
    const notes = tempDir();
    writeFileSync(join(cwd, 'pm.yaml'), readFileSync(fixture('seed-000-payment.yaml'), 'utf8').replace(/^rootCause: \|[\s\S]*?(?=^resolution:)/m, ''));
    // Reads two lines from the terminal, as an editor would, and writes them into the file.
    const editor = fakeEditor(notes, 'touch "$NOTES/started"\nread first\nread second\nprintf "%s %s" "$first" "$second" > "$1"');
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv({ VISUAL: editor, NOTES: notes }) });
    sessions.push(t);
    await t.waitFor('What caused it, in detail?');
    await t.press('\u0018');
    await waitFor(() => expect(existsSync(join(notes, 'started'))).toBe(true), 10_000);
    await t.type('Typed in');
    await t.press('\r');
    await t.type('the editor.');
    await t.press('\r');
    await t.waitFor('› Typed in the editor.');
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
    expect(readFileSync(join(cwd, 'pm.yaml'), 'utf8')).toContain('text: Typed in the editor.');
  }, 60_000);
});

/*
 * "Open the draft in your editor" when the draft cannot be saved (its folder is gone): the
 * editor gets a private copy of the answers in memory, broken YAML goes back to it with the
 * problem on top, and what it saves is the answers from then on (rescued on the way out).
 */
describe('the draft in $EDITOR after a failed save', () => {
  it('edits a copy of the answers, reopens on broken YAML, and keeps the result', async () => {
    const cwd = tempDir();
    const notes = tempDir();
    const temp = tempDir();
    mkdirSync(join(cwd, 'sub'));
    writeFileSync(join(cwd, 'sub', 'pm.yaml'), readFileSync(fixture('seed-000-payment.yaml')));
    // First call: saves broken YAML. Second: fixes it, renaming the postmortem. Each keeps what it was given.
    const editor = fakeEditor(
      notes,
      [
        'n=$(ls "$NOTES" | grep -c "^call-")',
        'cp "$1" "$NOTES/call-$n.yaml"',
        'stat -c %a "$1" > "$NOTES/mode-$n"',
        `if [ "$n" = 0 ]; then printf 'version: 1\\ntitle: [unclosed\\n' > "$1"`,
        'else sed "s/^title: .*/title: Renamed in the editor/" "$NOTES/call-0.yaml" > "$1"; fi',
      ].join('\n'),
    );
    const t = new TerminalSession(['resume', 'sub/pm.yaml'], { cwd, env: isolatedEnv({ EDITOR: editor, VISUAL: '', NOTES: notes, TMPDIR: temp }) });
    sessions.push(t);
    await t.waitFor('Open the draft in your editor');
    rmSync(join(cwd, 'sub'), { recursive: true, force: true });
    await t.press(KEYS.down, KEYS.down, KEYS.enter);
    await t.waitFor('│ # Renamed in the editor');

    // The editor was given the answers in memory, in a file only this user can read.
    expect(readFileSync(join(notes, 'call-0.yaml'), 'utf8')).toContain('title: Payment service outage');
    expect(readFileSync(join(notes, 'mode-0'), 'utf8').trim()).toBe('600');
    // Then its own broken text again, with the problem written on top as comments.
    const second = readFileSync(join(notes, 'call-1.yaml'), 'utf8');
    expect(second).toMatch(/^# postmortem-wizard could not read this draft:\n# {3}sub\/pm\.yaml:\d+(:\d+)?: not valid YAML/);
    expect(second).toContain('version: 1\ntitle: [unclosed\n');

    // The wizard goes on with the edited answers; on the way out they are rescued.
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
    const rescued = readdirSync(temp).filter((name) => name.startsWith('postmortem-wizard-rescue-'));
    expect(rescued).toHaveLength(1);
    expect(t.raw).toContain(join(temp, rescued[0]!));
    expect(readFileSync(join(temp, rescued[0]!), 'utf8')).toContain('title: Renamed in the editor');
    // The private copy does not outlive the edit.
    expect(readdirSync(temp).filter((name) => !name.startsWith('postmortem-wizard-rescue-'))).toEqual([]);
  }, 60_000);

  it('keeps the answers when the editor gives the file back unchanged', async () => {
    const cwd = tempDir();
    const notes = tempDir();
    const path = join(cwd, 'pm.yaml');
    const before = readFileSync(fixture('seed-000-payment.yaml'), 'utf8');
    writeFileSync(path, before);
    const editor = fakeEditor(notes, 'true');
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv({ EDITOR: editor, VISUAL: '' }) });
    sessions.push(t);
    await t.waitFor('Open the draft in your editor');
    await t.press(KEYS.down, KEYS.down, KEYS.enter);
    await t.waitFor('The draft came back unchanged.');
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
    expect((await loadDraft(path)).draft.title).toBe('Payment service outage');
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);
});
