import { JSONParser } from '@streamparser/json';
import { SourceError, type SourceOptions } from './candidate.js';
import { fileChunks, fileLines, readHead } from './source-file.js';

/*
 * The items of a JSON export, streamed: `paths` name the arrays whose members are wanted
 * (`$.log_entries.*`), and each member is handed over as soon as it is complete, with the
 * members already handed over dropped, so memory stays flat whatever the file's size.
 * Several documents one after another (API pages saved one after the other) read as one.
 */

const NEWLINE = 0x0a;

/** The first character that is not whitespace or a byte-order mark: `{`, `[` or another. */
export function jsonStart(head: string): string | undefined {
  return /^[\s\ufeff]*(\S)/.exec(head)?.[1];
}

export async function* jsonValues(path: string, options: SourceOptions, paths: string[], what: string): AsyncGenerator<unknown[]> {
  const parser = new JSONParser({ paths, keepStack: false, separator: '' });
  let batch: unknown[] = [];
  let failure: Error | undefined;
  parser.onValue = ({ value }) => {
    batch.push(value);
  };
  parser.onError = (error) => {
    failure ??= error;
  };
  let line = 1;
  let offset = 0;
  let first = true;
  for await (let chunk of fileChunks(path, options)) {
    // The tokenizer takes a byte-order mark for an unexpected character.
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    first = false;
    parser.write(chunk);
    if (failure) throw broken(path, what, failure, chunk, offset, line);
    if (batch.length) {
      yield batch;
      batch = [];
    }
    line += countNewlines(chunk, chunk.length);
    offset += chunk.length;
  }
  if (!parser.isEnded) parser.end();
  if (failure) throw new SourceError(path, `ends before its JSON does, so it is not ${what} (was the file cut short?).`, line);
  if (batch.length) yield batch;
}

/**
 * The objects an API export lists: under `key` (`{ "log_entries": [ … ] }`, pages saved one
 * after another included) or as a bare array, each with its 1-based place in the list.
 */
export async function* exportedObjects(path: string, options: SourceOptions, key: string, what: string): AsyncGenerator<{ value: Record<string, unknown>; index: number }> {
  const paths = jsonStart(await readHead(path, 4096)) === '[' ? ['$.*'] : [`$.${key}.*`];
  let index = 0;
  for await (const batch of jsonValues(path, options, paths, what)) {
    for (const value of batch) {
      index++;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) yield { value: value as Record<string, unknown>, index };
    }
  }
}

/** NDJSON: one JSON value per line, blank lines skipped. */
export async function* ndjsonValues(path: string, options: SourceOptions, what: string): AsyncGenerator<{ value: unknown; line: number }> {
  for await (const { text, line } of fileLines(path, options)) {
    const trimmed = text.replace(/^\ufeff/, '').trim();
    if (trimmed === '') continue;
    try {
      yield { value: JSON.parse(trimmed), line };
    } catch (error) {
      throw new SourceError(path, `line ${line} is not valid JSON, so the file is not ${what} (${(error as Error).message}).`, line);
    }
  }
}

function countNewlines(chunk: Buffer, end: number): number {
  let count = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1 && at < end; at = chunk.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

function broken(path: string, what: string, error: Error, chunk: Buffer, offset: number, line: number): SourceError {
  const position = /absolute position "(\d+)"/.exec(error.message);
  const within = position ? Number(position[1]) - offset : -1;
  const at = within >= 0 && within <= chunk.length ? line + countNewlines(chunk, within) : line;
  const found = /Unexpected "([^"]*)"/.exec(error.message)?.[1];
  const detail = found !== undefined ? `unexpected ${JSON.stringify(found)}` : error.message;
  return new SourceError(path, `is not valid JSON at line ${at} (${detail}), so it is not ${what}.`, at);
}
