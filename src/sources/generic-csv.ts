import { basename, extname } from 'node:path';
import { FixedOffsetZone } from 'luxon';
import type { EntryKind } from '../draft/vocabulary.js';
import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { chooseColumns } from './csv-columns.js';
import { csvRows, csvShape } from './csv-table.js';
import { parseInstant } from './instant.js';
import { sentence, sentences } from './sentences.js';
import { readHead } from './source-file.js';
import { inWindow } from './window.js';

/*
 * Any other CSV (a monitoring export, a spreadsheet someone kept during the incident): a time
 * column and a text column, found from their contents or named by the user. Rows without a
 * readable time or with no text are left out (a totals line, a blank row).
 */

const WHAT = 'a CSV file';
const DETAIL_LIMIT = 200;
const SNIFF_ZONE = { name: 'UTC', zone: FixedOffsetZone.utcInstance };

export const genericCsv: SourceFormat = {
  id: 'csv',
  label: 'a CSV with a time column and a text column',
  sniff: ({ path, isDirectory, head }) => {
    if (isDirectory) return false;
    const shape = csvShape(head);
    if (!shape) return false;
    if (/^\.(csv|tsv|tab)$/i.test(extname(path))) return true;
    // Another extension: only a table that has a column of times.
    const rows = shape.rows.slice(1);
    const width = Math.max(...rows.map((row) => row.length));
    const times = (index: number) => rows.filter((row) => parseInstant(row[index] ?? '', SNIFF_ZONE) !== undefined).length;
    return rows.length > 0 && Array.from({ length: width }, (_, index) => index).some((index) => times(index) >= rows.length * 0.8);
  },
  read: readGenericCsv,
};

async function* readGenericCsv(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const shape = csvShape(await readHead(path));
  if (!shape) throw new SourceError(path, `is not ${WHAT}: its first lines are not a table of two columns or more.`);
  const columns = chooseColumns(path, shape.rows, options);
  const source = basename(path);
  const status = statusColumn(columns);
  let header = columns.hasHeader;
  for await (const rows of csvRows(path, options, shape.delimiter, WHAT)) {
    for (const { cells, line } of rows) {
      if (header) {
        header = false;
        continue;
      }
      const at = parseInstant(cells[columns.time] ?? '', options.zone, columns.order);
      if (at === undefined || !inWindow(at, options)) continue;
      const said = sentence(cells[columns.text]);
      if (said === '') continue;
      const author = columns.author === undefined ? '' : (cells[columns.author] ?? '').trim();
      const kind = status === undefined ? undefined : statusKind(cells[status] ?? '');
      yield {
        at,
        source,
        text: sentences(said, otherCells(cells, columns)),
        ...(author ? { author } : {}),
        ...(kind ? { kind } : {}),
        origin: `line ${line}`,
      };
    }
  }
}

/** A column that says what each row is (`status`, `state`, `event`…), when the header names one. */
function statusColumn(columns: ReturnType<typeof chooseColumns>): number | undefined {
  if (!columns.hasHeader) return undefined;
  const index = columns.names.findIndex((name, i) => i !== columns.text && i !== columns.time && /^(?:status|state|event(?:[ _]?type)?|alert[ _]?status|type|action)$/i.test(name.trim()));
  return index === -1 ? undefined : index;
}

/** What a status cell says a row is: an alert firing is a detection, one resolved the resolution. */
function statusKind(value: string): EntryKind | undefined {
  const word = value.trim().toLowerCase();
  if (/^(?:triggered|trigger|firing|fired|alert(?:ing)?|open(?:ed)?|new|created|critical|down|problem)$/.test(word)) return 'detection';
  if (/^(?:escalated|escalation|escalate)$/.test(word)) return 'escalation';
  if (/^(?:resolved|resolve|recovered|recovery|closed|close|ok|up|cleared)$/.test(word)) return 'resolution';
  if (/^(?:acknowledged|ack(?:ed)?|assigned|investigating|mitigating|deployed|deploy)$/.test(word)) return 'action';
  return undefined;
}

/** The row's other cells, as "name: value" pairs, for the detail sentences. */
function otherCells(cells: string[], columns: ReturnType<typeof chooseColumns>): string | undefined {
  const pairs: string[] = [];
  cells.forEach((cell, index) => {
    const value = cell.replace(/\s+/g, ' ').trim();
    if (value === '' || index === columns.time || index === columns.text || index === columns.author) return;
    pairs.push(`${columns.names[index]}: ${value}`);
  });
  const detail = pairs.join('; ');
  if (detail === '') return undefined;
  return detail.length > DETAIL_LIMIT ? `${detail.slice(0, DETAIL_LIMIT)}...` : detail;
}
