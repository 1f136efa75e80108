import fc from 'fast-check';
import { DateTime } from 'luxon';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/sources/candidate.js';
import { gitRepository } from '../../src/sources/git-repository.js';
import { detectFormat } from '../../src/sources/read-source.js';
import { runs } from '../support/property.js';
import { tempDir } from '../support/temp.js';
import { UTC, instant, iso, readAll, zoneOf } from './support.js';

/*
 * A repository built here, each commit at a set author and committer date: a side branch merged
 * with --no-ff as a pull request, a tag, a commit authored days before it landed.
 */

function git(cwd: string, args: string[], dates?: { author: string; committer: string }): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ada Okafor',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada Okafor',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
      ...(dates ? { GIT_AUTHOR_DATE: dates.author, GIT_COMMITTER_DATE: dates.committer } : {}),
    },
  }).trim();
}

function commit(cwd: string, message: string, author: string, committer = author): void {
  git(cwd, ['commit', '--allow-empty', '-q', '-m', message], { author, committer });
}

let repo: string;

beforeAll(() => {
  repo = tempDir('pmw-git-');
  git(repo, ['init', '-q', '-b', 'main']);
  commit(repo, 'Initial import', '2024-08-13T10:00:00Z');
  git(repo, ['checkout', '-q', '-b', 'pool-size']);
  commit(repo, 'Raise checkout DB pool to 200 connections', '2024-08-12T09:00:00Z', '2024-08-14T13:00:00Z');
  commit(repo, 'Tune pool timeouts', '2024-08-14T13:10:00Z');
  git(repo, ['checkout', '-q', 'main']);
  git(repo, ['merge', '-q', '--no-ff', 'pool-size', '-m', 'Merge pull request #812 from acme/pool-size', '-m', 'Raise checkout DB pool to 200 connections'], {
    author: '2024-08-14T13:40:05Z',
    committer: '2024-08-14T13:40:05Z',
  });
  // Written on the 10th, landed during the incident: it belongs at 14:31.
  commit(repo, 'Revert "Raise checkout DB pool to 200 connections"', '2024-08-10T08:00:00+02:00', '2024-08-14T10:31:12-04:00');
  git(repo, ['tag', '-a', 'v2024.08.14-4', '-m', 'Release'], { author: '2024-08-14T14:32:00Z', committer: '2024-08-14T14:32:00Z' });
  commit(repo, 'Tidy the README', '2024-08-16T09:00:00Z');
});

const window = { from: Date.parse('2024-08-14T13:00:00Z'), to: Date.parse('2024-08-14T15:00:00Z') };

describe('deploys from a git repository', () => {
  it('the first-parent history in the window, at committer dates: the merge by its pull request, the tag first', async () => {
    const found = await readAll(repo, window);
    expect(found.map((c) => [iso(c.at), c.source, c.author, c.kind, c.text])).toEqual([
      ['2024-08-14T14:31:12.000Z', 'git (main)', 'Ada Okafor', 'action', expect.stringMatching(/^Tagged v2024\.08\.14-4: Revert "Raise checkout DB pool to 200 connections"\. Commit [0-9a-f]{7}\.$/)],
      ['2024-08-14T13:40:05.000Z', 'git (main)', 'Ada Okafor', 'action', expect.stringMatching(/^Merged pull request #812: Raise checkout DB pool to 200 connections\. Merge commit [0-9a-f]{7} of acme\/pool-size\.$/)],
    ]);
    const shas = git(repo, ['log', '--first-parent', '--format=%H']).split('\n');
    expect(found.map((c) => c.key)).toEqual([`git:${shas[1]}`, `git:${shas[2]}`]);
  });

  it('without a window, every first-parent commit; the side branch\'s own commits stay out', async () => {
    const found = await readAll(repo);
    expect(found.map((c) => c.text.split('. ')[0])).toEqual([
      'Tidy the README',
      'Tagged v2024.08.14-4: Revert "Raise checkout DB pool to 200 connections"',
      'Merged pull request #812: Raise checkout DB pool to 200 connections',
      'Initial import',
    ]);
  });

  it('the window is exact: a commit one second outside it is left out', async () => {
    const at = Date.parse('2024-08-14T14:31:12Z');
    expect(await readAll(repo, { from: at, to: at })).toHaveLength(1);
    expect(await readAll(repo, { from: at + 1000, to: at + 2000 })).toHaveLength(0);
    expect(await readAll(repo, { from: at - 2000, to: at - 1000 })).toHaveLength(0);
  });

  it('a detached HEAD is named by its commit', async () => {
    const detached = tempDir('pmw-git-');
    git(detached, ['clone', '-q', repo, '.']);
    git(detached, ['checkout', '-q', '--detach', 'HEAD~1']);
    const found = await readAll(detached);
    expect(found[0]!.source).toMatch(/^git \(detached at [0-9a-f]{7,}\)$/);
    expect(found).toHaveLength(3);
  });

  it('a repository folder, a bare mirror and a subfolder are detected; a plain folder is not', async () => {
    expect((await detectFormat(repo))?.id).toBe('git');
    const bare = tempDir('pmw-git-');
    git(bare, ['clone', '-q', '--bare', repo, '.']);
    expect((await detectFormat(bare))?.id).toBe('git');
    expect(await readAll(bare, window)).toHaveLength(2);
    expect(await detectFormat(tempDir('pmw-plain-'))).toBeUndefined();
  });

  it('a folder that is not a repository, read as one, says so in one sentence', async () => {
    const plain = tempDir('pmw-plain-');
    const read = async () => {
      for await (const _ of gitRepository.read(plain, { zone: UTC }));
    };
    await expect(read()).rejects.toThrow(SourceError);
    await expect(read()).rejects.toMatchObject({ path: plain, message: 'is not a git repository (git found no .git in it or above it).' });
  });

  it('a repository with no commits yet says so', async () => {
    const empty = tempDir('pmw-git-');
    git(empty, ['init', '-q', '-b', 'main']);
    await expect(readAll(empty)).rejects.toMatchObject({ name: 'SourceError', message: 'is a git repository with no commits yet.' });
  });

  it('a reader that stops after the first commit ends git rather than waiting for it', async () => {
    const seen: string[] = [];
    for await (const candidate of gitRepository.read(repo, { zone: UTC })) {
      seen.push(candidate.text);
      break;
    }
    expect(seen).toEqual([expect.stringMatching(/^Tidy the README\./)]);
  });

  it('a subfolder of a repository reads the repository it is in', async () => {
    const sub = join(repo, 'docs');
    mkdirSync(sub, { recursive: true });
    let found = 0;
    for await (const _ of gitRepository.read(sub, { zone: UTC, ...window })) found++;
    expect(found).toBe(2);
  });

  it('commits at random moments, dated in random zones (days the clocks change included), read back at those moments', async () => {
    const subject = fc.stringMatching(/^[A-Z][a-z]{2,8}( [a-z]{2,8}){1,5}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(instant, subject), { minLength: 1, maxLength: 4 }), zoneOf, async (commits, zone) => {
        const folder = tempDir('pmw-git-');
        git(folder, ['init', '-q', '-b', 'main']);
        for (const [at, message] of commits) {
          const date = DateTime.fromMillis(at, { zone: zone.zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
          commit(folder, message, date, date.replace(/\.\d+/, ''));
        }
        const found = await readAll(folder);
        const expected = [...commits].reverse().map(([at, message]) => [Math.floor(at / 1000) * 1000, `${message}.`]);
        expect(found.map((c) => [c.at, c.text.split(' Commit ')[0]])).toEqual(expected);
      }),
      { numRuns: runs(8) },
    );
  });
});
