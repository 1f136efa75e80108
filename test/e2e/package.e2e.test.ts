import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { NODE_MAJORS, nodeBinary } from '../support/node-versions.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession } from '../support/pty.js';
import { fixture, tempDir } from '../support/temp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/*
 * What `npx postmortem-wizard` does for a user: the packed tarball installed on its own,
 * offline. It must bring nothing beside itself and work from where it is installed.
 */
describe('the published package', () => {
  let installed: string;
  let bin: string;
  const sessions: TerminalSession[] = [];

  beforeAll(() => {
    const packs = tempDir('pmw-pack-');
    const npm = (args: string[], cwd: string) =>
      execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
    npm(['pack', '--pack-destination', packs], root);
    const tarball = join(packs, readdirSync(packs).find((name) => name.endsWith('.tgz'))!);
    installed = tempDir('pmw-install-');
    writeFileSync(join(installed, 'package.json'), '{ "name": "user-project", "private": true }\n');
    npm(['install', '--offline', '--no-save', tarball], installed);
    bin = join(installed, 'node_modules', '.bin', 'postmortem-wizard');
  }, 120_000);

  afterAll(() => {
    for (const session of sessions) session.kill();
  });

  it('installs nothing but itself, with its templates', () => {
    expect(readdirSync(join(installed, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['postmortem-wizard']);
    const manifest = JSON.parse(readFileSync(join(installed, 'node_modules', 'postmortem-wizard', 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(installed, 'node_modules', 'postmortem-wizard', 'templates'))).toContain('alx.md');
  });

  it('runs --version and render from the installed copy', () => {
    const env = isolatedEnv();
    expect(execFileSync(bin, ['--version'], { env, encoding: 'utf8' }).trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const work = tempDir();
    copyFileSync(fixture('seed-000-payment.yaml'), join(work, 'pm.yaml'));
    const markdown = execFileSync(bin, ['render', 'pm.yaml', '-o', '-'], { cwd: work, env, encoding: 'utf8' });
    expect(markdown).toContain('- **Duration:** August 2, 2023, 13:45 – 15:30 UTC (1 hour 45 minutes)');
  });

  it('shows the first question of `new` from the installed copy', async () => {
    const work = tempDir();
    const session = new TerminalSession(['new', 'pm.yaml'], { cwd: work, env: isolatedEnv(), command: bin });
    sessions.push(session);
    await session.waitFor('Title of the postmortem');
    await session.answer('Installed', 'Author(s)');
    await session.press(KEYS.ctrlC);
    expect(await session.exited).toBe(130);
    expect(readFileSync(join(work, 'pm.yaml'), 'utf8')).toContain('title: Installed');
  }, 60_000);

  /*
   * Node 20 runs the rest of the tests; users run 22, 24 and 26 too. Under each: --version,
   * render, check, and the wizard's first question and one answer in a terminal. One code cache
   * folder is shared, as on a machine where Node is upgraded: each version keeps its own cache.
   */
  describe.each(NODE_MAJORS)('under Node.js %i', (major) => {
    let node: string;
    const script = () => join(installed, 'node_modules', 'postmortem-wizard', 'bin', 'postmortem-wizard.cjs');
    const cache = tempDir('pmw-code-cache-');

    beforeAll(() => {
      node = nodeBinary(major);
    }, 300_000);

    it('--version, render and check', () => {
      const env = isolatedEnv({ XDG_CACHE_HOME: cache });
      expect(execFileSync(node, ['--version'], { encoding: 'utf8' })).toMatch(new RegExp(`^v${major}\\.`));
      expect(execFileSync(node, [script(), '--version'], { env, encoding: 'utf8' }).trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
      const work = tempDir();
      copyFileSync(fixture('seed-000-payment.yaml'), join(work, 'pm.yaml'));
      for (let run = 0; run < 2; run++) {
        // The second run reads the code cache the first one wrote.
        const markdown = execFileSync(node, [script(), 'render', 'pm.yaml', '-o', '-'], { cwd: work, env, encoding: 'utf8' });
        expect(markdown).toContain('- **Duration:** August 2, 2023, 13:45 – 15:30 UTC (1 hour 45 minutes)');
      }
      const checked = JSON.parse(execFileSync(node, [script(), 'check', 'pm.yaml', '--json'], { cwd: work, env, encoding: 'utf8' }));
      expect(checked.file).toBe('pm.yaml');
      expect(checked.words).toBeGreaterThan(400);
    });

    it('the first question of `new`, and one answer', async () => {
      const work = tempDir();
      const session = new TerminalSession([script(), 'new', 'pm.yaml'], { cwd: work, env: isolatedEnv({ XDG_CACHE_HOME: cache }), command: node });
      sessions.push(session);
      await session.waitFor('Title of the postmortem');
      await session.answer(`Node ${major}`, 'Author(s)');
      await session.press(KEYS.ctrlC);
      expect(await session.exited).toBe(130);
      expect(readFileSync(join(work, 'pm.yaml'), 'utf8')).toContain(`title: Node ${major}`);
    }, 60_000);
  });

  it('keeps one code cache per Node.js version: none is fed to another', () => {
    const cache = tempDir('pmw-shared-cache-');
    const env = isolatedEnv({ XDG_CACHE_HOME: cache });
    const work = tempDir();
    copyFileSync(fixture('seed-000-payment.yaml'), join(work, 'pm.yaml'));
    const script = join(installed, 'node_modules', 'postmortem-wizard', 'bin', 'postmortem-wizard.cjs');
    const outputs = [process.execPath, ...NODE_MAJORS.map((major) => nodeBinary(major)), process.execPath].map((node) =>
      execFileSync(node, [script, 'render', 'pm.yaml', '-o', '-'], { cwd: work, env, encoding: 'utf8' }),
    );
    expect(new Set(outputs).size).toBe(1);
    const caches = readdirSync(join(cache, 'postmortem-wizard')).filter((name) => name.endsWith('.v8cache'));
    const versions = caches.map((name) => name.split('-')[0]);
    expect(new Set(versions)).toEqual(new Set([process.version, ...NODE_MAJORS.map((major) => execFileSync(nodeBinary(major), ['--version'], { encoding: 'utf8' }).trim())]));
  }, 300_000);
});
