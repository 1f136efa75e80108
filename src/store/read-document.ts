import { FileReadError, readTextFile } from '../io/read-text-file.js';
import { DraftFileError } from './errors.js';

/** Far above any postmortem written by hand; a bigger file is not one. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** A postmortem written by hand, for `import` and `check`: a regular text file of at most 2 MB. */
export function readDocument(path: string): string {
  try {
    return readTextFile(path, { limit: MAX_DOCUMENT_BYTES, what: 'a postmortem written as text', lenient: true });
  } catch (error) {
    if (error instanceof FileReadError) throw DraftFileError.at(path, error.problem);
    throw error;
  }
}
