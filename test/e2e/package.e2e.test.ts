import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
});
