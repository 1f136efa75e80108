import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { headerHas, namedRows, type NamedRow } from './csv-table.js';
import { parseInstant } from './instant.js';
import { clause, sentences } from './sentences.js';
import { SYSTEM_OWNERS } from './opsgenie-log.js';
import { inWindow } from './window.js';

/*
 * Opsgenie's CSV export of alerts: one row per alert, its columns named after the Alert API's
 * fields (TinyId, Alias, Message, Status, Acknowledged, CreatedAt, UpdatedAt, Count, Owner,
 * Priority, Source, Tags, Description…), read whatever their case or spacing ("Created At").
 * When the export carries the alert's report (AckTime, CloseTime in milliseconds after
 * creation, AcknowledgedBy, ClosedBy), the acknowledgement and the close are moments too.
 */

const WHAT = 'an Opsgenie alerts CSV';
const DESCRIPTION_LIMIT = 300;

export const opsgenieCsv: SourceFormat = {
  id: 'opsgenie-csv',
  label: "Opsgenie's alerts CSV",
  sniff: ({ isDirectory, head }) =>
    !isDirectory && headerHas(head, ['message', 'createdAt']) && ['tinyId', 'alias', 'isSeen', 'acknowledged'].some((name) => headerHas(head, [name])),
  read: readOpsgenieCsv,
};

async function* readOpsgenieCsv(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  for await (const row of namedRows(path, options, WHAT)) {
    for (const candidate of fromRow(row, path, options)) if (inWindow(candidate.at, options)) yield candidate;
  }
}

function fromRow(row: NamedRow, path: string, options: SourceOptions): Candidate[] {
  const created = parseInstant(row.get('createdAt'), options.zone);
  if (created === undefined) {
    throw new SourceError(path, `line ${row.line} has no time in CreatedAt that can be read (${JSON.stringify(row.get('createdAt'))}).`, row.line);
  }
  const message = clause(row.get('message')) || 'Alert';
  const id = row.get('tinyId') || row.get('alias') || message;
  const count = Number(row.get('count'));
  const description = row.get('description');
  const tags = row.get('tags');
  const detail = sentences(
    row.get('priority') && `Priority ${row.get('priority')}`,
    row.get('status') && `Status ${row.get('status')}${/^true$/i.test(row.get('acknowledged')) ? ', acknowledged' : ''}`,
    row.get('source') && `Source ${row.get('source')}`,
    row.get('owner') && `Owner ${row.get('owner')}`,
    tags && `Tags ${tags}`,
    count > 1 && `Occurred ${count} times${row.get('lastOccurredAt') ? `, last at ${row.get('lastOccurredAt')}` : ''}`,
    description && (description.length > DESCRIPTION_LIMIT ? `${description.slice(0, DESCRIPTION_LIMIT)}...` : description),
  );
  const base = { source: 'Opsgenie', origin: `line ${row.line}` };
  const found: Candidate[] = [{ ...base, at: created, text: sentences(`Alert: ${message}`, detail), kind: 'detection', key: `opsgenie:${id}:created`, bot: true }];

  const later = (timeColumn: string, afterColumn: string): number | undefined => {
    const at = parseInstant(row.get(timeColumn), options.zone);
    if (at !== undefined) return at;
    const after = row.get(afterColumn);
    return after !== '' && Number.isFinite(Number(after)) && Number(after) > 0 ? created + Number(after) : undefined;
  };
  const followUp = (at: number | undefined, done: string, by: string, kind: 'action' | 'resolution') => {
    if (at === undefined) return;
    const person = by !== '' && !SYSTEM_OWNERS.test(by);
    const how = person ? `${done} by ${by}` : by ? `${done} automatically` : done;
    found.push({ ...base, at, text: sentences(`${how}: ${message}`), kind, key: `opsgenie:${id}:${done.toLowerCase()}`, ...(by ? { author: by } : {}), ...(person ? { people: [by] } : { bot: true }) });
  };
  followUp(later('acknowledgedAt', 'ackTime'), 'Acknowledged', row.get('acknowledgedBy'), 'action');
  followUp(later('closedAt', 'closeTime'), 'Closed', row.get('closedBy'), 'resolution');
  return found;
}
