import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/run-cli.js';
import { isolatedEnv, KEYS, TerminalSession } from '../support/pty.js';
import { tempDir } from '../support/temp.js';

/*
 * A repository cloned from someone else: drafts whose template is code or a system file,
 * links where the README and the .bak go, a FIFO, /dev/zero, and terminal payloads in every
 * field. Every command is run on it; none may change a file outside the repository, start a
 * process, hang, or print a byte the terminal would obey.
 */
const RECORD_SPAWNS = fileURLToPath(new URL('../support/children/record-spawns.cjs', import.meta.url));
const root = tempDir('pmw-hostile-repo-');
const repo = join(root, 'repo');
const outside = join(root, 'outside');
const spawnLog = join(root, 'spawns.log');
mkdirSync(repo);
mkdirSync(outside);
writeFileSync(join(outside, 'victim.txt'), 'do not touch\n');
writeFileSync(join(outside, 'bashrc'), 'export PS1=safe\n');
writeFileSync(spawnLog, '');

const esc = (label: string) => `"${label} \\e]52;c;SGk=\\a\\e]0;PWNED\\a\\e[6n\\x9b2J \\u202Eevil\\u200B"`;
const draft = (extra: string[] = []) =>
  [
    'version: 1',
    `title: ${esc('Title')}`,
    `authors: [${esc('Author')}]`,
    'summary:',
    '  start: "2024-03-06 14:30"',
    '  end: "2024-03-06 15:45"',
    '  timezone: UTC',
    `  impact: ${esc('Impact')}`,
    '  usersAffectedPercent: 40',
    `  rootCause: ${esc('Cause')}`,
    'detectedBy: monitoring',
    'timeline:',
    '  - at: "2024-03-06 14:35"',
    '    kind: detection',
    `    text: ${esc('Entry')}`,
    `rootCause: ${esc('Details')}`,
    `resolution: ${esc('Fix')}`,
    `measures: [${esc('Measure')}]`,
    'tasks:',
    `  - text: ${esc('Task')}`,
    `    owner: ${esc('Owner')}`,
    `    due: ${esc('Due')}`,
    ...extra,
    '',
  ].join('\n');

writeFileSync(join(repo, 'hostile.yaml'), draft());
writeFileSync(join(repo, 'code-template.yaml'), draft(['template: ./layout.md']));
writeFileSync(join(repo, 'layout.md'), '<% process.getBuiltinModule("child_process").execSync("touch PWNED") %>\n{% include "/etc/passwd" %}\n');
writeFileSync(join(repo, 'passwd-template.yaml'), draft(['template: /etc/passwd']));
writeFileSync(join(repo, 'zero-template.yaml'), draft(['template: /dev/zero']));
writeFileSync(join(repo, 'postmortem.md'), '# Outage \u001b]52;c;SGk=\u0007\n\n## Timeline\n\n- 14:30 UTC - Alert \u001b[6n fired \u202eevil\n');
symlinkSync(join(outside, 'victim.txt'), join(repo, 'README.md'));
symlinkSync(join(outside, 'bashrc'), join(repo, 'README.md.bak'));
symlinkSync(join(outside, 'bashrc'), join(repo, 'hostile.yaml.bak'));
symlinkSync('/dev/zero', join(repo, 'zero.yaml'));
execFileSync('mkfifo', [join(repo, 'fifo.yaml')]);

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]));
}
const before = snapshot(outside);
const env = isolatedEnv({ NODE_OPTIONS: `--require ${RECORD_SPAWNS}`, PMW_SPAWN_LOG: spawnLog, NO_COLOR: '1' });

/** Nothing the terminal would obey: escape sequences, BEL, 8-bit CSI, direction overrides. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: repo, env, encoding: 'utf8', input: '', timeout: 20_000 });
  return { status: result.status, out: result.stdout + result.stderr };
}

afterAll(() => {
  expect(snapshot(outside)).toEqual(before);
});

describe('every command on a hostile repository', () => {
  const commands: [string[], number | number[]][] = [
    [['check', 'hostile.yaml'], 1],
    [['check', 'hostile.yaml', '--json'], 1],
    [['check', 'postmortem.md'], 1],
    [['check', 'code-template.yaml'], 1],
    [['check', 'fifo.yaml'], 2],
    [['check', 'zero.yaml'], 2],
    [['render', 'hostile.yaml'], 2],
    [['render', 'hostile.yaml', '--force'], 2],
    [['render', 'hostile.yaml', '-o', '-'], 0],
    [['render', 'code-template.yaml', '-o', '-'], 2],
    [['render', 'passwd-template.yaml', '-o', '-'], 2],
    [['render', 'zero-template.yaml', '-o', '-'], 2],
    [['render', 'hostile.yaml', '--template', 'layout.md', '-o', '-'], 2],
    [['render', 'hostile.yaml', '--template', '/dev/zero', '-o', '-'], 2],
    [['render', 'fifo.yaml', '-o', '-'], 2],
    [['render', 'hostile.yaml', '-o', '/dev/null', '--force'], 2],
    [['import', 'postmortem.md', '-o', 'imported.yaml'], 0],
    [['import', 'fifo.yaml'], 2],
    [['list'], 0],
    [['list', '--json'], 0],
  ];

  it.each(commands)('%j ends at once with its code, prints nothing the terminal obeys, starts no process', (args, code) => {
    const result = run(args);
    expect(result.status).toBe(code);
    expect(result.out).not.toMatch(OBEYED);
    expect(readFileSync(spawnLog, 'utf8')).toBe('');
    expect(existsSync(join(repo, 'PWNED'))).toBe(false);
    expect(lstatSync(join(repo, 'README.md')).isSymbolicLink()).toBe(true);
  });

  it('resume: drawn without a payload reaching the terminal; the autosave replaces the .bak link, never writes through it', async () => {
    const t = new TerminalSession(['resume', 'hostile.yaml'], { cwd: repo, env });
    try {
      // It opens on the timeline, the entry drawn with its payload shown; adding one saves, so the .bak is made.
      await t.waitFor('Entry ␛]52;c;SGk=␇␛]0;PWNED␇␛[6n⟨U+009B⟩2J ⟨U+202E⟩evil');
      t.pty.write('a14:40\r\rRolled back the change\r');
      await t.waitFor('2 entries in the timeline');
      await t.press(KEYS.ctrlC);
      expect(await t.exited).toBe(130);
    } finally {
      t.kill();
    }
    expect(t.raw).not.toMatch(/\u001b\]|\u0007|\u009b|\u202e/);
    expect(readFileSync(spawnLog, 'utf8')).toBe('');
    expect(lstatSync(join(repo, 'hostile.yaml.bak')).isFile()).toBe(true);
    // Now on the recent list, whose titles are the payload.
    const listed = run(['list']);
    expect(listed.out).toContain('Title ␛]52;c;SGk=␇');
    expect(listed.out).not.toMatch(OBEYED);
  }, 60_000);
});
