import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, TerminalSession } from '../support/pty.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp.js';

/*
 * Files that are not drafts, given to every command that reads one. Each is refused with exit
 * 2 and a sentence naming the file (and its line where there is one), no stack trace, and the
 * file's bytes as they were.
 */
const bomb = ['version: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);

const wrongTypes = [
  'version: 1',
  'title: [not, a, title]',
  'authors: 42',
  'summary:',
  '  start: yesterday',
  '  usersAffectedPercent: lots',
  'timeline: yes',
  'tasks: {}',
].join('\n');

const CASES: [string, string | Buffer, RegExp][] = [
  ['empty', '', /empty\.yaml: is empty/],
  ['binary', Buffer.from([0x76, 0x65, 0x00, 0xff, 0xfe, 0x10, 0x00]), /binary\.yaml: .*binary file/],
  ['list', '- version: 1\n- title: x\n', /list\.yaml:1: holds a list/],
  ['wrong-types', `${wrongTypes}\n`, /wrong-types\.yaml:2: title must be .*\n.*wrong-types\.yaml:3: authors .*\n(.*\n)*.*wrong-types\.yaml:7: timeline must be a list/],
  ['newer', 'version: 3\ntitle: From the future\n', /newer\.yaml:1: was written by a newer postmortem-wizard/],
  ['alias-bomb', `${bomb.join('\n')}\n`, /alias-bomb\.yaml: cannot be read: .*alias/i],
  ['thirty-mb', `version: 1\nnotes: "${'x'.repeat(30 * 1024 * 1024)}"\n`, /thirty-mb\.yaml: is 30\.0 MB; a draft is at most 10 MB/],
];

const dir = tempDir('pmw-hostile-');
const files = new Map<string, { path: string; bytes: Buffer }>();
for (const [name, content] of CASES) {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, content);
  files.set(name, { path, bytes: readFileSync(path) });
}

const sessions: TerminalSession[] = [];
afterAll(() => {
  for (const session of sessions) session.kill();
});

describe.each(CASES)('a draft that is %s', (name, _content, message) => {
  const { path, bytes } = files.get(name)!;

  it.each(['check', 'render'])('is refused by %s with exit 2, the file named, no stack trace', (command) => {
    const result = runCli([command, path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('is refused by the wizard before it draws anything', async () => {
    const session = new TerminalSession(['resume', path], { cwd: dir, env: isolatedEnv() });
    sessions.push(session);
    expect(await session.exited).toBe(2);
    expect(session.raw.replace(/\r/g, '')).toMatch(message);
    expect(session.raw).not.toMatch(/\n\s+at /);
    expect(session.raw).not.toContain('postmortem-wizard ·');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
