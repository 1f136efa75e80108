import { resolveIncident, type Incident } from '../draft/incident.js';
import { missingParts } from '../draft/progress.js';
import type { Draft, DraftPath } from '../draft/schema.js';
import { SECTIONS, type Question } from '../draft/sections.js';
import { ENTRY_KIND_LABELS, type EntryKind } from '../draft/vocabulary.js';
import { renderMarkdown, type RenderOptions } from '../render/render.js';
import { TemplateError } from '../render/template-error.js';
import { chooseTemplate, DEFAULT_TEMPLATE, type Template } from '../render/templates.js';
import { countWords, WORD_RANGE, wcWords } from '../render/words.js';
import { reviewDraft, type Timing } from './review.js';
import { askedParts, partOf, type RubricPart } from './stated.js';
import { formatStored, parseDate } from '../time/when.js';

/** One thing the postmortem still needs, named by the README section it belongs to. */
export interface Finding {
  section: string;
  message: string;
  /** Where in the draft, so a file's line can be named. */
  path?: DraftPath;
  /** The words the finding is about, as written. */
  quote?: string;
}

export interface RubricReport {
  findings: Finding[];
  words: number;
  markdown: string;
  /** Time to detect and to resolve, in minutes, when the draft's times give them. */
  timing: Timing;
}

const ENTRY_HINTS: Record<EntryKind, string> = {
  detection: 'when and how was it detected?',
  action: 'what was investigated or tried?',
  misleading: 'what did you suspect first that turned out wrong?',
  escalation: 'who was it escalated to?',
  resolution: 'when and how was it resolved?',
  other: '',
};

/** The parts a question asks for that a written document does not state. */
function unstated(question: Question, stated: ReadonlySet<RubricPart>): string[] {
  return askedParts(question).filter((part) => {
    const rubricPart = partOf(question, part);
    return !rubricPart || !stated.has(rubricPart);
  });
}

/** What the draft lacks; for a written document, what the document does not state (placed in the draft or not). */
function missingFindings(draft: Draft, stated?: ReadonlySet<RubricPart>): Finding[] {
  const findings: Finding[] = [];
  for (const section of SECTIONS) {
    for (const question of section.questions) {
      if (!question.required) continue;
      for (const part of stated ? unstated(question, stated) : missingParts(question, draft)) {
        if (question.kind === 'entries' && question.covers?.length) {
          const kind = part as EntryKind;
          findings.push({
            section: section.heading,
            message: `no ${ENTRY_KIND_LABELS[kind].toLowerCase()} entry: ${ENTRY_HINTS[kind]}`,
            path: ['timeline'],
          });
        } else {
          // In a written document nothing stands where the part is missing: no line to name.
          findings.push({ section: section.heading, message: `${part} is missing: ${question.prompt.toLowerCase()}`, ...(stated ? {} : { path: question.path }) });
        }
      }
    }
  }
  // The three timeline questions share one list: name each missing kind once.
  return findings.filter((f, i) => findings.findIndex((g) => g.section === f.section && g.message === f.message) === i);
}

