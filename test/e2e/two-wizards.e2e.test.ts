import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession } from '../support/pty.js';
import { fixture, tempDir } from '../support/temp.js';

const sessions: TerminalSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
});

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
    expect(second.screen()).toMatch(/read-only\s*$/m);
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
});
