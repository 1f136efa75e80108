import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession } from '../support/pty.js';
import { runCli } from '../support/run-cli.js';
import { fixture, tempDir } from '../support/temp.js';

/*
 * bin/ keeps V8's compiled code in the user's cache folder. It is written once per command and
 * bundle, from a run that did its work, and never again while it is valid (making one takes
 * longer than the start-up it saves). The libraries the wizard's first screen does not use are a
 * second bundle (dist/cli-cold.js) with caches of its own.
 */
/** Which command's cache each file is, and of which bundle: `render`, `render-cold`. */
const kinds = (files: (string | number)[][]) => files.map(([name]) => /-([a-z]+(?:-cold)?)\.v8cache$/.exec(String(name))?.[1]).sort();
const mtimes = (cacheHome: string) => cacheFiles(cacheHome).map((name) => [name, statSync(join(cacheHome, 'postmortem-wizard', name)).mtimeMs]);
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
    // The main bundle's and the cold bundle's (the template engine is there).
    const written = mtimes(cacheHome);
    expect(kinds(written)).toEqual(['render', 'render-cold']);

    expect(runCli(['render', fixture('seed-001-deployment.yaml'), '-o', out, '--force'], { env }).status).toBe(0);
    expect(mtimes(cacheHome)).toEqual(written);
  });

  it("replaces an older build's cache of the same command and Node.js version, and leaves every other", () => {
    const cacheHome = tempDir('pmw-cache-');
    const folder = join(cacheHome, 'postmortem-wizard');
    mkdirSync(folder, { recursive: true });
    const here = `${process.version}-${process.arch}`;
    const older = [`${here}-1000-1700000000000-render.v8cache`, `${here}-2000-1700000000000-render-cold.v8cache`];
    const kept = [
      `${here}-1000-1700000000000-check.v8cache`,
      `v1.0.0-${process.arch}-1000-1700000000000-render.v8cache`,
      `${here}-1000-1700000000000-render.v8cache.123.tmp`,
      'notes.txt',
    ];
    for (const name of [...older, ...kept]) writeFileSync(join(folder, name), 'old');
    const out = join(tempDir(), 'README.md');
    expect(runCli(['render', fixture('seed-001-deployment.yaml'), '-o', out], { env: { XDG_CACHE_HOME: cacheHome } }).status).toBe(0);
    const files = cacheFiles(cacheHome);
    for (const name of older) expect(files).not.toContain(name);
    for (const name of kept) expect(files).toContain(name);
    expect(kinds(mtimes(cacheHome).filter(([name]) => !kept.includes(String(name))))).toEqual(['render', 'render-cold']);
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

  it("is taken by the wizard's next run as it is (V8 accepts it), the cold bundle's too", async () => {
    const env = isolatedEnv({ XDG_CACHE_HOME: tempDir('pmw-cache-') });
    const run = async (draft: string) => {
      const session = new TerminalSession(['new', draft], { cwd: tempDir(), env });
      sessions.push(session);
      await session.waitFor('Title of the postmortem');
      await expect.poll(() => cacheFiles(env.XDG_CACHE_HOME!).filter((name) => name.endsWith('-wizard.v8cache')).length).toBe(1);
      await session.press(KEYS.ctrlC);
      expect(await session.exited).toBe(130);
    };
    await run('first.yaml');
    // The cold bundle (YAML, for the save on Ctrl+C) is kept when the wizard ends.
    const written = mtimes(env.XDG_CACHE_HOME!);
    expect(kinds(written)).toEqual(['wizard', 'wizard-cold']);
    // A cache V8 rejected would be written again by this run.
    await run('second.yaml');
    expect(mtimes(env.XDG_CACHE_HOME!)).toEqual(written);
  });
});
