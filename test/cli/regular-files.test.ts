import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp.js';

describe('check and import read only regular files, with the same cap', () => {
  it('a FIFO, /dev/zero and a folder are refused at once with exit 2', () => {
    const dir = tempDir('pmw-documents-');
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    for (const command of ['check', 'import']) {
      for (const [path, problem] of [[fifo, /is not a regular file/], ['/dev/zero', /is not a regular file/], [dir, /is a folder/]] as const) {
        const result = runCli([command, path], { cwd: dir });
        expect(result.status, `${command} ${path}`).toBe(2);
        expect(result.stderr).toMatch(problem);
      }
    }
    const big = join(dir, 'big.md');
    writeFileSync(big, `# Big\n${'word '.repeat(500_000)}`);
    expect(runCli(['check', big]).stderr).toMatch(/big\.md: is 2\.4 MB; a postmortem written as text is at most 2 MB/);
  });
});

describe('a folder where a file is wanted', () => {
  it('check, import and render say the same sentence, exit 2', () => {
    const dir = tempDir('pmw-folder-');
    const outputs = ['check', 'import', 'render'].map((command) => runCli([command, dir]));
    for (const result of outputs) {
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`${dir}: is a folder: give the path of a file in it.\n`);
    }
  });
});
