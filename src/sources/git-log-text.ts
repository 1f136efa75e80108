import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { commitCandidate, gitSource, type Commit } from './git-commit.js';
import { parseInstant } from './instant.js';
import { fileLines } from './source-file.js';
import { inWindow } from './window.js';

/*
 * `git log` output saved to a file: what a CI job's log, a ticket or a colleague's terminal
 * hands over when the repository itself is not on this machine. Git's own layouts are read
 * (medium, the default, and fuller; any --date style that writes a date and time, such as
 * the default, iso, iso-strict or rfc). fuller's CommitDate is preferred, as for a
 * repository; the default layout only has the author's Date, which is then used.
 */

const COMMIT_LINE = /^commit ([0-9a-f]{7,64})(?: \(([^)]*)\))?/;

export const gitLogText: SourceFormat = {
  id: 'git-log',
  label: 'saved `git log` output',
  sniff: ({ isDirectory, head }) => !isDirectory && COMMIT_LINE.test(head.replace(/^[\s\ufeff]+/, '')) && /^(Author|Date|CommitDate):/m.test(head),
  read: readGitLogText,
};

interface Draft {
  sha: string;
  refs: string;
  line: number;
  author?: string;
  date?: string;
  commitDate?: string;
  parents: number;
  message: string[];
}

async function* readGitLogText(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  let current: Draft | undefined;
  let branch: string | undefined;
  const finish = (draft: Draft): Candidate | undefined => {
    const written = draft.commitDate ?? draft.date;
    const at = written === undefined ? undefined : parseInstant(written, options.zone);
    if (at === undefined) throw new SourceError(path, `commit ${draft.sha.slice(0, 7)} (line ${draft.line}) has no date and time that can be read (${JSON.stringify(written ?? null)}).`, draft.line);
    const [subject = '', ...body] = draft.message;
    const commit: Commit = {
      sha: draft.sha,
      at,
      author: draft.author ?? '',
      parents: draft.parents,
      tags: draft.refs.split(', ').filter((ref) => ref.startsWith('tag: ')).map((ref) => ref.slice(5)),
      subject,
      bodyFirstLine: body.find((line) => line !== ''),
    };
    return inWindow(at, options) ? commitCandidate(commit, gitSource(branch)) : undefined;
  };
  for await (const { text, line } of fileLines(path, options)) {
    const start = COMMIT_LINE.exec(text.replace(/^\ufeff/, ''));
    if (start) {
      if (current) {
        const candidate = finish(current);
        if (candidate) yield candidate;
      }
      current = { sha: start[1]!, refs: start[2] ?? '', line, parents: 1, message: [] };
      // The branch HEAD points at, from the first commit's decorations: "HEAD -> main".
      branch ??= /HEAD -> ([^,]+)/.exec(current.refs)?.[1];
      continue;
    }
    if (!current) continue;
    if (text.startsWith('    ')) {
      current.message.push(text.slice(4).trim());
      continue;
    }
    const field = /^(Merge|Author|AuthorDate|Commit|CommitDate|Date):\s*(.*)$/.exec(text);
    if (!field) continue;
    const [, name, value] = field;
    if (name === 'Merge') current.parents = value!.split(/\s+/).length;
    else if (name === 'Author') current.author = value!.replace(/\s*<[^>]*>$/, '');
    else if (name === 'Date' || name === 'AuthorDate') current.date = value;
    else if (name === 'CommitDate') current.commitDate = value;
  }
  if (current) {
    const candidate = finish(current);
    if (candidate) yield candidate;
  }
}
