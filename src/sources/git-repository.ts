import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { commitCandidate, gitSource } from './git-commit.js';
import { inWindow } from './window.js';

/*
 * Deploys from a repository: `git log --first-parent` on the checked-out branch, so a merged
 * pull request is one entry (its merge), not every commit it brought. Each commit is placed at
 * its committer date: when it landed on the branch (a merge, a rebase, a cherry-pick, a squash),
 * which is when it could first be deployed; the author date is when the change was first
 * written, often days earlier on another branch. --since/--until filter on the committer date
 * too, with a day's margin for clocks that disagree, then the window is applied exactly.
 */

const FIELD = '\u001f';
const RECORD = '\u001e';
// sha, committer time, author (mailmap applied), parents, decorations, subject, body.
const FORMAT = ['%H', '%ct', '%aN', '%P', '%D', '%s', '%b'].join('%x1f') + '%x1e';
const MARGIN_MS = 24 * 3_600_000;
const STDERR_LIMIT = 4096;

export const gitRepository: SourceFormat = {
  id: 'git',
  label: 'a git repository',
  sniff: ({ path, isDirectory }) => isDirectory && isRepository(path),
  read: readGitRepository,
};

function isRepository(path: string): boolean {
  if (existsSync(join(path, '.git'))) return true;
  // A bare repository (a mirror on a deploy host) has no .git: it is one.
  return ['HEAD', 'objects', 'refs'].every((name) => existsSync(join(path, name)));
}

/** Runs git with an argument list (never a shell) and hands over its output as it comes. */
async function* gitOutput(path: string, args: string[]): AsyncGenerator<string> {
  const child = spawn('git', ['-C', path, '-c', 'log.showSignature=false', '-c', 'core.quotePath=false', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += text;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    child.on('close', (code) => resolve(code ?? -1));
  });
  child.stdout.setEncoding('utf8');
  try {
    for await (const text of child.stdout as AsyncIterable<string>) yield text;
    const code = await exited;
    if (code !== 0) throw gitProblem(path, code, stderr);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function gitProblem(path: string, code: number | string, stderr: string): SourceError {
  if (code === 'ENOENT') return new SourceError(path, 'cannot be read as a git repository: git is not installed (or not on the PATH).');
  const said = stderr.split('\n').find((line) => line.trim() !== '')?.replace(/^fatal:\s*/, '').trim() ?? `git exited with ${code}`;
  if (/not a git repository/i.test(said)) return new SourceError(path, 'is not a git repository (git found no .git in it or above it).');
  if (/does not have any commits yet|unknown revision|bad default revision/i.test(said)) return new SourceError(path, 'is a git repository with no commits yet.');
  return new SourceError(path, `cannot be read by git: ${said}`);
}

async function run(path: string, args: string[]): Promise<string> {
  let output = '';
  for await (const text of gitOutput(path, args)) output += text;
  return output.trim();
}

/** The checked-out branch, or the commit a detached HEAD is at. */
async function currentBranch(path: string): Promise<string> {
  try {
    return await run(path, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  } catch (error) {
    if (!(error instanceof SourceError) || !/cannot be read by git/.test(error.message)) throw error;
    return `detached at ${await run(path, ['rev-parse', '--short', 'HEAD'])}`;
  }
}

async function* readGitRepository(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const source = gitSource(await currentBranch(path));
  const args = ['log', '--first-parent', '--no-color', '--decorate=short', `--format=${FORMAT}`];
  if (options.from !== undefined) args.push(`--since=${new Date(options.from - MARGIN_MS).toISOString()}`);
  if (options.to !== undefined) args.push(`--until=${new Date(options.to + MARGIN_MS).toISOString()}`);
  let rest = '';
  for await (const text of gitOutput(path, args)) {
    const records = (rest + text).split(RECORD);
    rest = records.pop()!;
    for (const record of records) {
      const candidate = fromRecord(record, source);
      if (candidate && inWindow(candidate.at, options)) yield candidate;
    }
  }
}

function fromRecord(record: string, source: string): Candidate | undefined {
  const [sha, time, author, parents, refs, subject, body] = record.replace(/^\n/, '').split(FIELD);
  if (!sha || !time) return undefined;
  return commitCandidate(
    {
      sha,
      at: Number(time) * 1000,
      author: author ?? '',
      parents: parents ? parents.split(' ').length : 0,
      tags: (refs ?? '').split(', ').filter((ref) => ref.startsWith('tag: ')).map((ref) => ref.slice(5)),
      subject: subject ?? '',
      bodyFirstLine: body?.split('\n').find((line) => line.trim() !== '')?.trim(),
    },
    source,
  );
}
