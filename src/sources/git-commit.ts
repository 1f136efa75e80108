import type { Candidate } from './candidate.js';
import { sentences } from './sentences.js';

/** A commit as both git readers see it. */
export interface Commit {
  sha: string;
  at: number;
  author: string;
  /** More than one parent: a merge. */
  parents: number;
  /** Tags pointing at the commit. */
  tags: string[];
  subject: string;
  /** The first line of the message's body: a merged pull request's title. */
  bodyFirstLine?: string;
}

const BOT = /\[bot\]$|^(dependabot|renovate|github-actions)\b/i;

/** "git (main)": how the pick list names the source. */
export function gitSource(branch: string | undefined): string {
  return branch ? `git (${branch})` : 'git';
}

/**
 * A commit as a timeline candidate: a release tag first ("Tagged v1.4.2: …"), a merged pull
 * request by its title rather than "Merge pull request #42 from org/branch".
 */
export function commitCandidate(commit: Commit, source: string): Candidate {
  const pullRequest = commit.parents > 1 ? /^Merge pull request #(\d+) from (\S+)/.exec(commit.subject) : null;
  const what = pullRequest && commit.bodyFirstLine ? `Merged pull request #${pullRequest[1]}: ${commit.bodyFirstLine}` : commit.subject;
  const headline = commit.tags.length ? `Tagged ${commit.tags.join(', ')}: ${what}` : what;
  const short = commit.sha.slice(0, 7);
  return {
    at: commit.at,
    source,
    author: commit.author,
    text: sentences(headline, `${commit.parents > 1 ? 'Merge commit' : 'Commit'} ${short}${pullRequest ? ` of ${pullRequest[2]}` : ''}`),
    key: `git:${commit.sha}`,
    kind: 'action',
    bot: BOT.test(commit.author),
    origin: `commit ${short}`,
  };
}
