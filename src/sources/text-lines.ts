import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SourceError } from './candidate.js';

/** A text file's lines, read as a stream (a log can be large), without its byte-order mark. */
export async function* textLines(path: string, progress?: (done: number, total: number) => void): AsyncGenerator<string> {
  let total: number;
  try {
    total = statSync(path).size;
  } catch (error) {
    throw new SourceError(path, `cannot be read: ${(error as Error).message}`);
  }
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let first = true;
  let lastReport = 0;
  try {
    for await (const line of lines) {
      if (progress && stream.bytesRead - lastReport >= 1 << 20) {
        lastReport = stream.bytesRead;
        progress(stream.bytesRead, total);
      }
      yield first ? line.replace(/^\uFEFF/, '') : line;
      first = false;
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(path, `cannot be read: ${(error as Error).message}`);
  } finally {
    lines.close();
    stream.destroy();
  }
  progress?.(total, total);
}
