import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession } from '../support/pty.js';
import { runCli } from '../support/run-cli.js';
import { fixture, tempDir } from '../support/temp.js';

/*
 * bin/ keeps V8's compiled code in the user's cache folder. It is written once per command and
 * bundle, from a run that did its work, and never again while it is valid (making one takes
 * longer than the start-up it saves).
 */
function cacheFiles(cacheHome: string): string[] {
  const folder = join(cacheHome, 'postmortem-wizard');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe('the code cache', () => {
  const sessions: TerminalSession[] = [];
  afterEach(() => {
    for (const session of sessions.splice(0)) session.kill();
  });

  it('is written by a command that succeeds, once, and not by one that fails', () => {
    const cacheHome = tempDir('pmw-cache-');
    const env = { XDG_CACHE_HOME: cacheHome };
    expect(runCli(['render', join(tempDir(), 'missing.yaml')], { env }).status).toBe(2);
    expect(cacheFiles(cacheHome)).toEqual([]);

    const out = join(tempDir(), 'README.md');
    expect(runCli(['render', fixture('seed-001-deployment.yaml'), '-o', out], { env }).status).toBe(0);
    const [written] = cacheFiles(cacheHome);
    expect(written).toMatch(/-render\.v8cache$/);
    const first = statSync(join(cacheHome, 'postmortem-wizard', written!)).mtimeMs;

    expect(runCli(['render', fixture('seed-001-deployment.yaml'), '-o', out, '--force'], { env }).status).toBe(0);
    expect(cacheFiles(cacheHome)).toEqual([written]);
    expect(statSync(join(cacheHome, 'postmortem-wizard', written!)).mtimeMs).toBe(first);
  });

  it('is written by the wizard as soon as its first question is on screen', async () => {
    const env = isolatedEnv({ XDG_CACHE_HOME: tempDir('pmw-cache-') });
    const session = new TerminalSession(['new', 'pm.yaml'], { cwd: tempDir(), env });
    sessions.push(session);
    await session.waitFor('Title of the postmortem');
    // Still running: the cache did not wait for the exit.
    await expect.poll(() => cacheFiles(env.XDG_CACHE_HOME!).filter((name) => name.endsWith('-wizard.v8cache')).length).toBe(1);
    await session.press(KEYS.ctrlC);
    expect(await session.exited).toBe(130);
  });

  it("is taken by the wizard's next run as it is (V8 accepts it: the launcher's start-up flags match)", async () => {
    const env = isolatedEnv({ XDG_CACHE_HOME: tempDir('pmw-cache-') });
    const folder = join(env.XDG_CACHE_HOME!, 'postmortem-wizard');
    const run = async (draft: string) => {
      const session = new TerminalSession(['new', draft], { cwd: tempDir(), env });
      sessions.push(session);
      await session.waitFor('Title of the postmortem');
      await expect.poll(() => cacheFiles(env.XDG_CACHE_HOME!).length).toBe(1);
      await session.press(KEYS.ctrlC);
      expect(await session.exited).toBe(130);
    };
    await run('first.yaml');
    const [written] = cacheFiles(env.XDG_CACHE_HOME!);
    const first = statSync(join(folder, written!)).mtimeMs;
    // A cache V8 rejected would be written again by this run.
    await run('second.yaml');
    expect(cacheFiles(env.XDG_CACHE_HOME!)).toEqual([written]);
    expect(statSync(join(folder, written!)).mtimeMs).toBe(first);
  });
});
