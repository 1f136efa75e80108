import type { EntryKind } from '../draft/vocabulary.js';
import { missingParts } from '../draft/progress.js';
import { SECTIONS, type Question } from '../draft/sections.js';
import type { DocumentSection, ImportResult } from '../import/import-postmortem.js';
import { IMPACT_WORDS } from '../import/impact-words.js';
import { findMoments } from '../import/moments.js';
import { sectionOf, type SectionKey } from '../import/section-names.js';

/*
 * What a postmortem written by hand states, part by part of the rubric. The import places what it
 * can in the draft's fields; a document says more than that by its own structure (a "Root Cause"
 * section, an "Action Items" list, a zone written on its times) and in its prose (a summary that
 * says what was down). `check` on a document reports missing only what neither gives.
 */

export type RubricPart =
  | 'title' | 'zone' | 'start' | 'end' | 'impact' | 'usersAffectedPercent' | 'rootCauseSummary' | 'detectedHow'
  | 'detection' | 'action' | 'resolution' | 'misleading' | 'escalation' | 'rootCauseDetail' | 'resolutionDetail'
  | 'improvements' | 'tasks';

const PART_BY_PATH: Record<string, RubricPart> = {
  title: 'title',
  'summary.timezone': 'zone',
  'summary.start': 'start',
  'summary.end': 'end',
  'summary.impact': 'impact',
  'summary.usersAffectedPercent': 'usersAffectedPercent',
  'summary.rootCause': 'rootCauseSummary',
  detectedBy: 'detectedHow',
  rootCause: 'rootCauseDetail',
  resolution: 'resolutionDetail',
  measures: 'improvements',
  tasks: 'tasks',
};

/** What a question asks for, as `missingParts` names it: its label, or the kinds of entry it covers. */
export function askedParts(question: Question): string[] {
  return question.kind === 'entries' ? [...(question.covers ?? [])] : [question.label];
}

/** The rubric part a question (or, for the timeline, one kind of entry) asks for. */
export function partOf(question: Question, missing: string): RubricPart | undefined {
  if (question.kind === 'entries') return (question.covers ?? []).includes(missing as EntryKind) ? (missing as RubricPart) : undefined;
  return PART_BY_PATH[question.path.join('.')];
}

/** Sections that come after the summary: the first of them ends what the document says upfront. */
const AFTER_SUMMARY = new Set<SectionKey>(['timeline', 'investigation', 'misleading', 'escalation', 'detection', 'rootCauseAndResolution', 'resolution', 'measures', 'tasks', 'lessons']);
/** Where the document looks ahead rather than tells what happened. */
const LOOKING_AHEAD = new Set<SectionKey>(['measures', 'tasks', 'lessons']);

