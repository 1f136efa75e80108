import { incidentTiming, type Incident, type Timing } from '../draft/incident.js';
import type { Draft, DraftPath } from '../draft/schema.js';
import { formatMinutes, minutesBetween } from '../time/duration.js';
import { zoneLabel } from '../time/zone.js';
import { ZONE_ABBREVIATIONS } from '../time/zone-abbreviations.js';
import { hiddenCharacterFindings } from './hidden-characters.js';

/*
 * What a careful reviewer reads for beyond the rubric: claims the times contradict, times in
 * several timezones, blame, and tasks no one could act on. Each finding quotes the words it is
 * about, so the author can find them; the times to detect and to resolve are worked out too.
 */

export interface ReviewFinding {
  section: string;
  message: string;
  path?: DraftPath;
  /** The words the finding is about, as written. */
  quote?: string;
}

export type { Timing } from '../draft/incident.js';

interface Passage {
  section: string;
  path: DraftPath;
  text: string;
}

/** The prose of the draft, with the section of the README each part appears in. */
function passages(draft: Draft): Passage[] {
  const out: Passage[] = [];
  const add = (section: string, path: DraftPath, text: unknown) => {
    if (typeof text === 'string' && text.trim() !== '') out.push({ section, path, text });
  };
  add('Title', ['title'], draft.title);
  add('Issue Summary', ['summary', 'impact'], draft.summary?.impact);
  add('Issue Summary', ['summary', 'rootCause'], draft.summary?.rootCause);
  (draft.timeline ?? []).forEach((entry, index) => add('Timeline', ['timeline', index, 'text'], entry.text));
  add('Root Cause and Resolution', ['rootCause'], draft.rootCause);
  add('Root Cause and Resolution', ['resolution'], draft.resolution);
  (draft.measures ?? []).forEach((measure, index) => add('Corrective and Preventative Measures', ['measures', index], measure));
  (draft.tasks ?? []).forEach((task, index) => add('Corrective and Preventative Measures', ['tasks', index, 'text'], task.text));
  return out;
}

/** The sentence around a match, trimmed to something quotable. */
function sentenceAround(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('. ') + 1, before.lastIndexOf('\n') + 1, 0);
  const afterEnd = text.slice(index + length).search(/[.!?](\s|$)|\n/);
  const end = afterEnd === -1 ? text.length : index + length + afterEnd + 1;
  const sentence = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence;
}

// ---- Lengths the prose claims ----------------------------------------------------------

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};
const NUMBER = String.raw`(\d+(?:[.,]\d+)?|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')}|half an?)`;
const UNIT = String.raw`(minutes?|mins?|hours?|hrs?|days?)`;
// "a 30-minute outage", "lasted 2 hours and 15 minutes", "for 45 minutes", "two-hour downtime".
// "2 hours 30 minutes", "2 hours and 30 minutes", "2 hours, 30 minutes": one length.
const LENGTH = new RegExp(String.raw`\b${NUMBER}[\s-]+${UNIT}(?:\s*,?\s*(?:and\s+)?${NUMBER}[\s-]+${UNIT})?`, 'gi');
// Only a length said of the outage itself counts ("restarted after 5 minutes" does not).
const OF_THE_OUTAGE = /\b(outage|downtime|incident|disruption|degradation|lasted|lasting|down for|unavailable for|for about|for approximately|for roughly|for over|for nearly|duration)\b/i;

function amount(word: string): number {
  const lower = word.toLowerCase();
  if (lower.startsWith('half')) return 0.5;
  return NUMBER_WORDS[lower] ?? Number(lower.replace(',', '.'));
}

function minutesOf(value: number, unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('d')) return value * 1440;
  if (u.startsWith('h')) return value * 60;
  return value;
}

// Every length names a unit: text without one is passed over at once (a timeline is mostly such).
const ANY_UNIT = /min|hour|hr|day/i;

function lengthClaims(passage: Passage, actual: number, span: string): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  if (!ANY_UNIT.test(passage.text)) return findings;
  for (const match of passage.text.matchAll(LENGTH)) {
    const sentence = sentenceAround(passage.text, match.index, match[0].length);
    if (!OF_THE_OUTAGE.test(sentence)) continue;
    let claimed = minutesOf(amount(match[1]!), match[2]!);
    if (match[3] && match[4]) claimed += minutesOf(amount(match[3]), match[4]);
    if (Math.abs(claimed - actual) <= Math.max(5, actual * 0.1)) continue;
    findings.push({
      section: passage.section,
      path: passage.path,
      quote: match[0],
      message: `"${sentence}" says ${formatMinutes(claimed)}, but ${span} is ${formatMinutes(actual)}.`,
    });
  }
  return findings;
}

