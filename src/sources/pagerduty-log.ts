import type { EntryKind } from '../draft/vocabulary.js';
import { SourceError, type Candidate, type SourceFormat, type SourceOptions } from './candidate.js';
import { parseInstant } from './instant.js';
import { exportedObjects, jsonStart } from './json-values.js';
import { PageGroups } from './page-groups.js';
import { clause, sentences } from './sentences.js';
import { inWindow } from './window.js';

/*
 * PagerDuty's incident log, as the REST API's `GET /incidents/{id}/log_entries` (or the
 * account-wide `GET /log_entries`) returns it: `{ "log_entries": [ … ] }`, or the bare array,
 * or several pages saved one after another.
 */

interface Reference {
  id?: string;
  type?: string;
  summary?: string;
}

interface LogEntry {
  id?: string;
  type?: string;
  summary?: string;
  created_at?: string;
  agent?: Reference;
  user?: Reference;
  incident?: Reference;
  service?: Reference;
  channel?: { type?: string; summary?: string; subject?: string; details?: unknown; notes?: string; description?: string };
  event_details?: { description?: string };
  note?: string;
  /** Who an assign entry assigned the incident to. */
  assignees?: Reference[];
}

const KINDS: Record<string, EntryKind> = {
  trigger: 'detection',
  acknowledge: 'action',
  annotate: 'action',
  snooze: 'action',
  escalate: 'escalation',
  reassign: 'escalation',
  resolve: 'resolution',
};

const WHAT = 'a PagerDuty log entries export';

export const pagerdutyLog: SourceFormat = {
  id: 'pagerduty-log',
  label: 'PagerDuty log entries (JSON)',
  sniff: ({ isDirectory, head }) => !isDirectory && /[{[]/.test(jsonStart(head) ?? '') && /"type"\s*:\s*"[a-z_]+_log_entry"/.test(head),
  read: readPagerDutyLog,
};

async function* readPagerDutyLog(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const pages = new PageGroups();
  for await (const { value, index } of exportedObjects(path, options, 'log_entries', WHAT)) {
    const entry = value as LogEntry;
    const type = text(entry.type)?.replace(/_log_entry$/, '');
    if (!type) continue;
    const at = text(entry.created_at) ? parseInstant(entry.created_at!, options.zone) : undefined;
    if (at === undefined) throw new SourceError(path, `log entry ${index} has no time that can be read (created_at: ${JSON.stringify(entry.created_at ?? null)}).`);
    // Pages are grouped in the order they come, inside the window or not, so a group keeps one key.
    const pageKey = type === 'notify' ? pages.key(`pagerduty:${incidentId(entry)}`, at) : undefined;
    if (inWindow(at, options)) yield fromLogEntry(entry, type, at, pageKey, index);
  }
}

/** "[#1234] The server is on fire." → its number and title. */
export function incidentTitle(summary: string | undefined): { number?: string; title: string } {
  const match = /^\s*\[#(\d+)\]\s*(.*)$/s.exec(summary ?? '');
  return match ? { number: match[1]!, title: clause(match[2]) } : { title: clause(summary) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function incidentId(entry: LogEntry): string {
  return text(entry.incident?.id) ?? incidentTitle(entry.incident?.summary).number ?? 'incident';
}

function fromLogEntry(entry: LogEntry, type: string, at: number, pageKey: string | undefined, index: number): Candidate {
  const { number, title } = incidentTitle(entry.incident?.summary);
  const agent = text(entry.agent?.summary);
  const person = entry.agent?.type === 'user_reference' || entry.agent?.type === 'user' ? agent : undefined;
  const summary = clause(entry.summary) || `${type[0]!.toUpperCase()}${type.slice(1)}`;
  const about = number ? `Incident #${number}` : undefined;
  const kind = KINDS[type];
  const key = type === 'notify' ? pageKey : keyOf(entry, type);
  const base = {
    at,
    source: 'PagerDuty',
    ...(agent ? { author: agent } : {}),
    ...(kind ? { kind } : {}),
    ...(key ? { key } : {}),
    bot: !person,
    origin: entry.id ? `log entry ${entry.id}` : `log entry ${index}`,
  };
  const people = (...names: (string | undefined)[]) => {
    const named = names.filter((name): name is string => Boolean(name));
    return named.length ? { people: [...new Set(named)] } : {};
  };

  if (type === 'annotate') {
    const note = text(entry.channel?.summary) ?? text(entry.channel?.notes) ?? text(entry.note) ?? summary;
    return { ...base, text: sentences(note, `${summary}${title ? ` on ${title}` : ''}`, about), ...people(person) };
  }
  if (type === 'notify') {
    const notified = text(entry.user?.summary);
    return {
      ...base,
      text: sentences(title ? `Paged: ${title}` : 'Paged the on-call', summary, about),
      ...people(notified),
    };
  }
  const detail = type === 'trigger' ? triggerDetail(entry, title) : undefined;
  return {
    ...base,
    text: sentences(title ? `${summary}: ${title}` : summary, detail, about),
    ...people(person, text(entry.user?.summary), ...(Array.isArray(entry.assignees) ? entry.assignees.map((a) => text(a?.summary)) : [])),
  };
}

/** What the monitoring tool said when it triggered, when it says more than the title. */
function triggerDetail(entry: LogEntry, title: string): string | undefined {
  const said = text(entry.channel?.summary) ?? text(entry.channel?.subject) ?? text(entry.event_details?.description);
  return said && clause(said) !== title ? said : undefined;
}

/** The trigger and the resolution share keys with the incidents CSV's; other entries fold by their id. */
function keyOf(entry: LogEntry, type: string): string | undefined {
  if (type === 'trigger' || type === 'resolve') return `pagerduty:${incidentId(entry)}:${type}`;
  return entry.id ? `pagerduty:entry:${entry.id}` : undefined;
}
