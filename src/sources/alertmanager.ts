import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { parseInstant } from './instant.js';
import { jsonStart, jsonValues, ndjsonValues } from './json-values.js';
import { clause, sentences } from './sentences.js';
import { readHead } from './source-file.js';
import { inWindow } from './window.js';

/*
 * Prometheus Alertmanager's webhook payloads (`"version": "4"`): one payload, a JSON array of
 * them, or one per line (NDJSON) as a webhook receiver logs them. Alertmanager sends the same
 * alert again on every group_interval/repeat_interval, so a firing alert gets one key per
 * fingerprint and start; the pipeline folds the repeats into one.
 */

interface Alert {
  status?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  fingerprint?: string;
  generatorURL?: string;
}

const WHAT = 'Alertmanager webhook JSON';

export const alertmanager: SourceFormat = {
  id: 'alertmanager',
  label: 'Alertmanager webhook JSON',
  sniff: ({ isDirectory, head }) => !isDirectory && /[{[]/.test(jsonStart(head) ?? '') && /"alerts"\s*:/.test(head) && /"startsAt"\s*:/.test(head),
  read: readAlertmanager,
};

async function* readAlertmanager(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  for await (const { alert, where } of alerts(path, options)) {
    for (const candidate of fromAlert(alert, where, path, options)) if (inWindow(candidate.at, options)) yield candidate;
  }
}

/** The alerts of every payload, however the payloads are laid out. */
async function* alerts(path: string, options: SourceOptions): AsyncGenerator<{ alert: Alert; where: string }> {
  const head = await readHead(path);
  if (jsonStart(head) === '{' && isNdjson(head)) {
    for await (const { value, line } of ndjsonValues(path, options, WHAT)) {
      const payload = value as { alerts?: unknown };
      if (!Array.isArray(payload?.alerts)) throw new SourceError(path, `line ${line} is not an Alertmanager webhook payload (it has no "alerts" list).`, line);
      for (const alert of payload.alerts) if (isObject(alert)) yield { alert, where: `line ${line}` };
    }
    return;
  }
  const paths = jsonStart(head) === '[' ? ['$.*.alerts.*'] : ['$.alerts.*'];
  let index = 0;
  for await (const batch of jsonValues(path, options, paths, WHAT)) {
    for (const alert of batch) {
      index++;
      if (isObject(alert)) yield { alert, where: `alert ${index}` };
    }
  }
}

/** One payload per line: the first line is a whole JSON value on its own. */
function isNdjson(head: string): boolean {
  const lines = head.replace(/^\ufeff/, '').split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0]!);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Alert {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromAlert(alert: Alert, where: string, path: string, options: SourceOptions): Candidate[] {
  const labels = alert.labels ?? {};
  const annotations = alert.annotations ?? {};
  const name = labels.alertname ?? 'Alert';
  const startsAt = alert.startsAt ? parseInstant(alert.startsAt, options.zone) : undefined;
  if (startsAt === undefined) throw new SourceError(path, `${where} has no start time that can be read (startsAt: ${JSON.stringify(alert.startsAt ?? null)}).`);
  const identity = alert.fingerprint || Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`).join(',');
  const summary = clause(annotations.summary ?? annotations.message ?? annotations.title) || undefined;
  const description = annotations.description && clause(annotations.description) !== summary ? annotations.description : undefined;
  const labelText = Object.entries(labels)
    .filter(([key]) => key !== 'alertname')
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const detail = [description, labels.severity && `Severity ${labels.severity}`, labelText && `Labels: ${labelText}`];
  const said = (verb: string) => sentences(summary ? `${name} ${verb}: ${summary}` : `${name} ${verb}${labelText ? ` (${labelText})` : ''}`, ...detail);
  const base = { source: 'Alertmanager', bot: true, origin: where };
  const found: Candidate[] = [{ ...base, at: startsAt, text: said('firing'), kind: 'detection', key: `alertmanager:${identity}:${startsAt}:firing` }];
  if (alert.status === 'resolved') {
    const endsAt = alert.endsAt ? parseInstant(alert.endsAt, options.zone) : undefined;
    if (endsAt !== undefined) found.push({ ...base, at: endsAt, text: said('resolved'), kind: 'resolution', key: `alertmanager:${identity}:${startsAt}:resolved` });
  }
  return found;
}
