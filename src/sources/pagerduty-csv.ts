import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { headerHas, namedRows, type NamedRow } from './csv-table.js';
import { parseInstant } from './instant.js';
import { clause, sentences } from './sentences.js';
import { inWindow } from './window.js';

/*
 * PagerDuty's incidents CSV (the incidents report's "Download CSV"): one row per incident with
 * id, incident_number, description, service_name, created_on, resolved_on,
 * seconds_to_first_ack, acknowledged_by_user_names, resolved_by_user_name, auto_resolved,
 * urgency and more. Each row gives the trigger, the first acknowledgement and the resolution.
 */

const WHAT = 'a PagerDuty incidents CSV';

export const pagerdutyCsv: SourceFormat = {
  id: 'pagerduty-csv',
  label: "PagerDuty's incidents CSV",
  sniff: ({ isDirectory, head }) => !isDirectory && headerHas(head, ['incident_number', 'created_on']),
  read: readPagerDutyCsv,
};

async function* readPagerDutyCsv(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  for await (const row of namedRows(path, options, WHAT)) {
    for (const candidate of fromRow(row, path, options)) if (inWindow(candidate.at, options)) yield candidate;
  }
}

function fromRow(row: NamedRow, path: string, options: SourceOptions): Candidate[] {
  const created = parseInstant(row.get('created_on', 'created_at'), options.zone);
  if (created === undefined) {
    throw new SourceError(path, `line ${row.line} has no time in created_on that can be read (${JSON.stringify(row.get('created_on', 'created_at'))}).`, row.line);
  }
  const number = row.get('incident_number');
  const id = row.get('id') || number;
  const title = clause(row.get('description', 'title')) || `Incident #${number}`;
  const service = row.get('service_name');
  const urgency = row.get('urgency');
  const about = sentences(number && `Incident #${number}`, service && `Service ${service}`, urgency && `Urgency ${urgency}`);
  const base = { source: 'PagerDuty', origin: `line ${row.line}` };
  const found: Candidate[] = [
    { ...base, at: created, text: sentences(`Triggered: ${title}`, about), kind: 'detection', key: `pagerduty:${id}:trigger`, bot: true },
  ];

  const toAck = row.get('seconds_to_first_ack');
  if (toAck !== '' && Number.isFinite(Number(toAck))) {
    const names = row.get('acknowledged_by_user_names');
    found.push({
      ...base,
      at: created + Number(toAck) * 1000,
      text: sentences(`${names ? `Acknowledged by ${names}` : 'Acknowledged'}: ${title}`, about),
      kind: 'action',
      key: `pagerduty:${id}:acknowledge`,
      ...(names ? { author: names, people: names.split(/\s*[;,]\s*/).filter(Boolean) } : {}),
    });
  }

  const resolved = parseInstant(row.get('resolved_on', 'resolved_at'), options.zone);
  if (resolved !== undefined) {
    const resolver = row.get('resolved_by_user_name');
    const automatic = /^(true|1|yes)$/i.test(row.get('auto_resolved'));
    const by = resolver ? `Resolved by ${resolver}` : automatic ? 'Resolved automatically' : 'Resolved';
    found.push({
      ...base,
      at: resolved,
      text: sentences(`${by}: ${title}`, about),
      kind: 'resolution',
      key: `pagerduty:${id}:resolve`,
      ...(resolver ? { author: resolver, people: [resolver] } : { bot: true }),
    });
  }
  return found;
}
