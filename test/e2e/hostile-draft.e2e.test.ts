import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp.js';

const { sessions } = terminalsClosedAfterEach();

/*
 * A draft from someone else's repository, with terminal payloads in every field: a clipboard
 * write (OSC 52), a window title, a cursor report request, an 8-bit CSI and a right-to-left
 * override. Whatever shows it (the wizard, check, list), none of it reaches the terminal.
 */
const OSC52 = '\u001b]52;c;SGk=\u0007';
const TITLE = '\u001b]0;PWNED\u0007';
const REPORT = '\u001b[6n';
const payload = (label: string) => `${label} ${OSC52}${TITLE}${REPORT}\u009b2J \u202eevil`;
// YAML double-quoted strings spell the bytes with \e, \a, \x9b, \u202e.
const yamlPayload = (label: string) => `"${label} \\e]52;c;SGk=\\a\\e]0;PWNED\\a\\e[6n\\x9b2J \\u202Eevil"`;

/** Nothing the terminal would obey from the file: ink's own CSI colours and moves are fine. */
function expectNothingObeyed(output: string): void {
  expect(output).not.toContain('\u001b]');
  expect(output).not.toContain('\u0007');
  expect(output).not.toContain('\u009b');
  expect(output).not.toContain('\u202e');
  expect(output).not.toContain(REPORT);
}

function writeHostileDraft(dir: string): string {
  const path = join(dir, 'shared.yaml');
  writeFileSync(
    path,
    [
      'version: 1',
      `title: ${yamlPayload('Title')}`,
      `authors: [${yamlPayload('Author')}]`,
      'summary:',
      '  start: "2024-03-06 14:30"',
      '  end: "2024-03-06 15:45"',
      '  timezone: UTC',
      `  impact: ${yamlPayload('Impact')}`,
      'timeline:',
      `  - at: "2024-03-06 14:35"`,
      '    kind: detection',
      `    text: ${yamlPayload('Entry')}`,
      'tasks:',
      `  - text: ${yamlPayload('Task')}`,
      `    owner: ${yamlPayload('Owner')}`,
      `    due: ${yamlPayload('Due')}`,
      '',
    ].join('\n'),
  );
  return path;
}

describe('a draft with terminal payloads in every field', () => {
  it('the wizard draws them as visible characters, never as commands', async () => {
    const cwd = tempDir();
    writeHostileDraft(cwd);
    const t = new TerminalSession(['resume', 'shared.yaml'], { cwd, env: isolatedEnv() });
    sessions.push(t);
    // It opens at the first unanswered question; one back is the impact, drawn in its field.
    await t.waitFor('What % of users were affected?');
    await t.press(KEYS.esc);
    await t.waitFor('Impact ␛]52;c;SGk=␇␛]0;PWNED␇␛[6n⟨U+009B⟩2J ⟨U+202E⟩evil');
    await t.press(KEYS.ctrlC);
    await t.exited;
    expectNothingObeyed(t.raw);
  }, 60_000);

  it('check and list print them as visible characters', () => {
    const cwd = tempDir();
    const path = writeHostileDraft(cwd);
    const env = isolatedEnv();
    const checked = runCli(['check', path], { env });
    expect(checked.stdout).toContain('␛]52;c;SGk=␇');
    expectNothingObeyed(checked.stdout + checked.stderr);
    const json = runCli(['check', path, '--json'], { env });
    expectNothingObeyed(json.stdout);
    expect(JSON.parse(json.stdout).problems.length).toBeGreaterThan(0);
    expectNothingObeyed(payload('x').replace(/[\u0000-\u001f\u007f-\u009f\u202e]/g, ''));
  });
});