// ---- Percentages -------------------------------------------------------------------------

const PERCENT_OF_USERS = /(\d+(?:[.,]\d+)?)\s?(?:%|percent)(?:\s+of)?(?:\s+(?:our|the|all))?\s+(?:users|customers|clients|accounts|visitors|players|members)/gi;

const ANY_PERCENT = /%|percent/i;

function percentClaims(passage: Passage, stated: number): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  if (!ANY_PERCENT.test(passage.text)) return findings;
  for (const match of passage.text.matchAll(PERCENT_OF_USERS)) {
    const claimed = Number(match[1]!.replace(',', '.'));
    if (Math.abs(claimed - stated) < 0.5) continue;
    findings.push({
      section: passage.section,
      path: passage.path,
      quote: match[0],
      message: `"${match[0]}" disagrees with the share of users affected given in the summary (${stated}%).`,
    });
  }
  return findings;
}

// ---- Timezones ---------------------------------------------------------------------------

const TIME_WITH_ZONE = /\b\d{1,2}(?::\d{2})?\s?(?:[AP]\.?M\.?\s?)?\(?\b(UTC|GMT|[ECMP][SD]T|CES?T|BST|IST|JST|AEST|AEDT|WAT|EAT|SAST|[A-Z]{2,4}T)\b\)?(?:\s?([+-]\d{1,2}(?::?\d{2})?))?/g;

/** "+1", "-05:30", "+0530" as minutes east of UTC. */
function offsetMinutes(written: string): number {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(written)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

// Every zone TIME_WITH_ZONE names is three capitals or more in a row.
const ANY_ZONE = /[A-Z]{3}/;

/** `also`: the zone's other name during the incident (the clocks changed in it: EDT, then EST). */
function zoneFindings(passage: Passage, incident: Incident, ours: string, also?: string): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  if (!ANY_ZONE.test(passage.text)) return findings;
  const same = (label: string) => label === ours || label === also || (['UTC', 'GMT'].includes(label) && ['UTC', 'GMT', 'UTC+00:00'].includes(ours));
  for (const match of passage.text.matchAll(TIME_WITH_ZONE)) {
    const label = match[1]!;
    // "16:15 GMT+1" in a draft at +01:00 is the draft's own clock, written another way.
    if (/^(?:UTC|GMT)$/.test(label) && match[2]) {
      const at = incident.start?.toMillis() ?? incident.end?.toMillis() ?? Date.now();
      if (offsetMinutes(match[2]) === incident.zone.zone.offset(at)) continue;
    } else if (same(label)) continue;
    // The same place's other clock (PST written in summer, when it is PDT): said as such.
    const sameRegion = ZONE_ABBREVIATIONS[label.toUpperCase()]?.some((reading) => reading.zone === incident.zone.name);
    findings.push({
      section: passage.section,
      path: passage.path,
      quote: match[0].trim(),
      message: sameRegion
        ? `"${match[0].trim()}" says ${label}, but on the incident's date ${incident.zone.name} keeps ${ours}: write ${ours}.`
        : `"${match[0].trim()}" is in ${/^(?:UTC|GMT)$/.test(label) && match[2] ? `${label}${match[2]}` : label}, but the postmortem's times are in ${ours}: give every time in one timezone.`,
    });
  }
  return findings;
}

// ---- Blame -------------------------------------------------------------------------------

const BLAME = [
  { pattern: /\bhuman error\b/i, why: 'names human error as a cause: say what let the mistake through (a missing check, an unclear tool or runbook)' },
  { pattern: /\b(?:blame[ds]?|blaming|to blame|fault of|(?:his|her|their) fault)\b/i, why: 'assigns blame: a blameless postmortem names what failed, not who' },
  { pattern: /\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|incompeten(?:t|ce)|sloppy|lazy|stupid|dumb|screwed up|messed up|should have known)\b/i, why: 'judges a person: describe what happened and what made it possible instead' },
  { pattern: /\b[A-Z][a-z]+'s (?:mistake|error|fault|negligence|carelessness)\b/, why: 'names a person as the cause: describe the gap in the system that let it happen' },
  { pattern: /\b(?:engineer|developer|admin(?:istrator)?|operator|intern|contractor|someone|somebody|[A-Z][a-z]+) (?:forgot|neglected|failed) to\b/, why: 'makes a person the cause: say which safeguard was missing' },
];

function blameFindings(passage: Passage): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const { pattern, why } of BLAME) {
    const match = pattern.exec(passage.text);
    if (!match) continue;
    findings.push({ section: passage.section, path: passage.path, quote: match[0], message: `"${match[0]}" ${why}.` });
  }
  return findings;
}

