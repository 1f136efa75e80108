import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GENERATED_MARKER } from '../render/marker.js';
import { writeFileAtomically } from './atomic-write.js';
import { describeFsError } from './errors.js';
import { EXIT, UsageError } from '../process/exit-codes.js';

export type WriteResult = 'created' | 'replaced' | 'unchanged';

/**
 * Writes a rendered README atomically. A file this tool did not write is replaced only with
 * `force`; whatever is replaced is kept as `<file>.bak`.
 */
export async function writeReadme(path: string, markdown: string, force: boolean): Promise<WriteResult> {
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UsageError(`${path} is a folder: give a file name with -o, like ${path}/README.md.`);
    if (code !== 'ENOENT') throw new UsageError(`Could not read ${path}: ${describeFsError(error)}.`, EXIT.problems);
  }
  if (existing === markdown) return 'unchanged';
  if (existing !== undefined && !existing.includes(GENERATED_MARKER) && !force) {
    throw new UsageError(
      `${path} exists and was not written by postmortem-wizard: add --force to replace it (the old file is kept as ${path}.bak), or choose another file with -o.`,
    );
  }
  try {
    if (existing !== undefined) await writeFileAtomically(`${resolve(path)}.bak`, existing);
    await writeFileAtomically(path, markdown, { followSymlink: true });
  } catch (error) {
    throw new UsageError(`Could not write ${path}: ${describeFsError(error)}.`, EXIT.problems);
  }
  return existing === undefined ? 'created' : 'replaced';
}