// What a sentence says. Each runs on one sentence of at most a few thousand characters.
const CAUSE = /\b(?:root cause|caused by|was caused|cause[sd]? (?:of|was|were|is)|due to|because|stemmed from|culprit|triggered by|was the result of|turns out|turned out|bug|caused|(?:main|real|actual) (?:problem|issue))\b/i;
const EXPLAINED = /\b(?:root cause|caused by|was caused|cause[sd]? (?:of|was|were|is)|due to|stemmed from|culprit|triggered by)\b/i;
const DETECTED = /\b(?:detected|noticed|encountered|alert(?:s|ed)?|reported|users? report|paged|first (?:seen|observed)|came to (?:light|our attention)|discovered (?:the|an?) (?:issue|outage|problem|error))\b/i;
const DETECTED_HOW = /\b(?:monitoring (?:system|tool|alert)s?|alert(?:s|ed)?|pagerduty|paged|pager|users? report\w*|reported (?:by|on)|customers? (?:report|complain)\w*|complaints?|support tickets?|noticed|encountered|detected (?:by|through|via|when|while|as|from|after|during))\b/i;
const ACTED = /\b(?:investigat\w*|checked|looked (?:at|in|into|through)|examined|ran|tried|restarted|reviewed|inspected|analy[sz]ed|diagnos\w*|debugg\w*|troubleshoot\w*)\b/i;
const RESOLVED = /\b(?:resolved|restored|recover(?:ed|s)?|back to (?:normal|working)|back (?:up|online)|fixed|a-ok|200 ok|went back to normal|self-heal\w*|returns? to normal|restoring|reappeared|successful resolution)\b/i;
const FIXED_HOW = /\b(?:fixed by|was fixed|resolved by|was resolved|to (?:fix|resolve) (?:the|this)|(?:the )?(?:patch|fix|solution) (?:involved|was|consisted)|(?:I|we) (?:fixed|increased|deleted|removed|restarted|reverted|rolled back|bumped|changed|corrected|cleaned)|by (?:remov|restart|roll|revert|delet|adjust|increas|chang|correct|updat|add|fix|patch|replac|redeploy|reconfigur|scal|bump|clean)\w*|deleted|rolled back|reverted|emergency bump|recover(?:ed)? (?:itself|on its own)|to restore)\b/i;
const PREVENTION = /\b(?:prevent\w*|to avoid|going forward|in the future|we(?:'re| are| will) (?:doing|going to))\b/i;
const ITEM = /^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+\S/;
// Bounded: a line of a million characters is read in one pass.
const NOT_WRITTEN = /\(([\w ,'-]{1,40} )?not written yet\)/g;

/** The part a "(… not written yet)" stands for: by its words, else by the section it is in. */
function placeholderPart(label: string | undefined, section: SectionKey): RubricPart | undefined {
  const detail = section === 'rootCause' || section === 'rootCauseAndResolution';
  switch (label) {
    case 'impact': return 'impact';
    case 'broad improvements': return 'improvements';
    case 'tasks': return 'tasks';
    case 'resolution': return 'resolutionDetail';
    case 'root cause': return detail ? 'rootCauseDetail' : 'rootCauseSummary';
    case 'start': return 'start';
    case 'end': return 'end';
    case 'timezone': return 'zone';
    case undefined: return section === 'tasks' ? 'tasks' : section === 'detection' ? 'detectedHow' : undefined;
    default: return undefined;
  }
}

function sentences(lines: readonly { text: string }[]): string[] {
  return lines.flatMap((l) => l.text.slice(0, 3000).split(/(?<=[.!?])\s+/));
}

/** `Label: words` in a line, at its start or after a sentence ("…apache2. Corrective measures: …"): the section it names. */
function labelled(text: string): SectionKey[] {
  const keys: SectionKey[] = [];
  for (const m of text.slice(0, 3000).matchAll(/(?:^|[.!?]\s+)(?:[-*]\s+)?(?:\*\*)?([A-Za-z][A-Za-z /&-]{2,60}?)(?:\*\*)?\s*:(?:\*\*)?\s+\S/g)) {
    const key = sectionOf(m[1]!);
    if (key) keys.push(key);
  }
  return keys;
}

/** Which parts of the rubric the document states: placed in the draft, or there by its own structure or words. */
export function statedParts(result: ImportResult): Set<RubricPart> {
  const { draft, derived } = result;
  // A README of ours shows an answer not given as "(impact not written yet)": that states nothing.
  const sections = result.sections.map((section) => ({ ...section, lines: section.lines.map((line) => ({ ...line, text: line.text.replace(NOT_WRITTEN, '') })) }));
  const stated = new Set<RubricPart>();
  for (const section of SECTIONS) {
    for (const question of section.questions) {
      if (!question.required) continue;
      const missing = new Set(missingParts(question, draft));
      for (const part of askedParts(question)) {
        const rubricPart = partOf(question, part);
        if (rubricPart && !missing.has(part)) stated.add(rubricPart);
      }
    }
  }
  // The summary's cause the import took from the detail is not the summary stating one.
  if (derived.includes('summary.rootCause')) stated.delete('rootCauseSummary');
  // Nor is the last entry of a timeline, when it does not say the outage is over, an end stated.
  if (derived.includes('summary.end')) stated.delete('end');

  // A section's content runs on through sub-sections of no known name ("## Action items", "### Process").
  const content = (index: number) => {
    const lines = [...sections[index]!.lines];
    for (let i = index + 1; i < sections.length && sections[i]!.key === 'other' && sections[i]!.level > sections[index]!.level && sections[i]!.level < 7; i++) lines.push(...sections[i]!.lines);
    return lines;
  };
  const withContent = (s: DocumentSection) => content(sections.indexOf(s)).some((l) => l.text.trim() !== '');
  const boundary = sections.findIndex((s) => AFTER_SUMMARY.has(s.key));
  const upfront = boundary === -1 ? sections : sections.slice(0, boundary);
  const told = sections.filter((s) => !LOOKING_AHEAD.has(s.key));
  const has = (keys: SectionKey[], among = sections) => among.some((s) => keys.includes(s.key) && withContent(s));
  const labels = sections.flatMap((s) => s.lines.flatMap((l) => labelled(l.text)));
  const says = (among: readonly DocumentSection[], pattern: RegExp, times = 1) =>
    sentences(among.flatMap((s) => s.lines)).filter((t) => pattern.test(t)).length >= times;
  const add = (part: RubricPart, yes: boolean) => {
    if (yes) stated.add(part);
  };

  // A zone written on a time of the incident (a log's stamp, with seconds, is not one).
  add('zone', sections.some((s) => s.lines.some((l) => findMoments(l.text.slice(0, 500)).some((m) => m.zone && m.second === 0))));
  add('start', upfront.some((s) => s.lines.some((l) => findMoments(l.text.slice(0, 500)).length > 0)));
  add('end', (draft.timeline ?? []).some((e) => e.kind === 'resolution' && e.at));
  add('impact', has(['impact'], upfront) || labels.includes('impact') || says(upfront, IMPACT_WORDS));
  add('rootCauseSummary', has(['rootCause'], upfront) || says(upfront, CAUSE));
  add('detectedHow', has(['detection']) || says(told, DETECTED_HOW));
  add('detection', has(['detection']) || says(told, DETECTED));
  add('action', has(['investigation']) || says(told, ACTED));
  add('resolution', has(['resolution']) || says(told, RESOLVED));
  // A cause explained in the lessons ("it was caused by…"), or over more than one sentence of the summary.
  const lessons = sections.filter((s) => s.key === 'lessons');
  add('rootCauseDetail', has(['rootCause', 'rootCauseAndResolution']) || says(lessons, EXPLAINED) || says(upfront, CAUSE, 2));
  const fixSections = [...upfront, ...sections.filter((s) => s.key === 'rootCause' || s.key === 'rootCauseAndResolution')];
  add('resolutionDetail', has(['resolution']) || labels.includes('resolution') || says(fixSections, FIXED_HOW));
  const lessonsAhead = sections.filter((s) => s.key === 'lessons' && says([s], PREVENTION));
  add('improvements', has(['measures', 'tasks']) || labels.includes('measures') || labels.includes('tasks') || lessonsAhead.length > 0);
  const listed = sections.filter((s) => s.key === 'measures' || lessonsAhead.includes(s)).some((s) => content(sections.indexOf(s)).some((l) => ITEM.test(l.text)));
  add('tasks', has(['tasks']) || labels.includes('tasks') || listed);
  // And what a README of ours shows as not written yet is not stated, whatever else its section holds.
  result.sections.forEach((section) => {
    for (const line of section.lines) {
      for (const match of line.text.matchAll(NOT_WRITTEN)) {
        const part = placeholderPart(match[1]?.trim(), section.key);
        if (part) stated.delete(part);
      }
    }
  });
  return stated;
}
