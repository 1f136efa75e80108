import { DateTime } from 'luxon';
import type { Draft, Task, TimelineEntry } from '../draft/schema.js';
import { DETECTION_LABELS, DRAFT_VERSION, ENTRY_KIND_LABELS, TASK_TYPES, type DetectionSource, type EntryKind, type TaskType } from '../draft/vocabulary.js';
import { formatStored } from '../time/when.js';
import { readZoneWord } from '../time/zone-abbreviations.js';
import { parseZone, type IncidentZone } from '../time/zone.js';
import { readOwnLayout } from './own-layout.js';
import { CLOCK_OFFSETS } from '../time/zone-abbreviations.js';
import { GENERATED_MARKER } from '../render/marker.js';
import { parseDocument } from './document.js';
import { IMPACT_WORDS } from './impact-words.js';
import { findDays, findMoments, namedZone, proseDay, type CalendarDay, type Moment } from './moments.js';
import { usersShares, type Share } from './share.js';
import { sectionOf, type SectionKey } from './section-names.js';

/*
 * Reads a postmortem written by hand into a draft the wizard can resume. People write these
 * in many ways (Markdown or HTML headings, bold or plain "Timeline:" labels, times in 12- or
 * 24-hour clocks with the zone once or on every line), so the reading is by shape: find the
 * sections, then read each the way its kind of content is usually written. Whatever cannot be
 * placed is kept, word for word, in `notes`: nothing is dropped.
 */

export interface ImportResult {
  draft: Draft;
  /** What was found, for the person to check: counts of what went where. */
  found: { timeline: number; measures: number; tasks: number; notes: number };
  /** The timezones its times were written in (more than one is worth a question). */
  zones: string[];
  /** What the reading decided that the person should know (an ambiguous zone, no date found). */
  warnings: string[];
  /** The users' share where the document states it differently in two places. */
  shares: Share[];
  /** The line of the file each draft entry came from (timeline entry i → line). */
  lines: { timeline: (number | undefined)[] };
  /** Timeline entry i written in another zone than the incident's: its time as written and that zone. */
  otherZones: ({ written: string; zone: string } | undefined)[];
  /** The incident's zone as the document writes it. */
  zoneWritten?: string;
  /** The document's sections in order, as the reader found them: what `check` reads the document by. */
  sections: DocumentSection[];
  /** Fields the import worked out from another part of the document (the summary's cause from the detail). */
  derived: ('summary.rootCause' | 'summary.end')[];
}

export interface DocumentSection {
  key: SectionKey;
  heading?: string;
  /** 1–6 for `#` headings, 7 for a bold or `Label:` line, 0 for the text before the first heading. */
  level: number;
  /** The heading's line of the file (none for the text before the first heading). */
  line?: number;
  /** Its lines as read (a list item keeps its `- ` or `1. `), each with the file's line. */
  lines: { text: string; line?: number }[];
}

export interface ImportOptions {
  /** The file's name: a date in it (`2023-08-02-outage.md`) is the last place the date is looked for. */
  fileName?: string;
}

function classify(heading: string): SectionKey | undefined {
  return sectionOf(heading, true);
}

/**
 * A line that is a heading: `## X` (its level; also `###X` without the space), `**X:**` alone on
 * its line, a known `X:` label, or a paragraph that is only a section's name ("Timeline") (level 7).
 */
