import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { fixture, tempDir } from '../support/temp.js';

/*
 * A cloned repository may carry a symlink or a FIFO where the README or its .bak goes. Only a
 * regular file is ever replaced; a link, device or FIFO as the target is refused with one
 * sentence (never a suggestion to --force it), and one at the .bak is replaced, not followed.
 */
function setUp() {
  const dir = tempDir('pmw-targets-');
  const draft = join(dir, 'pm.yaml');
  writeFileSync(draft, readFileSync(fixture('seed-000-payment.yaml')));
  const victim = join(dir, '..', `${dir.split('/').pop()}-victim.txt`);
  writeFileSync(victim, 'do not touch\n');
  return { dir, draft, victim };
}

describe('render writes only regular files', () => {
  it('a README that is a symlink is refused, and what it points to is untouched', () => {
    const { dir, draft, victim } = setUp();
    symlinkSync(victim, join(dir, 'README.md'));
    for (const flags of [[], ['--force']]) {
      const result = runCli(['render', draft, ...flags]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/README\.md is a symbolic link \(to .*victim\.txt\): postmortem-wizard writes only to a regular file/);
      expect(result.stderr).not.toContain('--force');
    }
    expect(readFileSync(victim, 'utf8')).toBe('do not touch\n');
    expect(lstatSync(join(dir, 'README.md')).isSymbolicLink()).toBe(true);
  });

  it('a README.md.bak that is a symlink is replaced by a regular copy, never written through', () => {
    const { dir, draft, victim } = setUp();
    writeFileSync(join(dir, 'README.md'), '# Our own notes\n');
    symlinkSync(victim, join(dir, 'README.md.bak'));
    const result = runCli(['render', draft, '--force']);
    expect(result.status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch\n');
    expect(lstatSync(join(dir, 'README.md.bak')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'README.md.bak'), 'utf8')).toBe('# Our own notes\n');
  });

  it('a FIFO or a device as the output is refused at once; -o /dev/stdout points to -o -', () => {
    const { dir, draft } = setUp();
    const fifo = join(dir, 'README.md');
    execFileSync('mkfifo', [fifo]);
    const piped = runCli(['render', draft, '--force']);
    expect(piped.status).toBe(2);
    expect(piped.stderr).toMatch(/README\.md is a FIFO: .* choose another file with -o, or print the README with -o -/);
    const device = runCli(['render', draft, '-o', '/dev/null', '--force']);
    expect(device.status).toBe(2);
    expect(device.stderr).toMatch(/\/dev\/null is a device/);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const stdout = runCli(['render', draft, '-o', '/dev/stdout']);
    expect(stdout.status).toBe(2);
    expect(stdout.stderr).toMatch(/\/dev\/stdout is not a file but the terminal or a pipe: to print the README, use -o -/);
  });

  it('a folder gets the file name to use', () => {
    const { dir, draft } = setUp();
    mkdirSync(join(dir, 'out'));
    const result = runCli(['render', draft, '-o', join(dir, 'out')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/out is a folder: give a file name with -o, like .*out\/README\.md/);
  });
});