function valueFindings(draft: Draft, incident: Incident): Finding[] {
  const findings: Finding[] = [];
  const summary = 'Issue Summary';
  if (incident.zoneError) findings.push({ section: summary, message: incident.zoneError, path: ['summary', 'timezone'] });
  if (incident.startError) findings.push({ section: summary, message: `start: ${incident.startError}`, path: ['summary', 'start'] });
  if (incident.endError) findings.push({ section: summary, message: `end: ${incident.endError}`, path: ['summary', 'end'] });

  const percent = draft.summary?.usersAffectedPercent;
  if (typeof percent === 'number' && (percent < 0 || percent > 100 || Number.isNaN(percent))) {
    findings.push({
      section: summary,
      message: `summary.usersAffectedPercent must be between 0 and 100 (it is ${percent}).`,
      path: ['summary', 'usersAffectedPercent'],
    });
  }

  const { start, end, zone } = incident;
  // Instants compared as numbers: an entry's DateTime is made only for a finding's message.
  const startMillis = start?.toMillis();
  const endMillis = end?.toMillis();
  for (const resolved of incident.entries) {
    const { entry, millis, error, index } = resolved;
    const path = ['timeline', index];
    const what = entry.text ? `"${truncate(entry.text)}"` : `entry ${index + 1}`;
    if (!entry.text?.trim()) findings.push({ section: 'Timeline', message: `entry ${index + 1} has no text.`, path: [...path, 'text'] });
    if (error) {
      findings.push({ section: 'Timeline', message: `${what} ${error.startsWith('has') ? error : `has a time that cannot be read: ${error}`}`, path: [...path, 'at'] });
      continue;
    }
    if (millis === undefined) continue;
    if (start && millis < startMillis!) {
      findings.push({ section: 'Timeline', message: `${what} at ${formatStored(resolved.at!, zone)} is before the start (${formatStored(start, zone)} ${zone.name}).`, path: [...path, 'at'] });
    } else if (end && millis > endMillis!) {
      findings.push({ section: 'Timeline', message: `${what} at ${formatStored(resolved.at!, zone)} is after the end (${formatStored(end, zone)} ${zone.name}).`, path: [...path, 'at'] });
    }
  }

  // In the order written: a time earlier than the one above it (a hand-written or imported timeline).
  const written = [...incident.entries].sort((a, b) => a.index - b.index);
  let latest: (typeof written)[number] | undefined;
  for (const current of written) {
    if (current.millis === undefined) continue;
    if (latest?.millis !== undefined && current.millis < latest.millis) {
      const what = current.entry.text ? `"${truncate(current.entry.text)}"` : `entry ${current.index + 1}`;
      findings.push({
        section: 'Timeline',
        message: `${what} at ${formatStored(current.at!, zone)} is earlier than the entry before it (${formatStored(latest.at!, zone)}): the timeline is out of order.`,
        path: ['timeline', current.index, 'at'],
      });
    }
    if (latest?.millis === undefined || current.millis > latest.millis) latest = current;
  }

  const incidentDay = start?.setZone(zone.zone).toFormat('yyyy-MM-dd');
  (draft.tasks ?? []).forEach((task, index) => {
    if (!task.due) return;
    const due = parseDate(task.due, zone, start);
    if (!due.ok) {
      findings.push({ section: 'Corrective and Preventative Measures', message: `task ${index + 1}: the due date "${task.due}" is not a date; write it like 2023-08-16.`, path: ['tasks', index, 'due'] });
    } else if (incidentDay && due.value < incidentDay) {
      // A follow-up is due after the incident it follows; an earlier date is a typo for a year or a month.
      findings.push({ section: 'Corrective and Preventative Measures', message: `task ${index + 1}: it is due ${due.value}, before the incident (${incidentDay}).`, path: ['tasks', index, 'due'] });
    }
  });
  return findings;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** The draft's layout; one it cannot name (a path, an unknown name) is a finding, and alx is used. */
function draftTemplate(draft: Draft): { template: Template; problem?: Finding } {
  try {
    return { template: chooseTemplate({ draft: draft.template }) };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { template: chooseTemplate({}), problem: { section: 'Template', path: ['template'], message: `${error.message} The default layout (${DEFAULT_TEMPLATE}) was used.` } };
  }
}

/**
 * The rubric (DESIGN §2) applied to a draft: what is missing, what is wrong, and the length;
 * then a reviewer's reading (contradictions, timezones, blame, vague tasks) and the timing.
 */
export interface CheckOptions extends RenderOptions {
  /** The postmortem as written, when the draft was read from one: its own words are counted. */
  document?: string;
  /** The parts that document states (src/check/stated.ts): not reported missing though the draft lacks them. */
  stated?: ReadonlySet<RubricPart>;
}

/** A hand-written postmortem's length: its `##` sections as the README's are counted, else all its words but the title. */
function documentWords(text: string): number {
  const graded = countWords(text);
  return graded > 0 ? graded : wcWords(text.replace(/^\s*#?[^\n]*\n/, ''));
}

export function checkDraft(draft: Draft, options: CheckOptions = {}): RubricReport {
  const incident = resolveIncident(draft);
  const review = reviewDraft(draft, incident);
  const findings: Finding[] = [...missingFindings(draft, options.stated), ...valueFindings(draft, incident), ...review.findings];
  const { template, problem } = options.template ? { template: options.template, problem: undefined } : draftTemplate(draft);
  if (problem) findings.push(problem);
  const markdown = renderMarkdown(draft, { template, draftPath: options.draftPath });
  const words = options.document !== undefined ? documentWords(options.document) : countWords(markdown);
  if (words < WORD_RANGE.min || words > WORD_RANGE.max) {
    findings.push({
      section: 'Length',
      message: `${options.document !== undefined ? 'the document has' : 'the graded sections have'} ${words} words (wc -w); the rubric asks for ${WORD_RANGE.min}–${WORD_RANGE.max}${words < WORD_RANGE.min ? ': say more in the root cause and resolution' : ': make it briefer'}.`,
    });
  }
  return { findings, words, markdown, timing: review.timing };
}
