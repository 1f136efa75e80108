/** A problem with a file a person gave us: its path, where in it, and what is wrong. */
export interface FileProblem {
  line?: number;
  column?: number;
  message: string;
}

/** The file cannot be used as asked. The CLI prints each problem on its own line and exits 2. */
export class DraftFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: FileProblem[],
  ) {
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
    this.name = 'DraftFileError';
  }

  static at(file: string, message: string, line?: number, column?: number): DraftFileError {
    return new DraftFileError(file, [{ message, line, column }]);
  }
}

/** `draft.yaml:7:3: summary.usersAffectedPercent must be …`, the form editors jump to. */
export function formatProblem(file: string, problem: FileProblem): string {
  const where = problem.line ? `${file}:${problem.line}${problem.column ? `:${problem.column}` : ''}` : file;
  return `${where}: ${problem.message}`;
}

/** Saving failed; the answers are still in memory and the file on disk is as it was. */
export class SaveError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Could not save ${file}: ${reason}.`);
    this.name = 'SaveError';
  }
}

/**
 * The draft on disk is not what we last read or wrote: someone changed it by hand (or another
 * program did). Nothing was written; `theirs` is what the file holds now.
 */
export class DraftChangedError extends SaveError {
  constructor(
    file: string,
    readonly theirs: string,
    /** False when what is there now is not a postmortem draft at all. */
    readonly isDraft: boolean,
  ) {
    super(file, isDraft ? 'the file was changed outside the wizard' : 'the file was replaced by something that is not a postmortem draft, so it was left alone');
    this.name = 'DraftChangedError';
  }
}

/** Plain words for the file-system errors people meet. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'the folder does not exist';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOSPC': return 'the disk is full';
    case 'EROFS': return 'the file system is read-only';
    case 'EISDIR': return 'it is a folder';
    case 'EDQUOT': return 'the disk quota is used up';
    default: return (error as Error | undefined)?.message ?? String(error);
  }
}
