import { chmodSync, copyFileSync, existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { BIN } from '../support/run-cli.js';
import { fixture, tempDir } from '../support/temp.js';

const { sessions } = terminalsClosedAfterEach();

function start(args: string[], cwd: string, env: Record<string, string>): TerminalSession {
  const session = new TerminalSession(args, { cwd, env });
  sessions.push(session);
  return session;
}

function draftIn(cwd: string): string {
  const path = join(cwd, 'pm.yaml');
  copyFileSync(fixture('seed-001-deployment.yaml'), path);
  return path;
}

describe('two wizards on one draft', () => {
  it('tells the second which process has it and since when; read-only changes nothing', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const path = draftIn(cwd);
    const before = readFileSync(path, 'utf8');
    const first = start(['resume', 'pm.yaml'], cwd, env);
    await first.waitFor('Review');

    const second = start(['resume', 'pm.yaml'], cwd, env);
    await second.waitFor(new RegExp(`pm\\.yaml is open in another postmortem-wizard \\(process ${first.pty.pid}, since \\d\\d:\\d\\d\\s+today\\)`));
    await second.press(KEYS.enter);
    await second.waitFor('Write README.md');
    // The frame may be drawn again (and read half-parsed): wait for its footer, then look.
    await second.waitFor(/read-only\s*$/m);
    expect(second.screen()).not.toContain('Edit a section');
    await second.waitFor('Ctrl+C quit');
    await second.press(KEYS.ctrlC);
    expect(await second.exited).toBe(130);
    await second.waitFor('Left pm.yaml as it was: another postmortem-wizard has it open.');
    expect(readFileSync(path, 'utf8')).toBe(before);

    // The first still holds it, and lets go when it quits.
    expect(existsSync(`${path}.lock`)).toBe(true);
    await first.press(KEYS.ctrlC);
    expect(await first.exited).toBe(130);
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);

  it('lets the second quit from the notice', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    draftIn(cwd);
    const first = start(['resume', 'pm.yaml'], cwd, env);
    await first.waitFor('Review');
    const second = start(['resume', 'pm.yaml'], cwd, env);
    await second.waitFor('is open in another postmortem-wizard');
    await second.press(KEYS.down, KEYS.enter);
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('takes over the lock of a wizard killed with kill -9', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const path = draftIn(cwd);
    const first = start(['resume', 'pm.yaml'], cwd, env);
    await first.waitFor('Review');
    first.kill('SIGKILL');
    await first.exited;
    expect(existsSync(`${path}.lock`)).toBe(true);

    const second = start(['resume', 'pm.yaml'], cwd, env);
    await second.waitFor('Write README.md');
    expect(second.screen()).not.toContain('read-only');
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid).toBe(second.pty.pid);
    await second.press(KEYS.ctrlC);
    expect(await second.exited).toBe(130);
  }, 60_000);

  it('refuses a symlink and a hard link to an open draft read-write: one file, one wizard', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const path = draftIn(cwd);
    symlinkSync('pm.yaml', join(cwd, 'link.yaml'));
    linkSync(path, join(cwd, 'hard.yaml'));
    const first = start(['resume', 'pm.yaml'], cwd, env);
    await first.waitFor('Review');

    for (const name of ['link.yaml', 'hard.yaml']) {
      const second = start(['resume', name], cwd, env);
      await second.waitFor(new RegExp(`${name.replace('.', '\\.')} is open in another postmortem-wizard \\(process ${first.pty.pid},`));
      // A verified owner on this machine: no takeover is offered.
      expect(second.screen()).not.toContain('Take it over');
      await second.press(KEYS.down, KEYS.enter);
      expect(await second.exited).toBe(0);
    }
    await first.press(KEYS.ctrlC);
    expect(await first.exited).toBe(130);
  }, 60_000);

  it('opens a read-only (444) draft to review, says why, and leaves its bytes as they were', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const path = draftIn(cwd);
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const wizard = start(['resume', 'pm.yaml'], cwd, env);
    await wizard.waitFor(/pm\.yaml is read-only \(mode 444\): opened to review; nothing will be saved to\s+it\./);
    await wizard.waitFor(/read-only\s*$/m);
    expect(wizard.screen()).not.toContain('Edit a section');
    await wizard.press(KEYS.ctrlC);
    expect(await wizard.exited).toBe(130);
    await wizard.waitFor('Left pm.yaml as it was: it is read-only (mode 444).');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(cwd).sort()).toEqual(['pm.yaml']);
  }, 60_000);

  it('offers to take over a lock from another machine, asks first, then edits the draft', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const path = draftIn(cwd);
    const theirs = { pid: 4242, host: 'build-box', since: new Date().toISOString(), token: 'theirs' };
    writeFileSync(`${path}.lock`, JSON.stringify(theirs));
    const wizard = start(['resume', 'pm.yaml'], cwd, env);
    await wizard.waitFor('pm.yaml is open in another postmortem-wizard (process 4242 on build-box,');
    await wizard.press(KEYS.down, KEYS.enter);
    await wizard.waitFor(/Take pm\.yaml over\? The other wizard \(process 4242 on build-box, since \d\d:\d\d\s+today\) may\s+still be\s+running; its later saves would be refused/);
    // "n" goes back to the choices; nothing is taken.
    await wizard.press('n');
    await wizard.waitFor('Take it over');
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).token).toBe('theirs');
    await wizard.press(KEYS.enter);
    await wizard.waitFor('may still be running');
    await wizard.press('y');
    await wizard.waitFor('Edit a section');
    expect(wizard.screen()).not.toContain('read-only');
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: wizard.pty.pid, host: hostname() });
    await wizard.press(KEYS.ctrlC);
    expect(await wizard.exited).toBe(130);
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);

  // Another machine sharing the folder, played by a wizard in its own UTS namespace (its own hostname).
  const canPlayAnotherHost = spawnSync('unshare', ['-u', 'hostname', 'pmw-test'], { stdio: 'ignore' }).status === 0;

  it.runIf(canPlayAnotherHost)('after a takeover, the former owner\'s next save is refused and its answers are rescued', async () => {
    const cwd = tempDir();
    const rescues = tempDir();
    const env = isolatedEnv({ TMPDIR: rescues });
    const path = join(cwd, 'pm.yaml');
    const script = `hostname other-box && exec "${process.execPath}" "${BIN}" new pm.yaml`;
    const first = new TerminalSession(['-u', 'sh', '-c', script], { cwd, env, command: 'unshare' });
    sessions.push(first);
    await first.waitFor('Title of the postmortem');
    await expect.poll(() => existsSync(path)).toBe(true);

    const second = start(['resume', 'pm.yaml'], cwd, env);
    await second.waitFor(`pm.yaml is open in another postmortem-wizard (process ${first.pty.pid} on other-box,`);
    await second.press(KEYS.down, KEYS.enter);
    await second.waitFor('may still be running');
    await second.press('y');
    await second.waitFor('Title of the postmortem');
    const theirs = readFileSync(path, 'utf8');

    await first.answer('Queue backlog', 'Author(s)');
    await first.waitFor('not saved: another postmortem-wizard took it over');
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    await first.press(KEYS.ctrlC);
    await first.exited;
    await first.waitFor(/Could not save pm\.yaml: another postmortem-wizard took it over\.\s+Your answers are in \S+/);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    const [rescued] = readdirSync(rescues);
    expect(readFileSync(join(rescues, rescued!), 'utf8')).toContain('title: Queue backlog');
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid).toBe(second.pty.pid);

    await second.press(KEYS.ctrlC);
    expect(await second.exited).toBe(130);
  }, 60_000);
});
