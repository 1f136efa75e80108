import type { Readable } from 'node:stream';
import { SourceError } from './candidate.js';

/*
 * JSON read as a stream: the values at some paths (`$.messages.*`), one at a time, so a 100 MB
 * channel history is never held whole. @streamparser/json over stream-json: on a generated
 * 150 MB conversations.history file (250,000 messages) it took 2.2 s against 2.9 s (stream-json
 * with packed values only; 6.8 s with its defaults) at the same memory (~90 MB RSS), and it has
 * no dependencies.
 */

export interface JsonValue {
  value: unknown;
  key: string | number | undefined;
  /** How deep the value sits: 1 for `$.key`, 2 for `$.messages.3`. */
  depth: number;
}

export interface JsonStreamOptions {
  /** Which values to emit, as @streamparser/json's paths (`$.*`, `$.messages.*`). */
  paths: string[];
  /** Told after every chunk how many bytes have been read. */
  onBytes?(bytes: number): void;
}

/** The values at `paths` in the JSON that `chunks` carry; a broken document throws SourceError naming its line. */
export async function* jsonValues(chunks: Readable | AsyncIterable<Buffer | string>, file: string, options: JsonStreamOptions): AsyncGenerator<JsonValue> {
  const { JSONParser } = await import('@streamparser/json');
  const parser = new JSONParser({ paths: options.paths, keepStack: false });
  const ready: JsonValue[] = [];
  parser.onValue = ({ value, key, stack }) => ready.push({ value, key, depth: stack.length });
  let bytes = 0;
  let lines = 1;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    try {
      parser.write(chunk);
    } catch (error) {
      throw brokenJson(file, error, lines + newlinesIn(chunk, chunkPosition(error)));
    }
    bytes += chunk.length;
    lines += newlinesIn(chunk, chunk.length);
    options.onBytes?.(bytes);
    for (const value of ready) yield value;
    ready.length = 0;
  }
  if (bytes === 0) throw new SourceError(file, 'is empty.');
  try {
    if (!parser.isEnded) parser.end();
  } catch (error) {
    throw brokenJson(file, error, lines, 'ends before its JSON does');
  }
  for (const value of ready) yield value;
}

function chunkPosition(error: unknown): number {
  const found = /chunk position "(\d+)"/.exec(String((error as Error)?.message));
  return found ? Number(found[1]) : 0;
}

function newlinesIn(chunk: Buffer, end: number): number {
  let count = 0;
  for (let i = chunk.indexOf(10); i !== -1 && i < end; i = chunk.indexOf(10, i + 1)) count++;
  return count;
}

function brokenJson(file: string, error: unknown, line: number, what = 'is not valid JSON'): SourceError {
  if (error instanceof SourceError) return error;
  const detail = String((error as Error)?.message ?? error)
    .replace(/ at chunk position "\d+" \(absolute position "(\d+)"\)/, ' at byte $1')
    .replace(/ in state \w+/, '')
    .replace(/\.? Either not all the data was received or the data was invalid\.?/, '');
  return new SourceError(file, `${what} (line ${line}: ${detail}).`, line);
}
