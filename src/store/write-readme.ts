import { lstat, readlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { FileReadError, readTextFile } from '../io/read-text-file.js';
import { authorshipOf } from '../render/marker.js';
import { writeFileAtomically } from './atomic-write.js';
import { describeFsError } from './errors.js';
import { EXIT, UsageError } from '../process/exit-codes.js';

export type WriteResult = 'created' | 'replaced' | 'unchanged';

/** A README this tool would replace is text; anything larger than this is not one of ours. */
const MAX_README_BYTES = 20 * 1024 * 1024;

/** What is at `path` now, without following a link: nothing, a file, or something else. */
async function lookAt(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`Could not look at ${path}: ${describeFsError(error)}.`, EXIT.problems);
  }
}

/** Something at the README's path that is not a regular file: never replaced, never written through. */
export class NotAFileError extends Error {
  constructor(
    readonly path: string,
    /** "is a folder", "is a symbolic link (to ../notes.txt)", "is a FIFO"… */
    readonly what: string,
    readonly toOutput = false,
  ) {
    super(`${path} ${what}`);
    this.name = 'NotAFileError';
  }
}

/**
 * Only a regular file is ever replaced. A symbolic link (a cloned repository may carry one
 * pointing at ~/.bashrc), a device, a FIFO or a socket is refused, never written through.
 */
async function refuseUnlessFile(path: string, info: Stats): Promise<void> {
  if (info.isFile()) return;
  if (info.isDirectory()) throw new NotAFileError(path, 'is a folder');
  if (info.isSymbolicLink()) {
    const to = await readlink(path).catch(() => undefined);
    const toOutput = /^\/(dev\/(stdout|stderr|fd\/)|proc\/self\/fd\/)/.test(to ?? path);
    throw new NotAFileError(path, toOutput ? 'is not a file but the terminal or a pipe' : `is a symbolic link${to ? ` (to ${to})` : ''}`, toOutput);
  }
  throw new NotAFileError(path, info.isFIFO() ? 'is a FIFO' : info.isSocket() ? 'is a socket' : 'is a device');
}

/** The command line's sentence for a path that is not a file: what to do instead. */
function commandLineRefusal(error: NotAFileError): UsageError {
  if (error.toOutput) return new UsageError(`${error.path} ${error.what}: to print the README, use -o -.`);
  if (error.what === 'is a folder') return new UsageError(`${error.path} is a folder: give a file name with -o, like ${error.path}/README.md.`);
  return new UsageError(`${error.path} ${error.what}: postmortem-wizard writes only to a regular file it can replace; choose another file with -o, or print the README with -o -.`);
}

/** What the README about to be replaced holds (undefined: none yet); a sentence for anything that is not a file. */
export async function readExistingReadme(path: string): Promise<string | undefined> {
  const info = await lookAt(path);
  if (!info) return undefined;
  await refuseUnlessFile(path, info);
  try {
    return readTextFile(path, { limit: MAX_README_BYTES, what: 'a README', lenient: true });
  } catch (error) {
    if (error instanceof FileReadError) throw new UsageError(`Could not read ${path}: ${error.problem.replace(/\.$/, '')}.`, EXIT.problems);
    throw error;
  }
}

/**
 * Writes a rendered README atomically. A file this tool did not write is replaced only with
 * `force`; whatever is replaced is kept as `<file>.bak` (made the same way, so a link planted
 * there is replaced, not followed).
 */
export async function writeReadme(path: string, markdown: string, force: boolean): Promise<WriteResult> {
  let existing: string | undefined;
  try {
    existing = await readExistingReadme(path);
  } catch (error) {
    throw error instanceof NotAFileError ? commandLineRefusal(error) : error;
  }
  if (existing === markdown) return 'unchanged';
  const authorship = existing === undefined ? 'ours' : authorshipOf(existing);
  if (authorship !== 'ours' && !force) {
    const whose = authorship === 'edited' ? 'was edited by hand since postmortem-wizard wrote it' : 'was not written by postmortem-wizard';
    throw new UsageError(
      `${path} exists and ${whose}: add --force to replace it (the old file is kept as ${path}.bak), or choose another file with -o.`,
      authorship === 'edited' ? EXIT.problems : EXIT.usage,
    );
  }
  try {
    if (existing !== undefined) await writeFileAtomically(`${resolve(path)}.bak`, existing);
    await writeFileAtomically(path, markdown);
  } catch (error) {
    throw new UsageError(`Could not write ${path}: ${describeFsError(error)}.`, EXIT.problems);
  }
  return existing === undefined ? 'created' : 'replaced';
}
