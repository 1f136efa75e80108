import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/*
 * Reading a file someone else may have made: a draft, a template, a postmortem to check or
 * import. Only a regular file is read (a FIFO would hang, /dev/zero would never end, a folder
 * is a mistake), and the size cap holds while reading, whatever `stat` says (/proc and
 * devices report 0). Each refusal is one sentence the caller puts after the file's path.
 */

export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly code?: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'FileReadError';
  }
}

export interface ReadTextOptions {
  /** Bytes at most. */
  limit: number;
  /** What the file should be, for the sentences: "a draft", "a template". */
  what: string;
  /** Bytes that are not UTF-8 become U+FFFD instead of a refusal (documents from anywhere). */
  lenient?: boolean;
}

/** The same sentence from every command given a folder. */
const FOLDER = 'is a folder: give the path of a file in it.';

function describeOpenError(code: string | undefined): string {
  switch (code) {
    case 'ENOENT': return 'does not exist.';
    case 'EACCES':
    case 'EPERM': return 'cannot be read: permission denied.';
    case 'ELOOP': return 'cannot be read: too many symbolic links.';
    default: return `cannot be read (${code ?? 'error'}).`;
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/** The bytes of a regular file of at most `limit` bytes. */
export function readRegularFile(path: string, { limit, what }: ReadTextOptions): Buffer {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer; it is refused just below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileReadError(path, code === 'EISDIR' ? FOLDER : describeOpenError(code), code);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new FileReadError(path, FOLDER, 'EISDIR');
    if (!info.isFile()) throw new FileReadError(path, `is not a regular file (a device, FIFO or socket), so it is not read as ${what}.`, 'ENOTREG');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) {
        const size = Math.max(info.size, total);
        const shown = info.size > limit ? `is ${(size / 1024 / 1024).toFixed(1)} MB` : 'is larger than it says';
        throw new FileReadError(path, `${shown}; ${what} is at most ${megabytes(limit)}, so this is not one.`, 'ETOOBIG');
      }
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** A regular UTF-8 text file: no NUL bytes, a byte-order mark dropped. */
export function readTextFile(path: string, options: ReadTextOptions): string {
  const bytes = readRegularFile(path, options);
  if (bytes.includes(0)) throw new FileReadError(path, `is a binary file, not ${options.what}.`, 'EBINARY');
  try {
    return new TextDecoder('utf-8', { fatal: !options.lenient }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FileReadError(path, `is not UTF-8 text, so it is not ${options.what}.`, 'EENCODING');
  }
}
