import type { IncidentZone } from '../time/zone.js';
import { AmbiguousColumnsError, SourceError, type SourceOptions } from './candidate.js';
import { columnKey } from './csv-table.js';
import { parseInstant, type DayOrder } from './instant.js';

/*
 * Which columns of a CSV nobody described hold the time and the text, told from the first rows'
 * contents: the time column is one where most cells read as a date with a time of day; the
 * text column is the one with the most words that is not a time. Header names only break ties
 * (a "timestamp" beside an "updated_at"); when they cannot, the caller is asked which.
 */

export interface Columns {
  /** The names shown in messages: the header, or "column 1", "column 2"… without one. */
  names: string[];
  hasHeader: boolean;
  time: number;
  text: number;
  author?: number;
  order: DayOrder;
}

const MOST = 0.8;
const CLOSE = 0.8;
const TIME_NAMES = new Set(['time', 'timestamp', 'datetime', 'date', 'when', 'at', 'created', 'createdat', 'createdon', 'occurredat', 'eventtime', 'loggedat', 'postedat', 'sentat', 'timeutc', 'timestamputc', 'datetimeutc']);
const TEXT_NAMES = new Set(['message', 'text', 'summary', 'description', 'title', 'note', 'notes', 'event', 'details', 'detail', 'body', 'content', 'comment', 'log', 'msg', 'what', 'update', 'action']);
const AUTHOR_NAMES = new Set(['author', 'user', 'username', 'who', 'by', 'name', 'owner', 'actor', 'from', 'sender', 'person', 'postedby']);

const nameKey = (name: string) => columnKey(name).replace(/[^a-z]/g, '');

export function chooseColumns(path: string, rows: string[][], options: Pick<SourceOptions, 'zone' | 'columns'>): Columns {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const order = dayOrder(rows);
  const first = rows[0] ?? [];
  const hasHeader = !first.some((cell) => parseInstant(cell, options.zone, order) !== undefined);
  const names = Array.from({ length: width }, (_, index) => (hasHeader && first[index]?.trim()) || `column ${index + 1}`);
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0) throw new SourceError(path, 'has no rows under its header.');
  const cells = (index: number) => data.map((row) => (row[index] ?? '').trim()).filter((cell) => cell !== '');

  const timeCandidates = names.map((_, index) => index).filter((index) => share(cells(index), (cell) => parseInstant(cell, options.zone, order) !== undefined) >= MOST);
  const time = options.columns?.time ? named(path, names, options.columns.time, 'time') : pickTime(path, names, data, timeCandidates, options.zone, order);

  const textCandidates = names.map((_, index) => index).filter((index) => index !== time && !timeCandidates.includes(index));
  const text = options.columns?.text ? named(path, names, options.columns.text, 'text') : pickText(path, names, time, textCandidates, cells);
  const author = names.findIndex((name, index) => index !== time && index !== text && hasHeader && AUTHOR_NAMES.has(nameKey(name)));
  return { names, hasHeader, time, text, order, ...(author >= 0 ? { author } : {}) };
}

/** 08/14/2024 is month first; 14/08/2024 day first; a column that never says is read the US way. */
function dayOrder(rows: string[][]): DayOrder {
  let dayFirst = false;
  for (const row of rows) {
    for (const cell of row) {
      const numeric = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}\b/.exec(cell);
      if (!numeric) continue;
      if (Number(numeric[2]) > 12) return 'mdy';
      if (Number(numeric[1]) > 12) dayFirst = true;
    }
  }
  return dayFirst ? 'dmy' : 'mdy';
}

function share(cells: string[], test: (cell: string) => boolean): number {
  return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
}

/** A column the user named, by header name or 1-based number. */
function named(path: string, names: string[], wanted: string, role: string): number {
  const number = /^\d+$/.test(wanted.trim()) ? Number(wanted) : undefined;
  if (number !== undefined && number >= 1 && number <= names.length) return number - 1;
  const index = names.findIndex((name) => columnKey(name) === columnKey(wanted));
  if (index >= 0) return index;
  throw new SourceError(path, `has no column ${JSON.stringify(wanted)} for the ${role}: its columns are ${names.join(', ')}.`);
}

function pickTime(path: string, names: string[], data: string[][], candidates: number[], zone: IncidentZone, order: DayOrder): number {
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    throw new SourceError(path, `has no column of dates with times of day (such as 2024-08-14 14:02) in its first ${data.length} rows: its columns are ${names.join(', ')}.`);
  }
  const byName = candidates.filter((index) => TIME_NAMES.has(nameKey(names[index]!)));
  if (byName.length === 1) return byName[0]!;
  // The same moments written twice (UTC and local, ISO and epoch) are one time column.
  const moments = (index: number) => data.map((row) => parseInstant(row[index] ?? '', zone, order)).join();
  if (candidates.every((index) => moments(index) === moments(candidates[0]!))) return candidates[0]!;
  throw new AmbiguousColumnsError(path, names, candidates.map((index) => names[index]!), []);
}

function pickText(path: string, names: string[], time: number, candidates: number[], cells: (index: number) => string[]): number {
  const scored = candidates
    .map((index) => {
      const values = cells(index);
      const numeric = share(values, (cell) => /^[-+]?[\d.,%\s]+$/.test(cell));
      const words = values.reduce((sum, cell) => sum + cell.split(/\s+/).length, 0) / Math.max(1, values.length);
      const length = values.reduce((sum, cell) => sum + cell.length, 0) / Math.max(1, values.length);
      return { index, words, length, usable: values.length > 0 && numeric < MOST };
    })
    .filter((column) => column.usable)
    .sort((a, b) => b.words - a.words || b.length - a.length);
  const best = scored[0];
  if (!best) throw new SourceError(path, `has no column of text beside its time column ${names[time]}: its columns are ${names.join(', ')}.`);
  const close = scored.filter((column) => best.words >= 2 && column.words >= best.words * CLOSE && column.length >= best.length * CLOSE);
  if (close.length <= 1) return best.index;
  const byName = close.filter((column) => TEXT_NAMES.has(nameKey(names[column.index]!)));
  if (byName.length === 1) return byName[0]!.index;
  throw new AmbiguousColumnsError(path, names, [names[time]!], close.map((column) => names[column.index]!));
}