function headingOf(line: string, wrapped = false): { text: string; level: number; bare?: boolean } | undefined {
  if (line.length > 200) return undefined;
  const markdown = /^(#{1,6}) ?([^#\s].*)$/.exec(line);
  if (markdown) return { text: markdown[2]!.replace(/\s#+$/, '').trim(), level: markdown[1]!.length };
  // A line that is only a section's name; with a typo, only where a paragraph starts.
  if (line.length <= 40 && !/[.,;!?]$/.test(line) && /^(?:\*\*)?\p{L}/u.test(line)) {
    const name = line.replace(/^\*\*(.*)\*\*:?$/, '$1').replace(/:$/, '');
    if (sectionOf(name, !wrapped)) return { text: name, level: 7, bare: !/[*:]/.test(line) };
  }
  const bold = /^(?:[-*] )?\*\*([^*]+?)\*\* ?[:;]? ?$/.exec(line);
  if (bold) return { text: bold[1]!.replace(/[:;]$/, '').trim(), level: 7 };
  const label = /^(?:[-*] )?([A-Z][A-Za-z0-9 ./&'()-]{2,60}?) ?: ?$/.exec(line);
  if (label && classify(label[1]!)) return { text: label[1]!, level: 7 };
  return undefined;
}

/**
 * A short line of no known section name that heads lines each starting with a time ("How it
 * unfolded", then "11:00pm - batch started", "11:52pm - alert fired", …): the timeline, whatever
 * its writer called it.
 */
function timesHeading(lines: readonly { text: string; wrapped?: boolean }[], index: number, current: SectionKey): { text: string; level: number; bare: boolean; key: SectionKey } | undefined {
  const line = lines[index]!.text;
  if (current === 'timeline' || line.length > 60 || /[.;!?,]$/.test(line) || !/^(?:\*\*)?\p{L}/u.test(line) || findMoments(line).length) return undefined;
  let timed = 0;
  for (let i = index + 1; i < lines.length && i <= index + 3; i++) {
    if (!entryAt(lines[i]!.text)) break;
    timed++;
  }
  return timed >= 2 ? { text: line.replace(/^\*\*(.*)\*\*:?$/, '$1').replace(/:$/, ''), level: 7, bare: !/[*:]/.test(line), key: 'timeline' } : undefined;
}

const KEY_VALUE = /^\s*(?:[-*\u2022]\s*)?(?:\*\*)?\s*([A-Za-z][A-Za-z /]{1,40}?)\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/;
const CHROME = /^(code|issues|pull requests|actions|projects|security|insights|preview|blame|history|latest commit|file metadata and controls|raw|edit)$/i;

/** Bullets, numbering, checkboxes and bold markers off an item. */
function cleanItem(line: string): string {
  return line
    .replace(/^\s*(?:[-*\u2022+]|\d+[.)])\s+/, '')
    .replace(/^\[[ xX]\]\s*/, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^\s*:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line that starts telling the fix: "To resolve the issue…", "The patch involved…", "This was fixed by…". */
const FIX_BEGINS = /^\s*(?:[-*\u2022]\s+|\d+[.)]\s+)?(?:to (?:resolve|fix|mitigate|address)\b|(?:the )?(?:patch|fix) (?:involved|was|consisted)|(?:this|it|the (?:issue|problem)) was (?:fixed|resolved) by\b|(?:we|the team|the on-?call(?: engineer)?) (?:then )?(?:paused|stopped|rolled back|reverted|restarted|removed|deleted|cleared|killed|patched|fixed|increased|scaled|disabled|redeployed|re-?ran|freed|switched|failed over|drained|restored|renewed|rotated)\b)/i;

/** Handed to someone else: escalated, handled by the administrator, the dev team contacted. */
const ESCALATED = /\bescalat(?:ed|ion|e|es|ing)\b|\bhandled by\b|\b(?:team|administrator|admin|engineer|lead|manager)\b[^.]{0,20}\b(?:was|were) (?:alerted|notified|paged|called)\b|\bcontact(?:s|ed)\b[^.]{0,60}\bteam\b/i;
/** What was tried and did not help: a path that led nowhere. */
const NOT_THE_FIX = /\b(?:will|would|does|did|do) not (?:seem to )?(?:fix|resolve|mitigate|help)\b|\b(?:did not|didn't) yield\b/i;

/** "PagerDuty alert: 5xx rate > 10%", "The disk watermark alert fired": an alert, said first. */
const ALERT_FIRST = /^(?:(?:a|an|the|our)\s+)?(?:[\w-]+\s+){0,3}(?:alert|alarm|page)(?:\s*:|\s+(?:fired|triggered|went off|for\b))|^(?:pagerduty|opsgenie|datadog|grafana|prometheus|alertmanager|nagios|sentry)\b|\bcustomers? (?:tweeted|emailed|wrote in|reported|complained)\b/;
/** "called Dana (billing lead) for help", "pulled in the DBA": someone else brought in. */
const CALLED_IN = /\b(?:called|paged|pinged|pulled|looped|brought)\b(?: in)? [^.]{0,40}\bfor help\b|\b(?:pulled|looped|brought) in (?:the )?\w+/;
/** "Sam thought the payment provider's API was slow": a belief the story goes on to drop. */
const THOUGHT = /\b(?:thought|believed|guessed) (?:that |it was |the |this was )/;
/** "…incident closed", "back to baseline", "fresh again": over. */
const CLOSED = /\b(?:incident (?:was |is )?closed|closed the incident|back to (?:baseline|normal levels)|(?:fresh|healthy|green|stable) again|all clear|finished, all\b)/;

export function guessKind(text: string, label = ''): EntryKind {
  const l = label.toLowerCase();
  if (/detect/.test(l)) return 'detection';
  if (/mislead|debugging path|red herring/.test(l)) return 'misleading';
  if (/escalat/.test(l)) return 'escalation';
  if (/resol|recover/.test(l)) return 'resolution';
  if (/action/.test(l)) return 'action';
  const t = text.toLowerCase().trim();
  // An alert that fired and paged someone is how it was found, not a hand-over.
  if (ALERT_FIRST.test(t)) return 'detection';
  if (ESCALATED.test(t) || CALLED_IN.test(t)) return 'escalation';
  if (/\b(misleading|assum|suspect(?:ed|ing)|suspicion|red herring|ruled out|turned out|wrongly|mistakenly|initially (?:thought|believed|focused)|dismissed as)/.test(t) || THOUGHT.test(t) || NOT_THE_FIX.test(t)) return 'misleading';
  if (CLOSED.test(t)) return 'resolution';
  if (/\b(resolved|restored|recover(?:ed|s)|(?:back|returns?|returned) to (?:normal|working)|self-heal(?:s|ed)?|fully operational|normal operations? resumed|service (?:was |is )?back|back (?:up|online)|outage (?:ends|ended|is over)|(?:bringing|brought) the outage to an end|working again|successful(?:ly)? resol\w*|(?:everything|things) (?:is|are) (?:fine|okay|ok))\b|\bback to 100%/.test(t)) return 'resolution';
  if (/\b(detected|noticed|alerted|alerts? (?:fired|triggered|indicat|showed|went off|were raised|raised)|monitoring (?:tools? )?(?:detected|alert)|first reported|paged|pager|went off|alarm)\b/.test(t) || /\ud83d\udea8/.test(text)) return 'detection';
  return 'action';
}

function detectionSource(text: string): DetectionSource {
  const t = text.toLowerCase().trim();
  if (/customer|users? report|reported by (?:several |many |some )?(?:users|others)|complain|support ticket/.test(t)) return 'customer';
  if (/monitor|alert|pagerduty|alarm|dashboard|pager/.test(t)) return 'monitoring';
  if (/engineer|developer|noticed|operator/.test(t)) return 'engineer';
  return 'other';
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return (match ? match[1]! : text).trim();
}

interface Block {
  key: SectionKey;
  heading?: string;
  level: number;
  /** Under a "Root Cause and Resolution" heading of a higher level: the detailed part. */
  nested?: boolean;
  lines: string[];
  /** The file's line of each of `lines`. */
  at: number[];
  /** Whether each of `lines` continues the paragraph before it. */
  wrapped: boolean[];
  line?: number;
}

/** Our README shows an answer not given as "(impact not written yet)": read back, it is no answer. */
const PLACEHOLDER = /^\(([^()]+) not written yet\)$/;
function dropPlaceholders(draft: Draft): void {
  const summary = draft.summary as Record<string, unknown> | undefined;
  for (const key of Object.keys(summary ?? {})) if (typeof summary![key] === 'string' && PLACEHOLDER.test((summary![key] as string).trim())) delete summary![key];
  if (summary && Object.keys(summary).length === 0) delete draft.summary;
  for (const key of ['rootCause', 'resolution'] as const) if (draft[key] && PLACEHOLDER.test(draft[key]!.trim())) delete draft[key];
  if (draft.measures) draft.measures = draft.measures.filter((m) => !PLACEHOLDER.test(m.trim()));
  if (draft.measures?.length === 0) delete draft.measures;
  if (draft.tasks) draft.tasks = draft.tasks.filter((t) => !PLACEHOLDER.test((t.text ?? '').trim()));
  if (draft.tasks?.length === 0) delete draft.tasks;
}

const clockOfZone = (name: string) => (/^(GMT|UTC|Z|\+00:00)$/i.test(name) ? 'UTC' : name);

export function importPostmortem(input: string, options: ImportOptions = {}): ImportResult {
  const document = parseDocument(input);
  const ours = input.includes(GENERATED_MARKER);
  const notes: string[] = [];
  const warnings: string[] = [];
  const blocks: Block[] = [{ key: 'other', level: 0, lines: [], at: [], wrapped: [] }];
  let parent: Block | undefined;
  // A timeline written as `### 16:30` headings, each over its paragraphs: the entry being read.
  let timedHeading: { block: Block; index: number } | undefined;
  for (const [index, { text: line, line: lineNumber, wrapped }] of document.lines.entries()) {
    const found: { text: string; level: number; bare?: boolean; key?: SectionKey } | undefined = headingOf(line, wrapped) ?? timesHeading(document.lines, index, blocks.at(-1)!.key);
    const timeline = blocks.at(-1)!;
    if (found && /^#/.test(line) && (timeline.key === 'timeline' || timedHeading?.block === timeline) && found.level > timeline.level && entryAt(found.text)) {
      timeline.lines.push(`- ${found.text}:`);
      timeline.at.push(lineNumber);
      timeline.wrapped.push(false);
      timedHeading = { block: timeline, index: timeline.lines.length - 1 };
      continue;
    }
    // A sub-heading of the timeline that is not a time ("### Aftermath"): its text stays in the timeline.
    if (found && /^#/.test(line) && timeline.key === 'timeline' && found.level > timeline.level && !classify(found.text)) {
      timeline.lines.push(found.text);
      timeline.at.push(lineNumber);
      timeline.wrapped.push(false);
      timedHeading = undefined;
      continue;
    }
    if (timedHeading && !found && timedHeading.block === timeline) {
      const l = timedHeading.block.lines;
      l[timedHeading.index] = `${l[timedHeading.index]} ${line.replace(/^(?:[-*]|\d+[.)]) /, '')}`.replace(/: (?=\S)/, ': ');
      continue;
    }
    timedHeading = undefined;
    const heading = found?.text;
    const level = found?.level ?? 7;
    let key = found?.key ?? (heading !== undefined ? classify(heading) : undefined);
    // A "Tasks" heading before any part of the postmortem is a course page's, not the action items.
    if (key === 'tasks' && !blocks.some((b) => b.key !== 'other' && b.key !== 'tasks')) key = undefined;
    const current = blocks.at(-1)!;
    // "Misleading paths:" inside a timeline labels the entries under it, and so does a bold label of no known name ("**Actions Taken:**").
    const entryLabel = key === 'misleading' || key === 'escalation' || key === 'detection' || (key === undefined && level === 7 && !found?.bare);
    if (heading !== undefined && entryLabel && current.key === 'timeline' && (level > current.level || level === 7)) {
      current.lines.push(line);
      current.at.push(lineNumber);
      current.wrapped.push(false);
      continue;
    }
    // "### What went well" under "## Lessons Learned" stays in it.
    if (heading !== undefined && current.key === 'lessons' && level > current.level && (key === 'lessons' || key === undefined)) {
      current.lines.push(`${heading}:`);
      current.at.push(lineNumber);
      current.wrapped.push(false);
      continue;
    }
    // "### Process" under "## Action items": its items are still the action items.
    if (heading !== undefined && key === undefined && (current.key === 'tasks' || current.key === 'measures') && /^#/.test(line) && level > current.level) {
      current.lines.push(`${heading}:`);
      current.at.push(lineNumber);
      current.wrapped.push(false);
      continue;
    }
    // A heading written as a plain line ("Timeline"): its words are kept in notes, as written.
    if (found?.bare) notes.push(line);
    if (heading !== undefined) {
      // An unknown heading after the known sections: its text is kept with what follows.
      const nested = !!parent && parent.level < level && (key === 'rootCause' || key === 'resolution');
      const block: Block = { key: key ?? 'other', heading, level, nested, lines: [], at: [], wrapped: [], line: lineNumber };
      if (key === 'rootCauseAndResolution') parent = block;
      else if (!parent || level <= parent.level) parent = undefined;
      blocks.push(block);
      continue;
    }
    current.lines.push(line);
    current.at.push(lineNumber);
    current.wrapped.push(!!wrapped);
  }

  const draft: Draft = { version: DRAFT_VERSION };
  const summary: NonNullable<Draft['summary']> = {};
  const documentText = document.lines.slice(0, 5000).map((l) => l.text).join('\n');
  let zoneName: string | undefined;
  let startMoment: Moment | undefined;
  let endMoment: Moment | undefined;
  let titleDay: CalendarDay | undefined;
  const rootCause: string[] = [];
  // A "Root Cause" section of its own (beside "Root Cause and Resolution") is the summary's line.
  const causeSection: string[] = [];
  const hasDetailedCause = blocks.some((b) => b.key === 'rootCauseAndResolution');
  const summaryCause = (block: Block) => block.key === 'rootCause' && hasDetailedCause && !block.nested;
  const resolution: string[] = [];
  const measures: string[] = [];
  const tasks: string[] = [];
  const impact: string[] = [];
  const trigger: string[] = [];
  const lessons: { wentWell: string[]; wentWrong: string[]; lucky: string[] } = { wentWell: [], wentWrong: [], lucky: [] };
  const prose: string[] = [];
  /** The lines before the first section, and the summary's: where an impact is told when it has no section. */
  const summaryProse: string[] = [];
  const rawEntries: { moment?: Moment; written?: string; text: string; label: string; line?: number; kind?: EntryKind }[] = [];
  let timesZone: string | undefined;

  const readDuration = (value: string) => {
    const moments = findMoments(value);
    if (moments.length < 2) return false;
    [startMoment, endMoment] = datedRange(moments[0]!, moments[1]!);
    zoneName ??= namedZone(value) ?? endMoment!.zone ?? startMoment!.zone;
    return true;
  };

  // Title: front matter's, or the heading or plain line just before the first section that is not boilerplate.
  const firstKnown = blocks.findIndex((b) => b.key !== 'other');
  const titleCandidates = blocks
    .slice(0, firstKnown === -1 ? blocks.length : firstKnown)
    .flatMap((b) => [b.heading, ...(b.key === 'other' && b === blocks[0] ? b.lines : [])])
    .filter((t): t is string => !!t && t.trim().length >= 8 && t.trim().length <= 100)
    .filter((t) => !isLabelLine(t) && findMoments(t.slice(0, 60), { entry: true })[0]?.index !== 0)
    .map((t) => cleanItem(t.replace(/`/g, '')))
    .filter((t) => !/^0x[0-9a-f]+\b|^#|^!\[|^tasks$|devops|sysadmin|^\[|^postmortem$|lines? \(|commit|^breadcrumbs|\|/i.test(t) && !CHROME.test(t));
  // Our own README: its first heading is the title, whatever its length.
  const ownTitle = ours ? /^# (.+)$/.exec(document.lines[0]?.text ?? '')?.[1] : undefined;
  // The document's first line, when it is a heading or a short line of its own (not a section, a label or a sentence).
  const head = document.lines[0];
  const headText = head ? cleanItem(head.text.replace(/^#{1,6} ?/, '').replace(/`/g, '')) : '';
  const firstLine =
    head && (/^#/.test(head.text) || head.alone || headText.length <= 80) && headText.length >= 3 && headText.length <= 120 && !/[.;!?]$/.test(headText) && !classify(headText.replace(/:$/, '')) && !isLabelLine(head.text) && !findMoments(headText).length && !CHROME.test(headText)
      ? headText.replace(/\s*:\s*$/, '')
      : undefined;
  const boilerplate = (t: string) => /^0x[0-9a-f]+\b/i.test(t);
  const title =
    document.frontMatter.title ??
    ownTitle ??
    (firstLine && !boilerplate(firstLine) ? firstLine : undefined) ??
    titleCandidates.filter((t) => /postmortem|outage|incident|failure|down/i.test(t)).at(-1) ??
    titleCandidates.at(-1) ??
    firstLine;
  if (title) {
    draft.title = title.replace(/\s*:\s*$/, '');
    titleDay = proseDay(draft.title);
  }

  for (const block of blocks) {
    const ownEntries = block.key === 'misleading' || block.key === 'escalation';
    let mode: SectionKey = ownEntries ? 'timeline' : block.key;
    let label = ownEntries ? block.heading ?? '' : '';
    let lessonList: string[] | undefined;
    for (let i = 0; i < block.lines.length; i++) {
      // GitHub's emoji codes before a line's words (":small_orange_diamond:16:20 …") are pictures, not words.
      const line = block.lines[i]!.replace(/^((?:[-*+] |\d+[.)] )?)(?::[a-z0-9_+-]{1,40}:\s*)+(?=\S)/, '$1');
      const lineNumber = block.at[i];
      if (line.trim() === '') continue;
      // A line longer than any sentence: kept as it is, read no further.
      if (line.length > 5000) {
        notes.push(line.trim());
        continue;
      }
      if (/^\((?:[\w ]+ )?not written yet\)$/.test(cleanItem(line))) {
        notes.push(line.trim());
        continue;
      }
      const detected = /^Detected by (.+?)(?:,| as it began|\.|$)/.exec(line);
      const detectedSource = detected ? (Object.entries(DETECTION_LABELS).find(([, words]) => words === detected[1])?.[0] as DetectionSource | undefined) : undefined;
      if (detectedSource) draft.detectedBy = detectedSource;
      // "All times are UTC", "Times below are US Eastern (EST)", "All times in this report are in PST".
      const zoneLine = /\b(?:all times(?: below| above| here| listed| shown| given| used| in this (?:document|report|postmortem))?(?: are| in| listed)*|times(?: below| above| here| listed| shown| given| used| in this (?:document|report|postmortem))?(?: are| in| listed)+|time\s*\()\s*(?:in\s+)?\(?([A-Za-z][\w/+:-]*)/i.exec(line.slice(0, 300));
      // "All times in Central European Time (CET)": the abbreviation in brackets names it.
      const bracketed = zoneLine ? /\(([A-Z]{2,5}|[A-Z][a-z]+\/[A-Za-z_]+)\)/.exec(line.slice(0, 300))?.[1] : undefined;
      const zoneWord = bracketed && zoneOf(bracketed, documentText, []) ? bracketed : zoneLine?.[1];
      if (zoneLine && zoneWord && zoneOf(zoneWord, documentText, warnings)) timesZone ??= namedZone(line) ?? zoneWord;
      const sub = /^\s*(?:[-*]\s+)?(?:\*\*)?([^*:]{3,60}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*$/.exec(line);
      const subKey = sub ? classify(sub[1]!) : undefined;
      if (mode === 'measures' || mode === 'tasks' || mode === 'rootCauseAndResolution') {
        if (subKey === 'tasks' || subKey === 'measures') {
          mode = subKey;
          continue;
        }
        if (subKey === 'resolution') {
          mode = 'resolution';
          continue;
        }
      }
      const kv = KEY_VALUE.exec(line);
      const key = kv?.[1]?.toLowerCase().trim() ?? '';
      const labelKey = kv ? classify(kv[1]!) : undefined;
      // Labelled facts before any section ("| **Date** | … |", "Duration: …") are the summary's.
      const summaryLike =
        mode === 'summary' ||
        (mode === 'other' && kv !== null && (labelKey === 'duration' || labelKey === 'impact' || /^(start|end|time ?zone|authors?|summary|root cause)/.test(key))) ||
        // "Start Time: …" and "End Time: …" lines under a "Duration" heading.
        (mode === 'duration' && kv !== null && /^(start|end)(ed)?( time)?$/.test(key));
      if (summaryLike) {
        // A line read into fields is also kept whole in notes: its other words stay in their order
        // (and, but for an end, in the prose read for the start and end).
        const keepWhole = (asProse = true) => {
          // Under a "Duration" heading the line stays whole as before it was read (decorations and all).
          if (!hasOtherWords(kv![2]!) && mode !== 'duration') return;
          notes.push(line.trim());
          if (asProse) prose.push(line);
        };
        if (kv && /duration|when|date|time window/.test(key)) {
          if (readDuration(kv[2]!)) {
            keepWhole();
            continue;
          }
        }
        if (kv && /^start(ed)?( time)?$/.test(key)) {
          const m = findMoments(kv[2]!)[0];
          if (m) {
            startMoment = m;
            zoneName ??= namedZone(kv[2]!) ?? m.zone;
            // "Start time: …, End time: …" on one line.
            const endTime = /\bend(?:ed)?(?: time)?\s*:/i.exec(kv[2]!);
            if (endTime) endMoment = findMoments(kv[2]!.slice(endTime.index))[0] ?? endMoment;
            keepWhole();
            continue;
          }
        }
        if (kv && /^end(ed)?( time)?$/.test(key)) {
          const m = findMoments(kv[2]!)[0];
          if (m) {
            endMoment = m;
            zoneName ??= namedZone(kv[2]!) ?? m.zone;
            keepWhole(false);
            continue;
          }
        }
        if (kv && /^(time ?zone)$/.test(key)) {
          if (zoneOf(kv[2]!.trim(), documentText, warnings)) {
            zoneName = kv[2]!.trim();
            continue;
          }
        }
        if (kv && labelKey === 'impact') {
          impact.push(cleanItem(kv[2]!));
          continue;
        }
        if (kv && /^authors?$/.test(key) && mode === 'other') {
          const authors = kv[2]!.split(/,\s*/).map((a) => a.trim()).filter((a) => a && !/not written yet/.test(a));
          if (authors.length) draft.authors = authors;
          else notes.push(line.trim());
          continue;
        }
        if (kv && (/root cause|^cause/.test(key) || (key === 'summary' && mode === 'other'))) {
          summary.rootCause = cleanItem(kv[2]!);
          continue;
        }
        if (mode === 'summary') {
          if (subKey === 'rootCause') {
            mode = 'rootCause';
            continue;
          }
          prose.push(line);
          summaryProse.push(line);
          notes.push(line.trim());
          continue;
        }
      }
      switch (mode) {
        case 'duration':
          if (readDuration(line)) {
            if (hasOtherWords(line)) notes.push(line.trim());
            continue;
          }
          prose.push(line);
          notes.push(line.trim());
          continue;
        case 'impact':
          impact.push(cleanItem(line));
          prose.push(line);
          continue;
        case 'trigger':
          trigger.push(cleanItem(line));
          continue;
        case 'detection': {
          const by = /^Detected by (.+?)(?:,| as it began|\.|$)/.exec(cleanItem(line));
          const source = by ? (Object.entries(DETECTION_LABELS).find(([, words]) => words === by[1])?.[0] as DetectionSource | undefined) : undefined;
          if (source) draft.detectedBy = source;
          notes.push(line.trim());
          continue;
        }
        case 'lessons': {
          const which = /^(what went well|what went wrong|where we got lucky)\s*:?$/i.exec(cleanItem(line));
          if (which) {
            const w = which[1]!.toLowerCase();
            lessonList = w.endsWith('well') ? lessons.wentWell : w.endsWith('wrong') ? lessons.wentWrong : lessons.lucky;
            continue;
          }
          if (lessonList && /^\s*(?:[-*]|\d+[.)])\s/.test(line)) {
            lessonList.push(cleanItem(line));
            continue;
          }
          notes.push(line.trim());
          continue;
        }
        case 'timeline': {
          // Entries run together in one paragraph ("12:00pm EAT: Detected. 12:06pm EAT: Checked…"): one each.
          const pieces = runOnEntries(line);
          if (pieces.length > 1) {
            for (const piece of pieces) {
              const e = entryAt(piece);
              if (e) rawEntries.push({ moment: e.moment, written: e.written, text: e.text, label, line: lineNumber });
              else notes.push(piece);
            }
            notes.push(line.trim());
            continue;
          }
          const entry = entryAt(line);
          if (entry) {
            let text = entry.text;
            // A time on its own line, its words on the next (indented) one; under a label ("Detection Time:"), the label's.
            if (text === '' && block.lines[i + 1]?.trim() && !/:(?:\*\*)?\s*$/.test(block.lines[i + 1]!)) text = cleanItem(block.lines[++i]!);
            else if (text === '' && label) text = label;
            const kind = ownKind(text);
            rawEntries.push({ moment: entry.moment, written: entry.written, text: kind ? kind.text : text, label, line: lineNumber, ...(kind ? { kind: kind.kind } : {}) });
            continue;
          }
          if (sub) {
            label = sub[1]!;
            continue;
          }
          if (kv && /detect|action|mislead|escalat|resol|debug|investigat/.test(key)) {
            const moment = findMoments(kv[2]!)[0];
            const value = kv[2]!;
            const rest = cleanItem(moment ? (value.slice(0, moment.index) + value.slice(moment.end)).replace(/^[\s,.:;-]+/, '') : value);
            rawEntries.push({ moment, written: moment ? value.slice(moment.index, moment.end) : undefined, text: rest || cleanItem(value), label: kv[1]!, line: lineNumber });
            continue;
          }
          // Under a misleading-path or escalation label, every paragraph is an entry, timed or not.
          if ((/^\s*(?:[-*\u2022]|\d+[.)])\s+/.test(line) || /mislead|escalat|debugging path|red herring/i.test(label)) && label) {
            const moment = findMoments(line)[0];
            rawEntries.push({ moment, written: moment ? line.slice(moment.index, moment.end) : undefined, text: cleanItem(line), label, line: lineNumber, ...(moment ? { inText: true } : {}) });
            continue;
          }
          notes.push(line.trim());
          continue;
        }
        case 'rootCause':
        case 'rootCauseAndResolution':
        case 'resolution': {
          if (kv && /^(the )?(root )?cause$/.test(key)) {
            rootCause.push(cleanItem(kv[2]!));
            continue;
          }
          if (kv && /^resolution|^fix/.test(key)) {
            resolution.push(cleanItem(kv[2]!));
            mode = 'resolution';
            continue;
          }
          if (mode !== 'resolution' && FIX_BEGINS.test(line)) mode = 'resolution';
          // "…exhaustion. To fix the issue, the team…": the fix starts mid-paragraph.
          const fixStarts = mode !== 'resolution' ? /(?<=[.!?])\s+(?=To (?:resolve|fix|mitigate|address) (?:the|this) (?:issue|problem|outage)|(?:This|It|The (?:issue|problem)) was (?:fixed|resolved) by\b)/.exec(line) : null;
          if (fixStarts) {
            (summaryCause(block) ? causeSection : rootCause).push(line.slice(0, fixStarts.index).trim());
            resolution.push(line.slice(fixStarts.index).trim());
            notes.push(line.trim());
            mode = 'resolution';
            continue;
          }
          let text = /^\s*(?:[-*\u2022]|\d+[.)])\s+/.test(line) ? line.trim().replace(/^[*\u2022]\s+/, '- ') : line.trim();
          // Plain lines after "…the team:" are the items it introduces.
          const target = mode === 'resolution' ? resolution : summaryCause(block) ? causeSection : rootCause;
          const previous = target.at(-1);
          // A paragraph wrapped over several lines is one paragraph.
          if (block.wrapped[i] && previous !== undefined && !/^(?:-|\d+[.)])\s/.test(text) && !/:$/.test(previous)) {
            target[target.length - 1] = `${previous} ${text.replace(/\*\*(.+?)\*\*/g, '$1')}`;
            continue;
          }
          const isItem = /^(?:-|\d+[.)])\s/.test(text);
          const continuesList = /^- /.test(previous ?? '') && block.lines[i - 1]?.trim() !== '';
          if (previous && !isItem && (/:$/.test(previous) || continuesList)) text = `- ${text}`;
          target.push(text.replace(/\*\*(.+?)\*\*/g, '$1'));
          continue;
        }
        case 'measures':
        case 'tasks': {
          const text = cleanItem(line);
          if (/^!?\[[^\]]*\]\([^)]*\)$/.test(text) || (!/^\s*(?:[-*]|\d+[.)])\s/.test(line) && / \| /.test(line))) {
            notes.push(line.trim());
            continue;
          }
          if (/^\s*[-*]\s*\[[ xX]\]/.test(line)) {
            tasks.push(text);
            continue;
          }
          if (/^(in conclusion|overall|to conclude|this (outage|incident))\b/i.test(text) || text.length > 240 || /:\s*$/.test(text)) {
            notes.push(line.trim());
            continue;
          }
          // An item that says who does it by when is a task, under whatever heading.
          (mode === 'tasks' || OWNER_AND_DUE.test(text) ? tasks : measures).push(text);
          continue;
        }
        default:
          if (block === blocks[0] || block.key === 'other' || block.key === 'investigation') prose.push(line);
          if (block === blocks[0] || block.key === 'summary') summaryProse.push(line);
          notes.push(line.trim());
      }
    }
    if (block.key === 'other' && block.heading && block !== blocks[0] && block.heading !== title) notes.unshift(`${block.heading}:`);
  }

  // The start and end written as prose: "began at 14:30 UTC, March 6, 2025 and was resolved by 14:45 UTC".
  if (!startMoment) {
    for (const line of prose.slice(0, 300)) {
      // "from"/"between" only about the outage itself ("the outage lasted from 14:30 to…"), not
      // anything else that grew from a time ("traffic starts building from around 6pm").
      const head = line.slice(0, 3000);
      const began =
        /\b(?:began|begun|started|start time|commenced|kicked off|occurred)\b/i.exec(head) ??
        /\b(?:outage|incident|downtime|down|unavailable|disruption|lasted|duration)\b[^.]{0,40}?\b(?:from|between|starting)\b/i.exec(head);
      if (!began) continue;
      const moments = findMoments(line).filter((m) => m.index > began.index);
      if (!moments.length) continue;
      startMoment = moments[0];
      const later = moments.slice(1).find((m, i) => /\b(?:resolved|restored|recovered|mitigated|ended|until|till|fixed|through|to|and)\b|[-\u2013]/i.test(line.slice((i === 0 ? moments[0]! : moments[i]!).end, m.index)));
      if (later) endMoment = later;
      zoneName ??= namedZone(line) ?? startMoment!.zone ?? endMoment?.zone;
      break;
    }
  }
  // "…returned 502s between 14:05 UTC and 14:52 UTC", "From 9:10 PM PST until 1:40 AM PST": two
  // times joined as a range, the first after "between" or "from", make the window whatever the
  // sentence is about (a lone "from 6pm" does not).
  if (!startMoment) {
    for (const line of prose.slice(0, 60)) {
      const moments = findMoments(line.slice(0, 3000));
      const pair = moments.findIndex((m, i) => {
        const next = moments[i + 1];
        if (!next) return false;
        const before = line.slice(Math.max(0, m.index - 16), m.index);
        const between = line.slice(m.end, next.index);
        return /\b(?:between|from)\s+(?:about |around |approximately |roughly |~)?$/i.test(before) && /^[\s,]*(?:and|to|until|till|through|[-\u2013\u2014])\s+(?:about |around |approximately |roughly |~)?$/i.test(between);
      });
      if (pair === -1) continue;
      [startMoment, endMoment] = datedRange(moments[pair]!, moments[pair + 1]!);
      zoneName ??= namedZone(line) ?? endMoment!.zone ?? startMoment!.zone;
      break;
    }
  }
  // "…approximately 00:07 PST, an outage occurred…": the first time in a sentence about the outage.
  let startSentence: string | undefined;
  if (!startMoment) {
    for (const sentence of prose.slice(0, 60).flatMap((line) => line.slice(0, 3000).split(/(?<=[.!?])\s+/))) {
      if (!/\b(?:outage|incident|downtime|went down|occurred|happened|began|started|disruption|unavailable)\b/i.test(sentence)) continue;
      const moment = findMoments(sentence)[0];
      if (!moment) continue;
      startMoment = moment;
      startSentence = sentence.trim();
      zoneName ??= namedZone(sentence) ?? moment.zone;
      break;
    }
  }

  // The incident's date: the summary's, the title's, front matter's, the prose's, the first dated
  // entry's or the file name's. Never the clock's.
  const fileDay = options.fileName ? /(\d{4})-(\d{2})-(\d{2})/.exec(options.fileName) : null;
  const frontDay = document.frontMatter.date ? proseDay(document.frontMatter.date) : undefined;
  const withYear = (d: CalendarDay | undefined) => (d?.year !== undefined ? d : undefined);
  const incidentDay: CalendarDay | undefined =
    withYear(startMoment?.date) ??
    withYear(titleDay) ??
    frontDay ??
    proseDay(prose.slice(0, 40).join('\n')) ??
    withYear(rawEntries.find((e) => e.moment?.date?.year !== undefined)?.moment?.date) ??
    (fileDay ? { year: Number(fileDay[1]), month: Number(fileDay[2]), day: Number(fileDay[3]) } : undefined) ??
    // Last, a date anywhere in what was not placed ("On 2023-01-02 we saw…" after the timeline).
    proseDay(notes.slice(0, 200).join('\n'));
  const fill = (d: CalendarDay | undefined, fallback: CalendarDay | undefined): CalendarDay | undefined => {
    if (!d) return fallback;
    if (d.year !== undefined) return d;
    if (fallback?.year === undefined) return undefined;
    // "Jan 1" after "Dec 30, 2025" is in 2026: the year that puts the day nearest the one before.
    const offset = (d.month - fallback.month) * 31 + (d.day - fallback.day);
    return { ...d, year: fallback.year + (offset < -183 ? 1 : offset > 183 ? -1 : 0) };
  };

  // The incident's zone: the summary's, the "All times are …" line's, the first entry's.
  const firstEntryZone = rawEntries.find((e) => e.moment?.zone)?.moment?.zone;
  // A place name (Asia/Kolkata) says more than the offset or abbreviation written beside a time.
  const zoneWritten = [zoneName, timesZone].find((z) => z?.includes('/')) ?? zoneName ?? timesZone ?? firstEntryZone;
  const zone = zoneWritten ? zoneOf(zoneWritten, documentText, warnings) : undefined;
  const incidentZone = zone ?? utc();
  const at = (m: Moment, day: CalendarDay): DateTime | undefined => {
    const own = m.zone ? zoneOf(m.zone, documentText, warnings) ?? incidentZone : incidentZone;
    const value = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: m.hour, minute: m.minute, second: m.second }, { zone: own.zone });
    return value.isValid ? value.setZone(incidentZone.zone) : undefined;
  };

  let start: DateTime | undefined;
  let end: DateTime | undefined;
  let bareStart: string | undefined;
  let bareEnd: string | undefined;
  if (startMoment) {
    const day = fill(startMoment.date, incidentDay);
    if (day) start = at(startMoment, day);
    else bareStart = bareTime(startMoment);
  }
  if (endMoment) {
    const day = fill(endMoment.date, start ? { year: start.year, month: start.month, day: start.day } : incidentDay);
    if (day) end = at(endMoment, day);
    else bareEnd = bareTime(endMoment);
    if (end && start && end < start && !endMoment.date) end = end.plus({ days: 1 });
  }

  // Every zone written on a line counts; UTC and GMT are the same clock, and so are a place and
  // the name of the clock it shows during the incident (CET, then CEST, for Europe/Berlin).
  const incidentOffsets = new Set([start, end].filter((t): t is DateTime => !!t && !!zone).map((t) => t.setZone(zone!.zone).toFormat('ZZ')));
  const clock = (name: string) => {
    const offset = CLOCK_OFFSETS[name.replace(/^\(|\)$/g, '').toUpperCase()];
    if (zone && offset && incidentOffsets.has(offset)) return clockOfZone(zone.name);
    const z = zoneOf(name, documentText, []);
    return clockOfZone(z?.name ?? name);
  };
  // Each clock once, as the document spells it first ("UTC, PDT").
  const written = rawEntries.map((e) => e.moment?.zone).filter((z): z is string => !!z);
  const spelling = new Map<string, string>();
  for (const z of [...(zoneWritten ? [zoneWritten] : []), ...written]) if (!spelling.has(clock(z))) spelling.set(clock(z), z.replace(/^\(|\)$/g, ''));
  const zones = [...spelling.values()];
  const incidentClock = zone ? clock(zone.name) : undefined;
  const entryZones = rawEntries.map((e) => (e.moment?.zone && incidentClock && clock(e.moment.zone) !== incidentClock ? { written: e.written ?? '', zone: e.moment.zone } : undefined));
  const entryZonesPad: ({ written: string; zone: string } | undefined)[] = entryZones;
  if (zone) summary.timezone = zone.name;
  if (start) summary.start = formatStored(start, incidentZone);
  else if (bareStart) summary.start = bareStart;
  if (end) summary.end = formatStored(end, incidentZone);
  else if (bareEnd) summary.end = bareEnd;
  if (bareStart || bareEnd) warnings.push('the document gives the start or end without a date: add the date in the draft.');

  let running: CalendarDay | undefined = start ? { year: start.year, month: start.month, day: start.day } : incidentDay;
  let previous: DateTime | undefined;
  let undated = 0;
  // Our own SRE layout names every kind but "action": an entry without one is an action.
  const kindsWritten = ours && rawEntries.some((e) => e.kind && e.kind !== 'misleading');
  const timeline: TimelineEntry[] = [];
  const entryLines: (number | undefined)[] = [];
  for (const { moment, text, label, line, kind: stated } of rawEntries) {
    const kind = stated ?? (kindsWritten && !label ? 'action' : guessKind(`${label} ${text}`, label));
    entryLines.push(line);
    if (!moment) {
      timeline.push({ kind, text });
      continue;
    }
    const day = fill(moment.date, running);
    let value = day ? at(moment, day) : undefined;
    if (!value) {
      // No date anywhere in the document: the time of day as written (24-hour), no date invented.
      undated++;
      timeline.push({ at: bareTime(moment), kind, text });
      continue;
    }
    if (!moment.date) {
      // Past midnight: a bare time well before the previous entry's is the next day's.
      if (previous && value < previous && previous.diff(value, 'hours').hours >= 6) value = value.plus({ days: 1 });
      else if (start && value < start && end && value.plus({ days: 1 }) <= end) value = value.plus({ days: 1 });
    }
    previous = value;
    running = { year: value.year, month: value.month, day: value.day };
    timeline.push({ at: formatStored(value, incidentZone), kind, text });
  }
  if (undated) warnings.push(`${undated} timeline entr${undated === 1 ? 'y has' : 'ies have'} a time but the document gives no date: the time is kept without one.`);

  // "Written by Sam K., reviewed by ops." near the top: the authors (the line stays in notes too).
  if (!draft.authors && !ours) {
    for (const { text } of document.lines.slice(0, 15)) {
      const by = /^\*?(?:written|authored|prepared|compiled) by:?\s+(.{2,120}?)(?:[,;]\s*(?:reviewed|approved|edited)\b.*)?\.?\*?$/i.exec(text.trim());
      if (!by) continue;
      const authors = by[1]!.split(/\s*(?:,|&|\band\b)\s*/).map((name) => name.trim()).filter((name) => /^\p{L}/u.test(name) && name.split(/\s+/).length <= 4);
      if (authors.length) draft.authors = authors;
      break;
    }
  }

  // Our own README says more than its sections: the authors, each entry's kind in the diagram, the humour.
  const own = ours ? readOwnLayout(input) : undefined;
  if (own) {
    if (own.authors?.length && !draft.authors) draft.authors = own.authors;
    const events = [...own.events];
    for (const entry of timeline) {
      const clock = entry.at ? /(\d{2}:\d{2})(?::\d{2})?(?: [+-]\d{2}:\d{2})?$/.exec(entry.at)?.[1] : undefined;
      // The diagram shortens a long entry ("…"): its start is enough.
      const says = (event: { text: string }) => {
        const text = entry.text?.trim() ?? '';
        const shown = event.text.trim();
        return shown.endsWith('\u2026') ? text.startsWith(shown.slice(0, -1).trimEnd()) : text === shown;
      };
      const index = events.findIndex((event) => event.clock === clock && says(event));
      if (index === -1) continue;
      entry.kind = events[index]!.kind;
      events.splice(index, 1);
    }
    // The humour line closes the README, right under the tasks: it is not one of them.
    const humor = own.humor;
    if (humor) for (let i = tasks.length - 1; i >= 0; i--) if (cleanItem(tasks[i]!).replace(/^\*(.*)\*$/, '$1') === humor) tasks.splice(i, 1);
  }
  // In our own README: the lines made from fields read back (the duration, how it was detected)
  // and the placeholders of answers not written yet are not notes.
  const ownLine = (line: string) => {
    const plain = line.trim().replace(/^\*(.*)\*$/, '$1');
    return own!.lines.has(line.trim()) || own!.lines.has(`*${plain}*`) || /^(?:- )?(?:\[ \] )?\([^()]+ not written yet\)$/.test(plain) || /^- \*\*Duration:\*\* /.test(plain) || /^(?:Detected (?:by|through) [^.]*\. )?All times are /.test(plain);
  };
  if (own) {
    const mine = notes.filter((line) => ownLine(line));
    for (const line of mine) notes.splice(notes.indexOf(line), 1);
  }

  // A document with no timed entry but a start told in prose: that sentence is the first entry.
  if (startSentence && !timeline.some((e) => e.at) && summary.start) {
    timeline.unshift({ at: summary.start, kind: guessKind(startSentence), text: startSentence });
    entryLines.unshift(undefined);
    entryZonesPad.unshift(undefined);
  }

  // A misleading path or an escalation told only in prose ("we first suspected…", "escalated to…"):
  // the sentence becomes an entry of that kind (its words stay in notes too).
  const sentences = notes.slice(0, 400).flatMap((line) => line.slice(0, 3000).split(/(?<=[.!?])\s+/));
  const told: [EntryKind, RegExp][] = [
    ['misleading', /\b(?:initial(?:ly)?|at first|first)\b[^.]{0,80}\b(?:suspect|assum|thought|believ|focus|investigat|look)|\bred herring|\bmisleading|\bwrong (?:path|direction|track)|\bturned out (?:not|to be (?:un|a red|fine|normal))|\bruled out|\bfalse (?:lead|alarm)|\bdead end|\b(?:no useful|nothing useful|to no avail|only to be disappointed|fruitless|unfruitful)\b|\b(?:did not|didn't) (?:help|reveal|show anything)|\bdismissed as\b/i],
    ['escalation', new RegExp(`${ESCALATED.source}|\\b(?:looped in|called in|brought in|reached out to|handed (?:it )?(?:off|over) to)\\b`, 'i')],
  ];
  for (const [kind, cue] of told) {
    if (timeline.some((e) => e.kind === kind)) continue;
    const sentence = sentences.find((t) => (cue.test(t) || (kind === 'misleading' && NOT_THE_FIX.test(t))) && t.length <= 600);
    if (sentence) {
      timeline.push({ kind, text: sentence.trim() });
      entryLines.push(undefined);
      entryZonesPad.push(undefined);
    }
  }

  const derived: ImportResult['derived'] = [];
  // No start or end stated: the first entry's time, and the last resolution's, say so.
  const timed = timeline.filter((e) => e.at).map((e) => ({ at: e.at!, kind: e.kind, text: e.text ?? '' }));
  const sameForm = timed.length > 0 && timed.every((e) => e.at.length === timed[0]!.at.length);
  if (sameForm && !summary.start && !summary.end) {
    const sorted = [...timed].sort((a, b) => a.at.localeCompare(b.at));
    // An entry that says the outage began ("OUTAGE BEGINS") is the start, else the first.
    summary.start = (sorted.find((e) => /\b(?:outage|incident|downtime|problem|issue)s?\s+(?:begins|began|starts|started)\b/i.test(e.text)) ?? sorted[0]!).at;
    const resolved = sorted.filter((e) => e.kind === 'resolution').at(-1) ?? (sorted.length > 1 ? sorted.at(-1) : undefined);
    if (resolved && resolved.at > summary.start) summary.end = resolved.at;
    // The last entry is only a guess at the end when it does not say the outage is over.
    if (summary.end && resolved?.kind !== 'resolution') derived.push('summary.end');
    warnings.push(`the document states no start${resolved ? ' or end' : ''}: ${resolved ? 'they are' : 'it is'} taken from the timeline (first entry${resolved ? ', last resolution or last entry' : ''}).`);
  } else if (sameForm && summary.start && !summary.end) {
    // A start stated but no end: the last entry that says the outage is over ("back online") is the end.
    const over = timed.filter((e) => e.kind === 'resolution' && e.at > summary.start!).sort((a, b) => a.at.localeCompare(b.at)).at(-1);
    if (over && over.at.length === summary.start.length) summary.end = over.at;
  }

  // The summary's own "Root Cause" section is kept whole: it is the author's summary.
  if (!summary.rootCause && causeSection.length) summary.rootCause = causeSection.join(' ').replace(/^- /, '');
  // A summary that has its own one-line cause: the section is detail, never dropped.
  else if (causeSection.length) rootCause.unshift(...causeSection);
  if (!summary.rootCause && rootCause.length) {
    summary.rootCause = firstSentence(rootCause.join(' ').replace(/^- /, ''));
    derived.push('summary.rootCause');
  }

  // Impact and the users' share: the impact's own words first, then the rest of the document's.
  let impactText = impact.join(' ');
  const ownShare = /\s*About (\d+(?:\.\d+)?)% of users were affected\.(?: The incident lasted [^.]+\.)?\s*$/.exec(impactText);
  if (ours && ownShare) impactText = impactText.slice(0, ownShare.index).trim();
  else if (ours) impactText = impactText.replace(/\s*The incident lasted [^.]+\.\s*$/, '').trim();
  // No impact of its own: the summary's sentences that tell what users met ("the public API
  // returned HTTP 502 for about 40% of requests"), as written (they stay in notes too).
  if (!impactText && !ours) {
    const told = summaryProse.flatMap((line) => line.slice(0, 3000).split(/(?<=[.!?])\s+/)).filter((sentence) => IMPACT_WORDS.test(sentence) && !/^(?:root cause|cause)\s*:/i.test(sentence.trim()));
    if (told.length) {
      impactText = told.slice(0, 2).map((sentence) => cleanItem(sentence)).join(' ');
    }
  }
  if (impactText) summary.impact = impactText;
  const impactShares = usersShares(impact.join(' '), true);
  const otherShares = usersShares(prose.join('\n'));
  const share = usersShares(impact.join(' ')).at(0) ?? impactShares.at(0) ?? otherShares.at(0);
  if (share) summary.usersAffectedPercent = share.percent;
  const shares = [...impactShares, ...otherShares];
  const distinct = [...new Set(shares.map((s) => s.percent))];

  if (Object.keys(summary).length) draft.summary = summary;
  // How it was detected, when a detection entry says ("alert", "users reported"); not guessed when none does.
  const source = timeline.filter((e) => e.kind === 'detection' && e.text).map((e) => detectionSource(e.text!)).find((found) => found !== 'other');
  if (!draft.detectedBy && !ours && source) draft.detectedBy = source;
  if (timeline.length) draft.timeline = timeline;
  if (rootCause.length) draft.rootCause = paragraphs(rootCause);
  if (resolution.length) draft.resolution = paragraphs(resolution);
  if (measures.length) draft.measures = measures;
  if (tasks.length) draft.tasks = tasks.map((task) => splitTask(task, incidentDay?.year));
  if (trigger.length || lessons.wentWell.length || lessons.wentWrong.length || lessons.lucky.length) {
    draft.extras = {
      ...(trigger.length ? { trigger: trigger.join(' ') } : {}),
      ...(lessons.wentWell.length || lessons.wentWrong.length || lessons.lucky.length ? { lessons } : {}),
    };
  }
  if (own?.humor || own?.events.length) draft.extras = { ...draft.extras, ...(own.humor ? { humor: own.humor } : {}), ...(own.events.length ? { diagram: true } : {}) };
  if (ours) dropPlaceholders(draft);
  const kept = notes.filter((line) => line.trim() !== '');
  if (kept.length) draft.notes = kept.join('\n');
  return {
    draft,
    found: { timeline: timeline.length, measures: measures.length, tasks: draft.tasks?.length ?? 0, notes: kept.length },
    zones,
    warnings: [...new Set(warnings)],
    shares: distinct.length > 1 ? shares : [],
    lines: { timeline: entryLines },
    otherZones: entryZones,
    ...(zone ? { zoneWritten: zoneWritten ?? zone.name } : {}),
    sections: blocks.map((b) => ({ key: b.key, level: b.level, ...(b.heading !== undefined ? { heading: b.heading } : {}), ...(b.line !== undefined ? { line: b.line } : {}), lines: b.lines.map((text, i) => ({ text, line: b.at[i] })) })),
    derived,
  };
}

/** Words beside the times and dates of a value ("(1 hour)", "on a busy Monday"): then the line is kept whole. */
function hasOtherWords(value: string): boolean {
  let rest = value;
  for (const m of findMoments(value).reverse()) rest = rest.slice(0, m.index) + ' ' + rest.slice(m.end);
  rest = rest.replace(/\b(?:\d{4}-\d{2}-\d{2}|to|from|until|till|through|and|on|at|start(?:ed)?|end(?:ed)?|time)\b/gi, ' ').replace(/\b(?:[A-Z]{2,5}|[A-Za-z]+\/[A-Za-z_]+)\b/g, ' ');
  return /[\p{L}\p{N}]/u.test(rest);
}

const two = (n: number) => String(n).padStart(2, '0');
/** A time of day with no date to put it on: `14:30`, as written, in 24 hours. */
function bareTime(m: Moment): string {
  return `${two(m.hour)}:${two(m.minute)}${m.second ? `:${two(m.second)}` : ''}`;
}

/** A `Label: value` line whose label is a section name ("Duration: 15 minutes"): never a title. */
function isLabelLine(text: string): boolean {
  const label = /^(?:[-*] )?(?:\*\*)?([A-Za-z][A-Za-z /]{1,40}?)(?:\*\*)?\s*:/.exec(text);
  return !!label && classify(label[1]!) !== undefined;
}

/** A paragraph of entries run together: cut before each time that starts a sentence and is followed by `:` or a dash. */
function runOnEntries(line: string): string[] {
  if (line.length > 5000) return [line];
  const cuts = findMoments(line)
    .filter((m) => /^\s*(?:\*\*)?\s*[:\-\u2013\u2014]/.test(line.slice(m.end, m.end + 6)) && (m.index === 0 || /[.!?:;]\s*(?:[-*\u2013\u2014]\s*)?(?:\*\*)?\s*$|^\s*(?:[-*] )?$/.test(line.slice(Math.max(0, m.index - 6), m.index))))
    .map((m) => m.index);
  if (cuts.length < 2) return [line];
  const head = line.slice(0, cuts[0]).trim();
  // Each piece without the " -" that introduced the next one.
  const pieces = cuts.map((c, i) => line.slice(c, cuts[i + 1]).trim().replace(/\s+[-*\u2013\u2014]$/, ''));
  return head && !/^(?:[-*]|\d+[.)])$/.test(head) ? [head, ...pieces] : pieces;
}

/** A timeline entry's line: its time (and date and zone) first, then its words. */
function entryAt(line: string): { moment: Moment; written: string; text: string } | undefined {
  const lead = /^\s*(?:[-*+\u2022]\s*|\d+[.)]\s+)?(?:\[[ xX]\]\s*)?(?:\*\*|__)?\s*[([]?\s*[~\u2248]?\s*/.exec(line)!;
  const body = line.slice(lead[0].length);
  const moment = findMoments(body.slice(0, 200), { entry: true })[0];
  if (!moment || moment.index !== 0) return undefined;
  const written = body.slice(0, moment.end).trim();
  const text = cleanItem(body.slice(moment.end).replace(/^[\s)\]]*(?:\*\*|__)?\s*[)\]]?\s*(?:[:\-\u2013\u2014|,.]\s*)?(?:\*\*|__)?\s*/, ''));
  return { moment, written, text };
}

