import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { SourceError, type SourceOptions } from './candidate.js';

/*
 * A source file read as a stream of chunks, never whole: exports can be hundreds of megabytes.
 * The progress callback hears about it every few megabytes and once at the end.
 */

const CHUNK = 256 * 1024;
const REPORT_EVERY = 4 * 1024 * 1024;

/** The sentence for a file that cannot be opened, after its path. */
export function openProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'does not exist.';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied.';
    case 'EISDIR':
      return 'is a folder, not a file.';
    default:
      return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`;
  }
}

export async function* fileChunks(path: string, options: Pick<SourceOptions, 'progress'>): AsyncGenerator<Buffer> {
  let total: number;
  try {
    total = (await stat(path)).size;
  } catch (error) {
    throw new SourceError(path, openProblem(error));
  }
  let done = 0;
  let reported = 0;
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      done += chunk.length;
      if (options.progress && done - reported >= REPORT_EVERY) {
        reported = done;
        options.progress(done, Math.max(total, done));
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(path, openProblem(error));
  } finally {
    stream.destroy();
  }
  options.progress?.(done, Math.max(total, done));
}

export const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file as text (a character cut at the end becomes U+FFFD). */
export async function readHead(path: string, bytes = HEAD_BYTES): Promise<string> {
  let file;
  try {
    file = await open(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (error) {
    throw new SourceError(path, openProblem(error));
  } finally {
    await file?.close();
  }
}

/** Lines of a text file with their 1-based numbers, streamed (NDJSON, `git log` output). */
export async function* fileLines(path: string, options: Pick<SourceOptions, 'progress'>): AsyncGenerator<{ text: string; line: number }> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let rest = '';
  let line = 0;
  for await (const chunk of fileChunks(path, options)) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    rest = lines.pop()!;
    for (const each of lines) yield { text: each.endsWith('\r') ? each.slice(0, -1) : each, line: ++line };
  }
  rest += decoder.decode();
  if (rest !== '') yield { text: rest, line: ++line };
}
