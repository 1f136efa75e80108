import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outline } from '../support/markdown.js';
import { KEYS, terminalsClosedAfterEach } from '../support/pty.js';
import { runCli } from '../support/run-cli.js';
import { fixture, tempDir } from '../support/temp.js';

const { open: start } = terminalsClosedAfterEach();

/** Both rules of the frame are whole and the same length: nothing wide or right-to-left broke the layout. */
function expectAligned(screen: string): void {
  const rules = screen.split('\n').filter((row) => /^─+$/.test(row));
  expect(rules).toHaveLength(2);
  expect(new Set(rules.map((row) => row.length)).size).toBe(1);
}

describe('hostile text typed or pasted into the wizard', () => {
  it('keeps escape codes and control characters off the screen, out of the draft and the README, whose structure stays the template\'s', async () => {
    const cwd = tempDir();
    const t = start(['new', 'pm.yaml'], cwd);
    await t.waitFor('Title of the postmortem');
    const hostile = '# Not a heading | a pipe <script>alert(1)</script> `tick` - [x] done \u001b[31mred\u001b[0m\u0007\u0000 مرحبا שלום 障害 👍';
    t.pty.write(hostile);
    await t.waitFor('👍');
    expectAligned(t.screen());
    expect(t.screen()).not.toMatch(/\[31m|\[0m/);
    await t.press(KEYS.enter);
    await t.waitFor('Author(s)');
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);

    const draft = readFileSync(join(cwd, 'pm.yaml'), 'utf8');
    expect(draft).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(draft).toContain('# Not a heading | a pipe <script>alert(1)</script> `tick` - [x] done red مرحبا שלום 障害 👍');

    const rendered = runCli(['render', join(cwd, 'pm.yaml'), '-o', '-']);
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(rendered.stdout).not.toContain('<script>');
    // One title heading, holding the words as typed; then exactly the template's own blocks.
    const headings = outline(rendered.stdout).filter((block) => block.startsWith('h'));
    expect(headings[0]).toBe('h1 # Not a heading | a pipe <script>alert(1)</script> `tick` - [x] done red مرحبا שלום 障害 👍');
    writeFileSync(join(cwd, 'plain.yaml'), 'version: 1\ntitle: Plain\n');
    const plain = runCli(['render', join(cwd, 'plain.yaml'), '-o', '-']);
    expect(outline(rendered.stdout).slice(1)).toEqual(outline(plain.stdout).slice(1));
  }, 60_000);

  it('takes a 100 KB paste without submitting it, shows a window of it, and saves all of it', async () => {
    const cwd = tempDir();
    // A draft complete but for the impact: resume opens on that question.
    const text = readFileSync(fixture('seed-001-deployment.yaml'), 'utf8').replace(/ {2}impact: >-\n(?: {4}.*\n)+/, '');
    writeFileSync(join(cwd, 'pm.yaml'), text);
    const t = start(['resume', 'pm.yaml'], cwd);
    await t.waitFor('Impact');
    // The wizard asked for marked pastes; a terminal sends one like this, line breaks as CR.
    expect(t.raw).toContain('\u001b[?2004h');
    const paragraph = 'Checkout requests failed for customers in every region while the pool was exhausted. ';
    const paste = Array.from({ length: 1200 }, (_, i) => `${paragraph}${i % 12 === 11 ? '\r\r' : ''}`).join('');
    expect(paste.length).toBeGreaterThan(100_000);
    for (let i = 0; i < paste.length; i += 4096) t.pty.write(`${i === 0 ? '\u001b[200~' : ''}${paste.slice(i, i + 4096)}${i + 4096 >= paste.length ? '\u001b[201~' : ''}`);
    await t.waitFor('↑ more above', 20_000);
    // Still on the question, the frame whole: the paste did not press Enter or overflow the screen.
    await t.waitFor('Impact: what was down or slow');
    expectAligned(t.screen());
    await t.press(KEYS.enter);
    await t.waitFor('What % of users were affected?', 20_000);
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
    // Off again for the shell.
    expect(t.raw).toContain('\u001b[?2004l');
    const checked = runCli(['check', join(cwd, 'pm.yaml'), '--json']);
    const saved = readFileSync(join(cwd, 'pm.yaml'), 'utf8');
    expect(saved.length).toBeGreaterThan(100_000);
    expect(saved.split('Checkout requests failed').length - 1).toBe(1200);
    expect(checked.status).toBe(1); // far too many words now, and check says so
    expect(checked.stdout).toMatch(/"words": \d{5,}/);
  }, 90_000);
});