const KIND_BY_LABEL = new Map(Object.entries(ENTRY_KIND_LABELS).map(([kind, label]) => [label.toLowerCase(), kind as EntryKind]));

/** The kind as our own layouts write it: `Misleading path: …` (alx) or `(escalation) …` (sre). */
function ownKind(text: string): { kind: EntryKind; text: string } | undefined {
  const m = /^(?:\(([a-z ]{5,16})\)|([A-Z][a-z]+(?: path)?):)\s+/.exec(text);
  const kind = m ? KIND_BY_LABEL.get((m[1] ?? m[2]!).toLowerCase()) : undefined;
  if (!kind || (m![2] && kind !== 'misleading')) return undefined;
  return { kind, text: text.slice(m![0].length) };
}

/** "… (owner: search-infra, due 2024-11-20)", "… (Sam, Feb 14)": an item that says who and by when. */
const OWNER_AND_DUE = /^(.+?)\s*\((?:owner:?\s*)?([^,():]{1,40}?),\s*(?:due:?\s*|by\s+)?([^()]{3,30}?)\)\s*\.?$/i;

/** An owner and a due date said in brackets: the task, with them as its fields; else undefined. */
function bracketedTask(text: string, year: number | undefined): Task | undefined {
  const m = OWNER_AND_DUE.exec(text);
  if (!m) return undefined;
  const day = findDays(m[3]!)[0];
  const dueYear = day?.year ?? year;
  if (!day || dueYear === undefined) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return { text: m[1]!.trim(), owner: m[2]!.trim(), due: `${dueYear}-${two(day.month)}-${two(day.day)}` };
}

