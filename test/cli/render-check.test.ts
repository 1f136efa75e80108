import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, runCli } from '../support/run-cli.js';
import { fixture, read, tempDir, tempFile } from '../support/temp.js';

function seedIn(dir: string, name = 'seed-000-payment.yaml'): string {
  const path = join(dir, 'postmortem.yaml');
  copyFileSync(fixture(name), path);
  return path;
}

describe('postmortem-wizard (no terminal)', () => {
  it('prints help with examples and its version', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('render [options] <draft>');
    expect(help.stdout).toContain('Examples:');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with a usage hint on an unknown command or flag', () => {
    const command = runCli(['frobnicate']);
    expect(command.status).toBe(2);
    expect(command.stderr).toBe("postmortem-wizard: unknown command 'frobnicate'\n(run postmortem-wizard --help to see the commands)\n");
    const flag = runCli(['render', 'x.yaml', '--bogus']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("unknown option '--bogus'");
    expect(runCli(['check']).status).toBe(2);
    // Asking for help on a command that does not exist is the same mistake, not the general help.
    for (const args of [['frobnicate', '--help'], ['help', 'frobnicate'], ['frobnicate', '-h']]) {
      const asked = runCli(args);
      expect(asked.status, args.join(' ')).toBe(2);
      expect(asked.stderr).toBe(command.stderr);
      expect(asked.stdout).toBe('');
    }
    expect(runCli(['help', 'check']).status).toBe(0);
  });

  it("reads the wizard's own commands without the parser, and the same as it would", () => {
    // Without a terminal the wizard refuses; what matters is that the words were read alike.
    const needsTerminal = /needs a terminal/;
    for (const args of [[], ['new'], ['new', 'pm.yaml'], ['resume'], ['resume', 'pm.yaml']]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(needsTerminal);
    }
    // Anything more goes through the parser: its errors and help.
    const extra = runCli(['new', 'a.yaml', 'b.yaml']);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain("too many arguments for 'new'");
    expect(runCli(['resume', '--bogus']).stderr).toContain("unknown option '--bogus'");
    const help = runCli(['new', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: postmortem-wizard new [options] [draft]');
  });
});

describe('render', () => {
  it('writes README.md beside the draft and says so', () => {
    const dir = tempDir();
    const draft = seedIn(dir);
    const result = runCli(['render', draft], { cwd: dir });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toBe('Wrote README.md (519 words).\n');
    expect(read(join(dir, 'README.md'))).toContain('# Payment service outage');
  });

  it('prints the Markdown with -o - and nothing else', () => {
    const dir = tempDir();
    const result = runCli(['render', seedIn(dir), '-o', '-']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('# Payment service outage\n')).toBe(true);
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
  });

  it('replaces its own README, but a hand-written one only with --force, keeping a .bak', () => {
    const dir = tempDir();
    const draft = seedIn(dir);
    const readme = join(dir, 'README.md');
    writeFileSync(readme, '# My own notes\n');
    const refused = runCli(['render', draft]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/README\.md exists and was not written by postmortem-wizard: add --force to replace it/);
    expect(read(readme)).toBe('# My own notes\n');

    expect(runCli(['render', draft, '--force']).status).toBe(0);
    expect(read(`${readme}.bak`)).toBe('# My own notes\n');
    const first = read(readme);

    writeFileSync(draft, read(draft).replace('Payment service outage', 'Payments outage'));
    const again = runCli(['render', draft], { cwd: dir });
    expect(again.stdout).toMatch(/^Updated README\.md/);
    expect(read(`${readme}.bak`)).toBe(first);
    expect(runCli(['render', draft], { cwd: dir }).stdout).toMatch(/^Already up to date: README\.md/);

    // Edited by hand since it was written: never replaced silently.
    const edited = read(readme).replace('## Timeline', '## Timeline\n\nA note of my own.');
    writeFileSync(readme, edited);
    writeFileSync(draft, read(draft).replace('Payments outage', 'Payment outage'));
    const kept = runCli(['render', draft], { cwd: dir });
    expect(kept.status).toBe(1);
    expect(kept.stderr).toMatch(/README\.md exists and was edited by hand since postmortem-wizard wrote it: add --force to replace it/);
    expect(read(readme)).toBe(edited);
    expect(runCli(['render', draft, '--force'], { cwd: dir }).status).toBe(0);
    expect(read(`${readme}.bak`)).toBe(edited);
  });

  it('points at check when the rubric has open points', () => {
    const dir = tempDir();
    const result = runCli(['render', seedIn(dir, 'seed-003-messaging.yaml'), '-o', join(dir, 'out.md')], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/The rubric has 4 open points: run `node \S*bin\/postmortem-wizard\.cjs check postmortem\.yaml` to see them\./);
  });

  it('takes a template by path and refuses an unknown name', () => {
    const dir = tempDir();
    const template = tempFile('mine.md', 'Incident: {{ title }} ({{ summary.duration }})\n');
    const result = runCli(['render', seedIn(dir), '-o', '-', '--template', template]);
    expect(result.stdout.split('\n')[0]).toBe('Incident: Payment service outage (1 hour 45 minutes)');
    const unknown = runCli(['render', seedIn(dir), '--template', 'fancy']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('fancy: is not a built-in template: use alx or sre, or name your own template file with --template PATH.\n');
  });

  it('stops quietly when its output is cut short (piped into head)', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" render "${fixture('seed-000-payment.yaml')}" -o - | head -c 10`], { encoding: 'utf8' });
    expect(result.stdout).toBe('# Payment ');
    expect(result.stderr).toBe('');
  });

  it('will not write over the draft itself', () => {
    const dir = tempDir();
    const draft = seedIn(dir);
    const before = read(draft);
    const result = runCli(['render', draft, '-o', draft]);
    expect(result.status).toBe(2);
    expect(read(draft)).toBe(before);
  });

  it('exits 1 with the reason when the README cannot be written', () => {
    const dir = tempDir();
    const result = runCli(['render', seedIn(dir), '-o', join(dir, 'no-such-folder', 'README.md')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Could not write .*README\.md: the folder does not exist\./);
  });
});

describe('check', () => {
  it('exits 0 on a complete draft', () => {
    const result = runCli(['check', fixture('seed-001-deployment.yaml')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/seed-001-deployment\.yaml: meets the rubric \(453 words\)\./);
  });

  it('exits 1 and prints one line per problem with its line and section', () => {
    const path = fixture('seed-003-messaging.yaml');
    const result = runCli(['check', path]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toBe(`${path}:23: Timeline: "The messaging service was fully restore…" at 2023-05-02 16:00 is after the end (2023-05-02 12:00 GMT).`);
    expect(lines[4]).toBe('4 problems (163 words; time to detect: at once, time to resolve: 1 day 2 hours).');
  });

  it('prints JSON for scripts', () => {
    const result = runCli(['check', fixture('seed-003-messaging.yaml'), '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, words: 163, wordRange: { min: 400, max: 600 } });
    expect(report.problems[0]).toEqual({ section: 'Timeline', message: 'no misleading path entry: what did you suspect first that turned out wrong?', line: 16 });
    // A file that cannot be checked is said in JSON too, exit 2, and on stderr as always.
    const broken = runCli(['check', tempFile('types.yaml', 'version: 1\ntimeline: yes\n'), '--json']);
    expect(broken.status).toBe(2);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, unusable: true, problems: [{ message: 'timeline must be a list of entries.', line: 2 }] });
    expect(broken.stderr).toMatch(/types\.yaml:2: timeline must be a list of entries\./);
  });

  it.each([
    ['broken.yaml', 'version: 1\ntitle: "open\n', /broken\.yaml:2: not valid YAML: a quote opened on this line is never closed\./],
    ['types.yaml', 'version: 1\ntimeline: yes\n', /types\.yaml:2: timeline must be a list of entries\./],
    ['newer.yaml', 'version: 3\n', /newer\.yaml:1: was written by a newer postmortem-wizard/],
    ['empty.yaml', '', /empty\.yaml: is empty/],
  ])('exits 2 on %s, naming file and line, and leaves it unchanged', (name, content, message) => {
    const path = tempFile(name, content);
    for (const command of ['check', 'render']) {
      const result = runCli([command, path]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
      expect(readFileSync(path, 'utf8')).toBe(content);
    }
  });
});

describe('import', () => {
  it('gives the draft the layout the settings name, and puts it on the recent list, as a new draft', () => {
    const config = tempDir();
    writeFileSync(join(config, 'config.json'), JSON.stringify({ settings: { template: 'sre' }, recent: [] }));
    const dir = tempDir();
    const doc = join(dir, 'outage.md');
    writeFileSync(doc, '# API outage\n\n## Summary\nThe API was down from 14:05 UTC to 14:52 UTC on 2024-03-12.\n');
    const env = { POSTMORTEM_WIZARD_CONFIG_DIR: config };
    expect(runCli(['import', doc], { env }).status).toBe(0);
    expect(readFileSync(join(dir, 'outage.yaml'), 'utf8')).toMatch(/^template: sre$/m);
    expect(runCli(['list'], { env }).stdout).toContain('API outage');
  });

  it('writes a draft beside the file, says what went where, and the draft checks and renders', () => {
    const dir = tempDir();
    const source = tempFile('old-postmortem.md', '# Cache outage\n\n## Issue Summary\n- Duration: 2023-08-02 13:45 - 2023-08-02 15:30 (UTC)\n- Impact: Slow pages for 30% of users.\n\n## Timeline\n- 13:45: Alerts fired on latency.\n- 15:30: Back to normal.\n\nA stray line.\n');
    const target = join(dir, 'draft.yaml');
    const result = runCli(['import', source, '-o', target], { env: { npm_command: 'exec' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('into ');
    expect(result.stdout).toMatch(/2 timeline entries, 0 measures, 0 tasks\.\n1 line it could not place is kept under notes: in the draft\.\nCheck it with: npx postmortem-wizard check .*draft\.yaml\nFinish it with: npx postmortem-wizard resume .*draft\.yaml\n$/);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('title: Cache outage');
    expect(text).toContain('notes: A stray line.');
    expect(runCli(['check', target]).status).toBe(1);
    expect(runCli(['render', target, '-o', '-']).stdout).toContain('# Cache outage');
    // Never over an existing file.
    const again = runCli(['import', source, '-o', target]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/draft\.yaml already exists: choose another name with -o/);
  });

  it('refuses a missing, empty or binary file with exit 2', () => {
    const dir = tempDir();
    expect(runCli(['import', join(dir, 'nope.md')]).stderr).toMatch(/nope\.md: does not exist\./);
    expect(runCli(['import', tempFile('empty.md', '')]).status).toBe(2);
    const binary = runCli(['import', tempFile('bin.md', Buffer.from([1, 0, 2]))]);
    expect(binary.status).toBe(2);
    expect(binary.stderr).toMatch(/bin\.md: is a binary file/);
  });
});

describe('check on a postmortem written by hand', () => {
  it.each([
    ['seed-000.txt', /seed-000\.txt:10: Issue Summary: "A 30-minute outage affecting our online payment service, causing slow transactions and se…" says 30 minutes, but 13:45–15:30 UTC is 1 hour 45 minutes\./],
    ['seed-003.txt', /seed-003\.txt:35: Timeline: "The issue was ultimately resolved on Ma…" at 2023-05-02 16:00 is after the end \(2023-05-02 12:00 GMT\)\./],
  ])('finds the contradiction in %s, with its line', (name, finding) => {
    const result = runCli(['check', fixture(`seeds/${name}`)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(finding);
    // Run by path, as here: the hint is the same command.
    expect(result.stdout).toMatch(/To fix them in the wizard: node \S*bin\/postmortem-wizard\.cjs import .*\n$/);
  });

  it('on a README it wrote, points at the draft named on its last line while that draft is beside it', () => {
    const dir = tempDir();
    const draft = seedIn(dir, 'seed-003-messaging.yaml');
    expect(runCli(['render', draft], { cwd: dir }).status).toBe(0);
    const result = runCli(['check', 'README.md'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/README\.md was written from postmortem\.yaml: fix them there with `node \S*bin\/postmortem-wizard\.cjs resume postmortem\.yaml`, then render again\.\n$/);
    // The draft gone, the README is a document like any other.
    rmSync(draft);
    expect(runCli(['check', 'README.md'], { cwd: dir }).stdout).toMatch(/To fix them in the wizard: node \S*bin\/postmortem-wizard\.cjs import README\.md\n$/);
  });

  it('finds times written in several timezones', () => {
    const file = tempFile('mixed.md', '## Issue Summary\n- Duration: 2023-08-02 10:00 - 2023-08-02 11:00 (UTC)\n## Timeline\n- 10:00 UTC: Alert fired.\n- 3:30 AM PDT: Escalated to DBAs.\n- 11:00 UTC: Restored.\n');
    const result = runCli(['check', file, '--json']);
    const report = JSON.parse(result.stdout);
    expect(report.kind).toBe('written');
    expect(report.problems).toContainEqual({ section: 'Timeline', message: 'times are written in 2 timezones (UTC, PDT): give every time in one, and say which.' });
    expect(report.problems).toContainEqual(expect.objectContaining({ line: 5, quote: '3:30 AM PDT' }));
    expect(report.timing).toEqual({ toDetectMinutes: 0, toResolveMinutes: 60 });
  });
});
