import type { SectionId } from '../draft/sections.js';

/*
 * The one table of the names people give a postmortem's sections, for headings (`## Timeline`,
 * underlined ones, `<h2>`), bold pseudo-headings (`**Timeline:**`) and `Label:` lines alike.
 * Each key says where its content goes in the draft; `wizard` names the wizard's section
 * (src/draft/sections.ts) the content is asked for in.
 */

export type SectionKey =
  | 'summary' | 'duration' | 'impact' | 'timeline' | 'investigation' | 'misleading' | 'escalation' | 'detection'
  | 'rootCause' | 'rootCauseAndResolution' | 'resolution' | 'trigger' | 'measures' | 'tasks' | 'lessons' | 'other';

export interface SectionName {
  key: SectionKey;
  wizard?: SectionId;
  /** Whole names, compared after lower-casing, dropping punctuation, numbering and a leading "the". */
  names: readonly string[];
  /** Names that may be followed by more words ("Timeline of events (UTC)"). */
  prefixes?: readonly string[];
}

export const SECTION_NAMES: readonly SectionName[] = [
  { key: 'summary', wizard: 'summary', names: ['issue summary', 'incident summary', 'summary', 'overview', 'executive summary', 'incident overview', 'outage summary', 'description', 'incident description', 'what happened', 'background', 'tl dr', 'tldr', 'what was the problem'], prefixes: ['issue summary', 'incident summary', 'executive summary'] },
  { key: 'duration', wizard: 'summary', names: ['duration', 'outage duration', 'incident duration', 'time window', 'when', 'date', 'date and time', 'incident window', 'outage window'] },
  { key: 'impact', wizard: 'summary', names: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment', 'scope', 'scope and impact', 'impact and scope', 'affected users', 'who was affected'] },
  { key: 'timeline', wizard: 'timeline', names: ['timeline', 'chronology', 'sequence of events', 'timeline of events', 'detailed timeline', 'incident timeline', 'events', 'timeline utc', 'time line'], prefixes: ['timeline', 'chronology', 'sequence of events'] },
  // The steps taken to find the cause, told as a story or a list ("Debugging Process"): what was tried.
  { key: 'investigation', wizard: 'timeline', names: ['debugging process', 'debugging', 'debugging steps', 'debug process', 'investigation', 'investigation process', 'troubleshooting', 'troubleshooting process', 'troubleshooting steps', 'investigation and debugging'] },
  { key: 'misleading', wizard: 'misleading', names: ['misleading investigation debugging paths', 'misleading investigation paths', 'misleading debugging paths', 'misleading paths', 'misleading investigation', 'red herrings', 'investigation debugging paths', 'debugging paths', 'what we tried', 'false leads', 'wrong turns'], prefixes: ['misleading'] },
  { key: 'escalation', wizard: 'escalation', names: ['incident escalation', 'escalation', 'escalations', 'escalation path', 'who was involved', 'escalated to'] },
  { key: 'detection', wizard: 'timeline', names: ['detection', 'how it was detected', 'how was it detected', 'incident detection', 'detection time', 'detection method'] },
  { key: 'rootCauseAndResolution', wizard: 'rootCause', names: ['root cause and resolution', 'cause and resolution', 'root cause resolution', 'root cause and fix', 'cause and fix', 'root cause analysis and resolution', 'root cause and remediation', 'summation'] },
  { key: 'rootCause', wizard: 'rootCause', names: ['root cause', 'root causes', 'cause', 'causes', 'root cause analysis', 'rca', 'why it happened', 'why did it happen', 'what caused it', 'contributing factors'] },
  { key: 'trigger', wizard: 'extras', names: ['trigger', 'triggers', 'what triggered it'] },
  { key: 'resolution', wizard: 'rootCause', names: ['resolution', 'resolution steps', 'fix', 'the fix', 'remediation', 'mitigation', 'recovery', 'resolution and recovery', 'how it was fixed', 'how we fixed it', 'how did we fix it', 'how was it fixed', 'what we fixed', 'what was fixed', 'how we fixed', 'how it was resolved', 'how we resolved it'] },
  { key: 'measures', wizard: 'measures', names: ['corrective and preventative measures', 'corrective and preventive measures', 'broader measures', 'broad measures', 'preventative measures', 'preventive measures', 'corrective measures', 'corrective actions', 'preventive actions', 'measures', 'prevention', 'improvements and fixes', 'improvements fixes', 'improvements', 'next steps', 'follow up', 'follow ups', 'future prevention', 'what we are doing', 'what we will do'], prefixes: ['corrective', 'preventative', 'preventive'] },
  { key: 'tasks', wizard: 'measures', names: ['tasks', 'task', 'task list', 'tasks to address the issue', 'action items', 'action item', 'todo', 'to do', 'to do list', 'todo list', 'follow up tasks', 'follow up actions', 'action plan'] },
  { key: 'lessons', wizard: 'extras', names: ['lessons learned', 'lessons learnt', 'lessons', 'takeaways', 'key takeaways', 'what went well', 'what went wrong', 'where we got lucky', 'conclusion'], prefixes: ['lessons'] },
];

/** A heading's words as the table compares them. */
export function nameKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[*_`#:]+/g, ' ')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const exact = new Map<string, SectionKey>();
for (const entry of SECTION_NAMES) for (const name of entry.names) exact.set(name, entry.key);

/**
 * Which section a heading or label names, if any. `fuzzy`: a heading may carry a typo or a lost
 * first letter ("Issue Symmary", "ssue Summary"): one edit away from a name of six letters or more.
 */
export function sectionOf(heading: string, fuzzy = false): SectionKey | undefined {
  if (heading.length > 120) return undefined;
  const key = nameKey(heading);
  if (key === '') return undefined;
  const found = exact.get(key);
  if (found) return found;
  for (const entry of SECTION_NAMES) {
    for (const prefix of entry.prefixes ?? []) if (key.startsWith(`${prefix} `)) return entry.key;
  }
  if (fuzzy && key.length >= 6 && key.length <= 40) {
    for (const [name, section] of namesNear(key.length)) if (withinOneEdit(name, key)) return section;
  }
  return undefined;
}

/** For each length, the names (six letters or more) within one letter of it, in the table's order. */
const near = new Map<number, [string, SectionKey][]>();

function namesNear(length: number): [string, SectionKey][] {
  let names = near.get(length);
  if (!names) {
    names = [...exact].filter(([name]) => name.length >= 6 && Math.abs(name.length - length) <= 1);
    near.set(length, names);
  }
  return names;
}

function withinOneEdit(a: string, b: string): boolean {
  // One edit keeps the first letter or the last: most names are ruled out by a look at both.
  if (a[0] !== b[0] && a[a.length - 1] !== b[b.length - 1]) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