/** "Fix X — owner: payments team, due 2023-08-16": the task, its owner, due date and type. */
function splitTask(text: string, year?: number): Task {
  const bracketed = bracketedTask(text, year);
  if (bracketed) return bracketed;
  const m = /^(.*?)\s+\u2014\s+((?:owner|due|type)\b.*)$/.exec(text);
  if (!m) return { text };
  const task: Task = { text: m[1]! };
  for (const part of m[2]!.split(/,\s+(?=(?:owner|due|type)\b)/)) {
    const field = /^(owner|due|type):?\s+(.+)$/.exec(part.trim());
    if (!field) return { text };
    if (field[1] === 'owner') task.owner = field[2]!;
    else if (field[1] === 'due') task.due = field[2]!;
    else if ((TASK_TYPES as readonly string[]).includes(field[2]!.toLowerCase())) task.type = field[2]!.toLowerCase() as TaskType;
    else return { text };
  }
  return task;
}

/** A zone as written in a document: UTC/GMT, an offset, an IANA name, or an abbreviation. */
function zoneOf(written: string, documentText: string, warnings: string[]): IncidentZone | undefined {
  const text = written.trim().replace(/^\(|\)$/g, '');
  const direct = parseZone(text.replace(/\s+/g, ''));
  if (direct.ok) return direct.value;
  const word = /^[A-Za-z]+/.exec(text)?.[0];
  const reading = word ? readZoneWord(word, documentText) : undefined;
  if (!reading) return undefined;
  if (reading.note) warnings.push(reading.note);
  const parsed = parseZone(reading.zone);
  return parsed.ok ? parsed.value : undefined;
}

