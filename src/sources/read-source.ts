import { open, stat } from 'node:fs/promises';
import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { SOURCE_FORMATS } from './formats.js';
import { HEAD_BYTES, openProblem } from './source-file.js';

/*
 * Which format a file or folder is (each format's sniff, in SOURCE_FORMATS' order, over its
 * first 64 KiB), and its candidates read by that format. A path that is none of them is
 * refused in one sentence naming what was expected, built from the list so that every format
 * added to it is named.
 */

interface Inspection {
  format?: SourceFormat;
  problem: string;
}

/** The format of a file or folder, or undefined when it is none of them (or cannot be read). Never throws. */
export async function detectFormat(path: string): Promise<SourceFormat | undefined> {
  return (await inspect(path)).format;
}

/** The candidates a file or folder holds, streamed; a SourceError for anything that cannot be read. */
export async function* readSource(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const { format, problem } = await inspect(path);
  if (!format) throw new SourceError(path, problem);
  try {
    yield* format.read(path, options);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(path, `cannot be read as ${format.label}: ${(error as Error).message}`);
  }
}

/** "a, b or c": every format a person could have meant. */
export function expectedFormats(): string {
  const labels = SOURCE_FORMATS.map((format) => format.label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

async function inspect(path: string): Promise<Inspection> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return { problem: openProblem(error) };
  }
  if (info.isDirectory()) {
    const format = sniff({ path, isDirectory: true, head: '' });
    return { format, problem: `is a folder that is none of what the timeline reads: ${expectedFormats()}.` };
  }
  // A FIFO would wait for a writer and a device would never end: only regular files are opened.
  if (!info.isFile()) return { problem: 'is not a regular file (a device, FIFO or socket).' };
  if (info.size === 0) return { problem: `is empty: the timeline reads ${expectedFormats()}.` };
  let bytes: Buffer;
  try {
    bytes = await readStart(path);
  } catch (error) {
    return { problem: openProblem(error) };
  }
  const head = bytes.toString('utf8');
  const format = sniff({ path, isDirectory: false, head });
  if (format) return { format, problem: '' };
  // A zip the export reader did not take: say so, rather than "binary".
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') return { problem: 'is a zip file, but not a Slack export: it holds no channels.json or users.json (or it is damaged).' };
  if (looksBinary(bytes, head)) return { problem: `is a binary file, not ${expectedFormats()}.` };
  return { problem: `is none of what the timeline reads: ${expectedFormats()}.` };
}

async function readStart(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function sniff(input: { path: string; isDirectory: boolean; head: string }): SourceFormat | undefined {
  return SOURCE_FORMATS.find((format) => {
    try {
      return format.sniff(input);
    } catch {
      // A sniff that trips over odd bytes is a no.
      return false;
    }
  });
}

/** NUL bytes, or more than a few bytes that are not UTF-8 or are control characters. */
function looksBinary(bytes: Buffer, head: string): boolean {
  if (bytes.includes(0)) return true;
  let odd = 0;
  for (const char of head) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)) odd++;
  }
  return odd > Math.max(2, head.length * 0.02);
}
