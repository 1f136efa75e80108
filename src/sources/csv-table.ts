import { parse as parseStream, type CsvError } from 'csv-parse';
import { parse as parseText } from 'csv-parse/sync';
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

/** Rows from the head, as many as parse: a quote may open in the head and close beyond it, or never. */
function sampleRows(text: string, delimiter: string): string[][] | undefined {
  for (const lines of [SAMPLE_LINES, 50, 20, 10, 5, 3, 2]) {
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

/**
 * Every row of the file, the header included, streamed through csv-parse: each chunk of the
 * file is written to the parser and the rows it completes are read straight out (the parser
 * is synchronous), which is twice as fast as iterating the stream row by row. Lines are
 * counted here (a row is one line plus the line breaks inside its quoted cells), blank lines
 * included, because csv-parse's per-row line numbers cost as much again.
 */
export async function* csvRows(path: string, options: SourceOptions, delimiter: string, what: string): AsyncGenerator<CsvRow[]> {
  const parser = parseStream({ ...BASE, skip_empty_lines: false, delimiter });
  let failure: unknown;
  parser.on('error', (error) => {
    failure ??= error;
  });
  let line = 0;
  const drain = (): CsvRow[] => {
    const rows: CsvRow[] = [];
    let cells: string[] | null;
    while ((cells = parser.read() as string[] | null) !== null) {
      line += 1;
      for (const cell of cells) if (cell.includes('\n')) line += cell.split('\n').length - 1;
      if (cells.length > 1 || cells[0] !== '') rows.push({ cells, line });
    }
    if (failure) throw failed(path, what, failure, line);
    return rows;
  };
  try {
    for await (const chunk of fileChunks(path, options)) {
      parser.write(chunk);
      yield drain();
    }
    parser.end();
    // A quote left open is found when the input ends, and reported a tick later.
    await new Promise((resolve) => setImmediate(resolve));
    yield drain();
  } finally {
    parser.destroy();
  }
}

/** `line`: the last line of the last row read whole. */
function failed(path: string, what: string, error: unknown, line: number): SourceError {
  const csvError = error as CsvError & { lines?: number };
  // The row after the last good one opened the quote: say where it opened, not where the file ended.
  if (csvError.code === 'CSV_QUOTE_NOT_CLOSED') return new SourceError(path, `has a quote opened on line ${line + 1} that is never closed, so it is not ${what} that can be read.`, line + 1);
  return new SourceError(path, `is not ${what} that can be read: ${csvError.message.replace(/\.$/, '')}.`, csvError.lines);
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
  for await (const rows of csvRows(path, options, shape.delimiter, what)) {
    for (const { cells, line } of rows) {
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
}