/** Lines back into paragraphs: list items stay one per line, prose lines separated by a blank line. */
function paragraphs(lines: string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    const item = /^(?:-|\d+[.)])\s/.test(line);
    const previousItem = i > 0 && /^(?:-|\d+[.)])\s/.test(lines[i - 1]!);
    out += i === 0 ? line : item && previousItem ? `\n${line}` : `\n\n${line}`;
  });
  return out;
}

let utcZone: IncidentZone | undefined;
function utc(): IncidentZone {
  utcZone ??= (parseZone('UTC') as { ok: true; value: IncidentZone }).value;
  return utcZone;
}

/**
 * A range's two ends, each dated when the range writes one date ("14:30 - 14:45 UTC, March 6,
 * 2025": the date after it is the start's too; "23:30 - 00:15 UTC, March 6" ends the next day),
 * and the zone written once on both.
 */
function datedRange(start: Moment, end: Moment): [Moment, Moment] {
  const clock = (m: Moment) => m.hour * 60 + m.minute;
  let first = start;
  let last = end;
  if (!first.zone && last.zone) first = { ...first, zone: last.zone };
  if (!first.date && last.date) {
    first = { ...first, date: last.date };
    if (clock(first) > clock(last)) last = { ...last, date: nextCalendarDay(last.date!) };
  }
  return [first, last];
}

/** The day after a calendar day (its year, when it has one, carried over at the year's end). */
function nextCalendarDay(day: CalendarDay): CalendarDay {
  const next = new Date(Date.UTC(day.year ?? 2001, day.month - 1, day.day + 1));
  return { ...(day.year !== undefined ? { year: next.getUTCFullYear() } : {}), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
