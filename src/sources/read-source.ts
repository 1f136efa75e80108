// Placeholder until the readers land: replaced by the detection and dispatch module.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import type { Candidate, SourceFormat, SourceOptions } from './candidate.js';
import { SourceError } from './candidate.js';
import { SOURCE_FORMATS } from './formats.js';

export async function detectFormat(path: string): Promise<SourceFormat> {
  let isDirectory = false;
  let head = '';
  try {
    isDirectory = statSync(path).isDirectory();
    if (!isDirectory) {
      const fd = openSync(path, 'r');
      const buffer = Buffer.alloc(65536);
      const n = readSync(fd, buffer, 0, buffer.length, 0);
      closeSync(fd);
      head = buffer.subarray(0, n).toString('utf8');
    }
  } catch {
    throw new SourceError(path, 'does not exist.');
  }
  const format = SOURCE_FORMATS.find((f) => f.sniff({ path, isDirectory, head }));
  if (!format) throw new SourceError(path, `is none of the formats read (${SOURCE_FORMATS.map((f) => f.label).join(', ')}).`);
  return format;
}

export async function* readSource(path: string, options: SourceOptions): AsyncIterable<Candidate> {
  yield* (await detectFormat(path)).read(path, options);
}
