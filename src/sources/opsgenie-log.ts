import type { EntryKind } from '../draft/vocabulary.js';
import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { parseInstant } from './instant.js';
import { exportedObjects, jsonStart } from './json-values.js';
import { PageGroups } from './page-groups.js';
import { sentences } from './sentences.js';
import { inWindow } from './window.js';

/*
 * An Opsgenie alert's activity log, as the Alert API's `GET /v2/alerts/{id}/logs` returns it:
 * `{ "data": [ { "log", "type", "owner", "createdAt", "offset" } ], "paging", "took", "requestId" }`.
 * The log lines are Opsgenie's own sentences ("Alert created via Api with message [Disk full].",
 * "Alert acknowledged via Web", "Sent [Voice] notification to [jane@example.com]").
 */

interface AlertLog {
  log?: string;
  type?: string;
  owner?: string;
  createdAt?: string | number;
  offset?: string;
}

const WHAT = 'an Opsgenie alert log export';

export const opsgenieLog: SourceFormat = {
  id: 'opsgenie-log',
  label: 'Opsgenie alert logs (JSON)',
  sniff: ({ isDirectory, head }) =>
    !isDirectory && /[{[]/.test(jsonStart(head) ?? '') && /"log"\s*:/.test(head) && /"createdAt"\s*:/.test(head) && /"(offset|owner)"\s*:/.test(head),
  read: readOpsgenieLog,
};

async function* readOpsgenieLog(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const pages = new PageGroups();
  for await (const { value, index } of exportedObjects(path, options, 'data', WHAT)) {
    const entry = value as AlertLog;
    if (typeof entry.log !== 'string') continue;
    const at = entry.createdAt === undefined ? undefined : parseInstant(String(entry.createdAt), options.zone);
    if (at === undefined) throw new SourceError(path, `log ${index} has no time that can be read (createdAt: ${JSON.stringify(entry.createdAt ?? null)}).`);
    const log = entry.log.trim();
    const kind = opsgenieKind(log);
    // Pages are grouped in the order they come, inside the window or not, so a group keeps one key.
    const pageKey = kind === 'page' ? pages.key('opsgenie', at) : undefined;
    if (inWindow(at, options)) yield fromLog(entry, log, kind, at, pageKey);
  }
}

/** What an Opsgenie log line says happened, from its words. */
export function opsgenieKind(log: string): EntryKind | 'page' | undefined {
  if (/\bnotification\b|\bnotified\b/i.test(log)) return 'page';
  if (/\bun-?acknowledged\b/i.test(log)) return undefined;
  if (/\bcreated\b/i.test(log)) return 'detection';
  if (/\bclosed\b|\bresolved\b/i.test(log)) return 'resolution';
  if (/\bescalat/i.test(log)) return 'escalation';
  if (/\backnowledged\b|\bnote\b|\bsnoozed\b|\bexecuted\b/i.test(log)) return 'action';
  return undefined;
}

/** Opsgenie's own names for what it did by itself or through an integration. */
export const SYSTEM_OWNERS = /^(system|alert api|api|integration|heartbeat|opsgenie)\b/i;

function fromLog(entry: AlertLog, log: string, kind: ReturnType<typeof opsgenieKind>, at: number, pageKey: string | undefined): Candidate {
  const owner = entry.owner?.trim() || undefined;
  const bot = !owner || SYSTEM_OWNERS.test(owner) || /\bapi\b|integration/i.test(owner);
  const message = /\bmessage \[(.+)\]/i.exec(log)?.[1];
  const base = { at, source: 'Opsgenie', ...(owner ? { author: owner } : {}), bot, ...(entry.offset ? { origin: `log ${entry.offset}` } : {}) };
  if (kind === 'page') {
    const recipient = /\bto \[([^\]]+)\]/i.exec(log)?.[1];
    return { ...base, text: sentences('Paged the on-call', log), ...(pageKey ? { key: pageKey } : {}), ...(recipient ? { people: [recipient] } : {}) };
  }
  const note = /\bnote\b[^[]*\[(.+)\]\s*\.?$/i.exec(log)?.[1];
  const text = kind === 'detection' && message ? sentences(`Alert created: ${message}`, log) : note ? sentences(note, log) : sentences(log);
  return {
    ...base,
    text,
    ...(kind ? { kind } : {}),
    ...(entry.offset ? { key: `opsgenie:log:${entry.offset}` } : {}),
    ...(!bot && owner ? { people: [owner] } : {}),
  };
}
