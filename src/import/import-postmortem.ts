import type { DateTime } from 'luxon';
import type { Draft, TimelineEntry } from '../draft/schema.js';
import { DRAFT_VERSION, type DetectionSource, type EntryKind } from '../draft/vocabulary.js';
import { formatStored, parseWhen } from '../time/when.js';
import { parseZone, type IncidentZone } from '../time/zone.js';
import { parseDocument } from './document.js';
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
}

function classify(heading: string): SectionKey | undefined {
  return sectionOf(heading);
}

/** A line that is a heading: `## X` (its level), `**X:**` alone on its line or a known `X:` label (level 7). */
function headingOf(line: string): { text: string; level: number } | undefined {
  if (line.length > 200) return undefined;
  const markdown = /^(#{1,6}) (.*)$/.exec(line);
  if (markdown) return { text: markdown[2]!.replace(/\s#+$/, '').trim(), level: markdown[1]!.length };
  const bold = /^(?:[-*] )?\*\*([^*]+?)\*\* ?:? ?$/.exec(line);
  if (bold) return { text: bold[1]!.replace(/:$/, '').trim(), level: 7 };
  const label = /^(?:[-*] )?([A-Z][A-Za-z0-9 ./&'()-]{2,60}?) ?: ?$/.exec(line);
  if (label && classify(label[1]!)) return { text: label[1]!, level: 7 };
  return undefined;
}

// Offsets first: "GMT+1" must not be read as "GMT" with "+1" left over.
const ZONE = String.raw`(?:(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?|[A-Za-z_]+/[A-Za-z_]+|UTC|GMT|Z|[A-Z]{2,5}T)`;
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?`;
const DAY = String.raw`(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4},?\s*(?:at\s+)?|\d{4}-\d{2}-\d{2}[ T])`;
const MOMENT = String.raw`${DAY}?${CLOCK}(?:\s*\(?\s*${ZONE}\s*\)?)?`;
// "- **10:30 AM (UTC):** text", "08:30 AM UTC - text", "* May 1, 2023, 10:00 AM (GMT): text", "- 02:47 text".
const ENTRY_LINE = new RegExp(String.raw`^\s*(?:[-*\u2022]\s*|\d+[.)]\s+)?(?:\*\*)?\s*(${MOMENT})\s*(?:\*\*)?\s*[:\-\u2013\u2014]?\s*(?:\*\*)?\s*(.*)$`);
const MOMENT_IN_TEXT = new RegExp(String.raw`${DAY}${CLOCK}(?:\s*\(?\s*${ZONE}\s*\)?)?`);
const ZONE_AT_END = new RegExp(String.raw`\(?\s*(${ZONE})\s*\)?\s*$`);
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

export function guessKind(text: string, label = ''): EntryKind {
  const l = label.toLowerCase();
  if (/detect/.test(l)) return 'detection';
  if (/mislead|debugging path|red herring/.test(l)) return 'misleading';
  if (/escalat/.test(l)) return 'escalation';
  if (/resol|recover/.test(l)) return 'resolution';
  if (/action/.test(l)) return 'action';
  const t = text.toLowerCase();
  if (/\bescalat/.test(t)) return 'escalation';
  if (/\b(misleading|assum|suspect|red herring|ruled out|turned out|wrongly|mistakenly|initially (?:thought|believed|focused))/.test(t)) return 'misleading';
  if (/\b(resolved|restored|recovered|back to normal|fully operational|normal operations? resumed|service (?:was )?back)\b/.test(t)) return 'resolution';
  if (/\b(detected|noticed|alerted|alerts? (?:fired|triggered|indicat)|monitoring (?:tools? )?(?:detected|alert)|first reported|paged|pager|went off|alarm)\b/.test(t) || /\ud83d\udea8/.test(text)) return 'detection';
  return 'action';
}

function detectionSource(text: string): DetectionSource {
  const t = text.toLowerCase();
  if (/customer|user report|complain|support ticket/.test(t)) return 'customer';
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
}

export function importPostmortem(input: string): ImportResult {
  const document = parseDocument(input);
  const lines = document.lines.map((l) => l.text);
  const notes: string[] = [];
  const blocks: Block[] = [{ key: 'other', level: 0, lines: [] }];
  let parent: Block | undefined;
  for (const line of lines) {
    const found = headingOf(line);
    const heading = found?.text;
    const level = found?.level ?? 7;
    let key = heading !== undefined ? classify(heading) : undefined;
    // A "Tasks" heading before any part of the postmortem is a course page's, not the action items.
    if (key === 'tasks' && !blocks.some((b) => b.key === 'summary' || b.key === 'timeline')) key = undefined;
    const current = blocks.at(-1)!;
    // "Misleading paths:" inside a timeline labels the entries under it.
    if (heading !== undefined && (key === 'misleading' || key === 'escalation' || key === 'detection') && current.key === 'timeline' && (level > current.level || level === 7)) {
      current.lines.push(line);
      continue;
    }
    if (heading !== undefined) {
      // An unknown heading after the known sections: its text is kept with what follows.
      const nested = !!parent && parent.level < level && (key === 'rootCause' || key === 'resolution');
      const block: Block = { key: key ?? 'other', heading, level, nested, lines: [] };
      if (key === 'rootCauseAndResolution') parent = block;
      else if (!parent || level <= parent.level) parent = undefined;
      blocks.push(block);
      continue;
    }
    blocks.at(-1)!.lines.push(line);
  }

  const draft: Draft = { version: DRAFT_VERSION };
  const summary: NonNullable<Draft['summary']> = {};
  let zone: IncidentZone | undefined;
  let start: DateTime | undefined;
  let end: DateTime | undefined;
  const rootCause: string[] = [];
  // A "Root Cause" section of its own (beside "Root Cause and Resolution") is the summary's line.
  const causeSection: string[] = [];
  const hasDetailedCause = blocks.some((b) => b.key === 'rootCauseAndResolution');
  const summaryCause = (block: Block) => block.key === 'rootCause' && hasDetailedCause && !block.nested;
  const resolution: string[] = [];
  const measures: string[] = [];
  const tasks: string[] = [];
  const rawEntries: { when?: string; text: string; label: string }[] = [];

  const zoneFrom = (text: string) => {
    const found = ZONE_AT_END.exec(text.trim());
    if (!found) return undefined;
    const parsed = parseZone(found[1]!.replace(/\s/g, ''));
    return parsed.ok ? parsed.value : undefined;
  };
  const readDuration = (value: string) => {
    const z = zoneFrom(value);
    zone ??= z;
    const body = value.replace(ZONE_AT_END, '').trim();
    const sides = body.split(/\s+(?:-|\u2013|\u2014|to|until|through)\s+/i);
    if (sides.length !== 2) return false;
    const context = { zone: zone ?? utc() };
    const a = parseWhen(sides[0]!, context);
    if (!a.ok || !a.dateGiven) return false;
    const b = parseWhen(sides[1]!, { ...context, defaultDate: a.value, after: a.value });
    if (!b.ok) return false;
    start = a.value;
    end = b.value;
    return true;
  };

  // Title: the heading or plain line just before the first section, that is not boilerplate.
  const firstKnown = blocks.findIndex((b) => b.key !== 'other');
  const titleCandidates = blocks
    .slice(0, firstKnown === -1 ? blocks.length : firstKnown)
    .flatMap((b) => [b.heading, ...(b.key === 'other' && b === blocks[0] ? b.lines : [])])
    .filter((t): t is string => !!t && t.trim().length >= 8 && t.trim().length <= 100)
    .map((t) => cleanItem(t.replace(/`/g, '')))
    .filter((t) => !/^0x[0-9a-f]+\b|^#|^!\[|^tasks$|devops|sysadmin|^\[|^postmortem$|lines? \(|commit|^breadcrumbs/i.test(t) && !CHROME.test(t));
  const title = titleCandidates.filter((t) => /postmortem|outage|incident|failure|down/i.test(t)).at(-1) ?? titleCandidates.at(-1);
  if (title) draft.title = title.replace(/\s*:\s*$/, '');

  for (const block of blocks) {
    const ownEntries = block.key === 'misleading' || block.key === 'escalation' || block.key === 'detection';
    let mode: SectionKey = ownEntries ? 'timeline' : block.key;
    let label = ownEntries ? block.heading ?? '' : '';
    for (let i = 0; i < block.lines.length; i++) {
      const line = block.lines[i]!;
      if (line.trim() === '') continue;
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
      switch (mode) {
        case 'summary': {
          if (kv && /duration|when|date|time window/.test(key)) {
            if (readDuration(kv[2]!)) continue;
          }
          if (kv && /^start(ed)?( time)?$/.test(key)) {
            zone ??= zoneFrom(kv[2]!);
            const a = parseWhen(kv[2]!, { zone: zone ?? utc() });
            if (a.ok && a.dateGiven) {
              start = a.value;
              continue;
            }
          }
          if (kv && /^end(ed)?( time)?$/.test(key)) {
            zone ??= zoneFrom(kv[2]!);
            const b = parseWhen(kv[2]!, { zone: zone ?? utc(), defaultDate: start, after: start });
            if (b.ok) {
              end = b.value;
              continue;
            }
          }
          if (kv && /^(time ?zone)$/.test(key)) {
            const z = parseZone(kv[2]!.trim());
            if (z.ok) {
              zone = z.value;
              continue;
            }
          }
          if (kv && /impact/.test(key)) {
            summary.impact = cleanItem(kv[2]!);
            const percent = /(\d+(?:\.\d+)?)\s?%/.exec(kv[2]!);
            if (percent) summary.usersAffectedPercent = Number(percent[1]);
            continue;
          }
          if (kv && /root cause|^cause/.test(key)) {
            summary.rootCause = cleanItem(kv[2]!);
            continue;
          }
          if (subKey === 'rootCause') {
            mode = 'rootCause';
            continue;
          }
          notes.push(line.trim());
          continue;
        }
        case 'timeline': {
          const entry = ENTRY_LINE.exec(line);
          if (entry && /\d:\d\d/.test(entry[1]!)) {
            let text = cleanItem(entry[2]!);
            // A time on its own line, its words on the next (indented) one.
            if (text === '' && block.lines[i + 1]?.trim()) text = cleanItem(block.lines[++i]!);
            rawEntries.push({ when: entry[1]!.trim(), text, label });
            continue;
          }
          if (sub) {
            label = sub[1]!;
            continue;
          }
          if (kv && /detect|action|mislead|escalat|resol|debug|investigat/.test(key)) {
            const moment = MOMENT_IN_TEXT.exec(kv[2]!);
            const rest = cleanItem(moment ? kv[2]!.replace(moment[0], '').replace(/^[\s,.:;-]+/, '') : kv[2]!);
            rawEntries.push({ when: moment?.[0], text: rest || cleanItem(kv[2]!), label: kv[1]! });
            continue;
          }
          // Under a misleading-path or escalation label, every paragraph is an entry, timed or not.
          if ((/^\s*(?:[-*\u2022]|\d+[.)])\s+/.test(line) || /mislead|escalat|debugging path|red herring/i.test(label)) && label) {
            const moment = MOMENT_IN_TEXT.exec(line);
            rawEntries.push({ when: moment?.[0], text: cleanItem(line), label });
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
          if (mode !== 'resolution' && /^\s*to (resolve|fix|mitigate|address)\b/i.test(line)) mode = 'resolution';
          // "…exhaustion. To fix the issue, the team…": the fix starts mid-paragraph.
          const fixStarts = mode !== 'resolution' ? /(?<=[.!?])\s+(?=To (?:resolve|fix|mitigate|address) (?:the|this) (?:issue|problem|outage))/.exec(line) : null;
          if (fixStarts) {
            (summaryCause(block) ? causeSection : rootCause).push(line.slice(0, fixStarts.index).trim());
            resolution.push(line.slice(fixStarts.index).trim());
            mode = 'resolution';
            continue;
          }
          let text = /^\s*(?:[-*\u2022]|\d+[.)])\s+/.test(line) ? line.trim().replace(/^[*\u2022]\s+/, '- ') : line.trim();
          // Plain lines after "…the team:" are the items it introduces.
          const target = mode === 'resolution' ? resolution : summaryCause(block) ? causeSection : rootCause;
          const previous = target.at(-1);
          const isItem = /^(?:-|\d+[.)])\s/.test(text);
          const continuesList = /^- /.test(previous ?? '') && block.lines[i - 1]?.trim() !== '';
          if (previous && !isItem && (/:$/.test(previous) || continuesList)) text = `- ${text}`;
          target.push(text.replace(/\*\*(.+?)\*\*/g, '$1'));
          continue;
        }
        case 'measures':
        case 'tasks': {
          const text = cleanItem(line);
          if (/^!?\[[^\]]*\]\([^)]*\)$/.test(text)) {
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
          (mode === 'tasks' ? tasks : measures).push(text);
          continue;
        }
        default:
          if (!CHROME.test(line.trim())) notes.push(line.trim());
          else notes.push(line.trim());
      }
    }
    if (block.key === 'other' && block.heading && block !== blocks[0] && block.heading !== title) notes.unshift(`${block.heading}:`);
  }

  // Times of entries: read in the incident's zone, or the zone written on the line.
  const lineZones = rawEntries.map((e) => (e.when ? zoneFrom(e.when) : undefined)).filter((z): z is IncidentZone => !!z);
  zone ??= lineZones[0];
  // Every zone written on a line counts, read or not (PDT is refused as ambiguous, but written).
  // UTC and GMT are the same clock; any other pair is two.
  const clock = (name: string) => (/^(GMT|UTC|Z)$/i.test(name) ? 'UTC' : name.replace(/\s/g, ''));
  const written = rawEntries.map((e) => (e.when ? ZONE_AT_END.exec(e.when.trim())?.[1] : undefined)).filter((z): z is string => !!z);
  const zones = [...new Set([...(zone ? [zone.name] : []), ...written].map(clock))];
  const incidentZone = zone ?? utc();
  if (zone) summary.timezone = zone.name;
  if (start) summary.start = formatStored(start, incidentZone);
  if (end) summary.end = formatStored(end, incidentZone);
  const timeline: TimelineEntry[] = rawEntries.map(({ when, text, label }) => {
    const kind = guessKind(`${label} ${text}`, label);
    if (!when) return { kind, text };
    const at = parseWhen(when, { zone: incidentZone, defaultDate: start, after: start, until: end });
    if (!at.ok) return { kind, text: `${when} ${text}` };
    let value = at.value;
    // A bare time earlier than the start belongs to the next day when the incident runs past midnight.
    if (!at.dateGiven && start && value < start && end && value.plus({ days: 1 }) <= end) value = value.plus({ days: 1 });
    return { at: formatStored(value, incidentZone), kind, text };
  });

  // The summary's own "Root Cause" section is kept whole: it is the author's summary.
  if (!summary.rootCause && causeSection.length) summary.rootCause = causeSection.join(' ').replace(/^- /, '');
  // A summary that has its own one-line cause: the section is detail, never dropped.
  else if (causeSection.length) rootCause.unshift(...causeSection);
  if (!summary.rootCause && rootCause.length) summary.rootCause = firstSentence(rootCause.join(' ').replace(/^- /, ''));
  if (Object.keys(summary).length) draft.summary = summary;
  const detection = timeline.find((e) => e.kind === 'detection');
  if (detection?.text) draft.detectedBy = detectionSource(detection.text);
  if (timeline.length) draft.timeline = timeline;
  if (rootCause.length) draft.rootCause = paragraphs(rootCause);
  if (resolution.length) draft.resolution = paragraphs(resolution);
  if (measures.length) draft.measures = measures;
  if (tasks.length) draft.tasks = tasks.map((text) => ({ text }));
  const kept = notes.filter((line) => line.trim() !== '');
  if (kept.length) draft.notes = kept.join('\n');
  return { draft, found: { timeline: timeline.length, measures: measures.length, tasks: tasks.length, notes: kept.length }, zones };
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
