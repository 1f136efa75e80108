import { parse as parseStream, type CsvError } from 'csv-parse';
import { parse as parseText } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { SourceError, type SourceOptions } from './candidate.js';
import { fileChunks, readHead } from './source-file.js';

/*
 * CSV as spreadsheets and exports write it: a byte-order mark, quoted fields holding commas,
 * quotes and line breaks, and `,`, `;`, tab or `|` between fields (sniffed from the first lines,
 * parsed with the real parser, so a separator inside quotes never counts).
 */

export interface CsvShape {
  delimiter: string;
  /** The first rows, the header (if any) included, for sniffing and for finding the columns. */
  rows: string[][];
}

const DELIMITERS = [',', ';', '\t', '|'];
const SAMPLE_LINES = 200;

const BASE = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true } as const;

/** The head of a file as CSV rows, when it reads as a table of two columns or more. */
export function csvShape(head: string): CsvShape | undefined {
  const text = head.replace(/^\ufeff/, '');
  if (text.trim() === '' || text.includes('\u0000')) return undefined;
  let best: (CsvShape & { score: number; columns: number }) | undefined;
  for (const delimiter of DELIMITERS) {
    const rows = sampleRows(text, delimiter);
    if (!rows || rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const [columns, times] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (columns < 2) continue;
    const score = times / rows.length;
    if (score < 0.8) continue;
    if (!best || score > best.score + 0.05 || (score >= best.score - 0.05 && columns > best.columns)) best = { delimiter, rows, score, columns };
  }
  return best && { delimiter: best.delimiter, rows: best.rows };
}

/** Rows from the head; its last line may be cut, so it is left out when the head was cut. */
function sampleRows(text: string, delimiter: string): string[][] | undefined {
  for (const lines of [SAMPLE_LINES, 20, 3]) {
    try {
      return parseText(text, { ...BASE, delimiter, to_line: lines }) as string[][];
    } catch {
      // A quote opened in the sample's last line and closed beyond it: try fewer lines.
    }
  }
  return undefined;
}

export interface CsvRow {
  cells: string[];
  /** The line the row ends on (1-based). */
  line: number;
}

/** Every row of the file, the header included, streamed through csv-parse. */
export async function* csvRows(path: string, options: SourceOptions, delimiter: string, what: string): AsyncGenerator<CsvRow> {
  const parser = parseStream({ ...BASE, delimiter, info: true });
  const source = Readable.from(fileChunks(path, options));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { cells: record, line: info.lines };
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const csvError = error as CsvError & { lines?: number };
    throw new SourceError(path, `is not ${what} that can be read: ${csvError.message.replace(/\.$/, '')}.`, csvError.lines);
  } finally {
    source.destroy();
  }
}

/** A header name as compared: case, spaces, dashes and underscores ignored (`Created At` = `createdAt`). */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Reads cells by header name: the first of `names` that the header has. */
export function headerIndex(header: readonly string[]): (...names: string[]) => number | undefined {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = columnKey(name);
    if (!positions.has(key)) positions.set(key, index);
  });
  return (...names) => {
    for (const name of names) {
      const index = positions.get(columnKey(name));
      if (index !== undefined) return index;
    }
    return undefined;
  };
}

/** Whether a file's first line is a CSV header naming all of these columns. */
export function headerHas(head: string, names: string[]): boolean {
  const firstLine = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const keys = new Set(firstLine.split(/[,;\t|]/).map((cell) => columnKey(cell.replace(/^\s*"|"\s*$/g, ''))));
  return names.every((name) => keys.has(columnKey(name)));
}

export interface NamedRow {
  /** The trimmed cell under the first of these header names the file has ('' when none). */
  get(...names: string[]): string;
  line: number;
}

/** The rows of a CSV export whose first row names its columns, read by those names. */
export async function* namedRows(path: string, options: SourceOptions, what: string): AsyncGenerator<NamedRow> {
  const shape = csvShape(await readHead(path));
  if (!shape) throw new SourceError(path, `is not ${what}: its first lines are not a table.`);
  let index: ReturnType<typeof headerIndex> | undefined;
  for await (const { cells, line } of csvRows(path, options, shape.delimiter, what)) {
    if (!index) {
      index = headerIndex(cells);
      continue;
    }
    const column = index;
    yield {
      get: (...names) => {
        const at = column(...names);
        return at === undefined ? '' : (cells[at] ?? '').trim();
      },
      line,
    };
  }
}
