import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { fakeEditor } from '../support/fake-editor.js';
import { fixture, tempDir } from '../support/temp.js';

const { sessions } = terminalsClosedAfterEach();


describe('handing the terminal to $EDITOR', () => {
  it('writes a paragraph answer in the editor and comes back to the same question with it', async () => {
    const cwd = tempDir();
    const draft = readFileSync(fixture('seed-000-payment.yaml'), 'utf8').replace(/^rootCause: \|[\s\S]*?(?=^resolution:)/m, '');
    writeFileSync(join(cwd, 'pm.yaml'), draft);
    const editor = fakeEditor(cwd, `printf 'Written in the editor.\\n\\nSecond paragraph.\\n' >> "$1"`);
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv({ VISUAL: editor }) });
    sessions.push(t);
    await t.waitFor('What caused it, in detail?');
    await t.type('Typed first.');
    await t.press('\u0018');
    await t.waitFor('Second paragraph.');
    await t.waitFor('› Typed first.Written in the editor.');
    await t.press(KEYS.enter);
    await t.waitFor('How was it fixed, in detail?');
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
    expect(readFileSync(join(cwd, 'pm.yaml'), 'utf8')).toContain('rootCause: |-\n  Typed first.Written in the editor.\n\n  Second paragraph.');
  }, 60_000);

  it('opens the draft itself from the review and reloads what was saved there', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'pm.yaml'), readFileSync(fixture('seed-000-payment.yaml')));
    const editor = fakeEditor(cwd, `sed -i 's/^title: .*/title: Renamed in the editor/' "$1"`);
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv({ EDITOR: editor, VISUAL: '' }) });
    sessions.push(t);
    await t.waitFor('Open the draft in your editor');
    await t.press(KEYS.down, KEYS.down, KEYS.enter);
    await t.waitFor('│ # Renamed in the editor');
    await t.press(KEYS.enter);
    expect(await t.exited).toBe(0);
    expect(readFileSync(join(cwd, 'README.md'), 'utf8')).toMatch(/^# Renamed in the editor\n/);
  }, 60_000);

  it('leaves nothing of the frame before the editor on screen when it comes back, in a window the frame fills', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'pm.yaml'), readFileSync(fixture('seed-000-payment.yaml')));
    const editor = fakeEditor(cwd, 'true');
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv({ EDITOR: editor, VISUAL: '' }), cols: 60, rows: 20 });
    sessions.push(t);
    await t.waitFor('Open the draft in your editor');
    // In one write, as a quick typist sends them: the Enter comes with a frame still to draw.
    await t.press(`${KEYS.down}${KEYS.down}${KEYS.enter}`);
    await t.waitFor('The draft came back unchanged.');
    // The whole frame drawn: its footer below the notice.
    await expect.poll(() => t.screen().split('\n').some((row, i, all) => row.includes('Ctrl+C') && all.slice(0, i).some((above) => above.includes('came back unchanged')))).toBe(true);
    const rows = t.screen().split('\n');
    expect(rows[0]).toMatch(/^postmortem-wizard · pm\.yaml/);
    expect(rows.filter((row) => row.includes('Ctrl+C'))).toHaveLength(1);
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
  }, 60_000);

  it('refuses a broken draft with its file and line, before drawing anything', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.yaml'), 'version: 1\ntitle: [unclosed\n');
    const t = new TerminalSession(['resume', 'bad.yaml'], { cwd, env: isolatedEnv() });
    sessions.push(t);
    expect(await t.exited).toBe(2);
    await t.waitFor(/bad\.yaml:\d+(:\d+)?: not valid YAML/);
    expect(readFileSync(join(cwd, 'bad.yaml'), 'utf8')).toBe('version: 1\ntitle: [unclosed\n');
  }, 30_000);
});