// ---- Tasks -------------------------------------------------------------------------------

/** Verbs an action item starts with: something a person can pick up and do. */
const ACTION_VERBS = new Set(
  `add adjust alert align allow analyse analyze archive assign audit automate back block build bump cap change clean communicate conduct configure consolidate create
  cut decommission define delete deploy deprecate design detect develop disable document drop educate enable enforce ensure establish estimate evaluate expand extend
  fix gate harden hold implement increase install instrument introduce investigate isolate limit log lower make measure merge migrate monitor move notify onboard page
  patch pin prevent provide publish put raise rate-limit reduce refactor remove rename replace require restrict retire review revise rewrite roll rotate run schedule
  separate set share ship shorten simplify split standardise standardize stop switch tag test throttle track train tune turn update upgrade validate verify version write`.split(/\s+/),
);
// Verbs that name a wish rather than a change, and phrases that leave the work undefined.
const VAGUE_START = /^(?:improve|enhance|optimi[sz]e|consider|explore|look|try|think|be)\b/i;
const VAGUE = /\b(?:more careful|be careful|be aware|look into|think about|try to|as needed|if possible|etc\.?|and so on|somehow)\b/i;

function taskFindings(draft: Draft): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  const section = 'Corrective and Preventative Measures';
  (draft.tasks ?? []).forEach((task, index) => {
    const text = task.text?.trim();
    if (!text) return;
    const path: DraftPath = ['tasks', index, 'text'];
    const first = text.split(/\s+/)[0]!.toLowerCase().replace(/[^a-z-]/g, '');
    const wish = VAGUE_START.exec(text);
    if (wish) {
      findings.push({ section, path, quote: wish[0], message: `task "${truncate(text)}" is vague ("${wish[0]}"): say exactly what changes, so someone can finish it.` });
      return;
    }
    if (!ACTION_VERBS.has(first)) {
      findings.push({ section, path, quote: text, message: `task "${truncate(text)}" does not start with what to do: begin with a verb, like "Add an alert on …".` });
      return;
    }
    const vague = VAGUE.exec(text);
    if (vague) findings.push({ section, path, quote: vague[0], message: `task "${truncate(text)}" is vague ("${vague[0]}"): say exactly what changes, so someone can finish it.` });
  });
  return findings;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 50 ? `${flat.slice(0, 49)}…` : flat;
}

// ---- Together ----------------------------------------------------------------------------

export function reviewDraft(draft: Draft, incident: Incident): { findings: ReviewFinding[]; timing: Timing } {
  const findings: ReviewFinding[] = [];
  const prose = passages(draft);
  const { start, end, zone } = incident;
  const span = start && end ? `${start.toFormat('HH:mm')}–${end.toFormat(start.hasSame(end, 'day') ? 'HH:mm' : 'LLL d HH:mm')} ${zoneLabel(zone, start)}` : '';
  const actual = start && end ? minutesBetween(start, end) : undefined;
  const percent = draft.summary?.usersAffectedPercent;
  const ours = zoneLabel(zone, start);
  const atEnd = end ? zoneLabel(zone, end) : undefined;
  for (const passage of prose) {
    if (actual !== undefined && passage.path[0] !== 'tasks' && passage.path[0] !== 'measures') findings.push(...lengthClaims(passage, actual, span));
    if (typeof percent === 'number') findings.push(...percentClaims(passage, percent));
    if (incident.zoneGiven) findings.push(...zoneFindings(passage, incident, ours, atEnd !== ours ? atEnd : undefined));
    findings.push(...blameFindings(passage));
  }
  // What the import could not place is still the author's words: blame, a length or a zone there
  // counts too. (Sentences only: a page's furniture copied with it, GitHub's "Blame" button, is
  // not a claim.)
  const sentences = draft.notes?.split('\n').filter((line) => line.trim().split(/\s+/).length >= 3).join('\n');
  if (sentences) {
    const notes: Passage = { section: 'Notes', path: ['notes'], text: sentences };
    if (actual !== undefined) findings.push(...lengthClaims(notes, actual, span));
    if (incident.zoneGiven) findings.push(...zoneFindings(notes, incident, ours, atEnd !== ours ? atEnd : undefined));
    findings.push(...blameFindings(notes));
  }
  findings.push(...taskFindings(draft), ...hiddenCharacterFindings(draft));
  // The same words found twice (a summary's cause copied from the detail, a note repeating a field): said once.
  const said = new Set<string>();
  const once = findings.filter((finding) => {
    const key = `${finding.quote ?? ''}\u0000${finding.message}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
  return { findings: once, timing: incidentTiming(incident) };
}
