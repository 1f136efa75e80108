import type { DateTime } from 'luxon';
import { entryClock, incidentTiming, resolveIncident, spansDays, type Incident } from '../draft/incident.js';
import type { Draft } from '../draft/schema.js';
import { DETECTION_LABELS, ENTRY_KIND_LABELS, type DetectionSource, type EntryKind, type TaskType } from '../draft/vocabulary.js';
import { formatDuration, formatMinutes } from '../time/duration.js';
import { formatClock, type WallClock } from '../time/when.js';
import { zoneLabel } from '../time/zone.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
import { timelineDiagram } from './mermaid.js';
import { clocksOf } from './clocks.js';

/*
 * What a template receives (its variables). Strings are the person's words, not yet escaped:
 * `{{ … }}` escapes them as one line; `{{ … | block }}` keeps paragraphs and lists. Missing answers read "(… not written yet)" so a preview shows the gaps.
 */
export interface ViewModel {
  title: string;
  authors: string[];
  summary: {
    /** "August 2, 2023, 13:45 – 15:30 UTC" */
    window: string;
    /** "1 hour 45 minutes", or empty when start or end is missing. */
    duration: string;
    timezone: { name: string; label: string; given: boolean };
    impact: string;
    usersAffectedPercent?: number;
    /** The impact already says the share ("all users", "15% of users"): no sentence repeats it. */
    impactStatesShare: boolean;
    rootCause: string;
  };
  detectedBy?: { id: DetectionSource; label: string };
  /** "10 minutes", "at once": from the start to the first detection entry, and to the end. */
  timing: { toDetect?: string; toResolve?: string };
  timeline: {
    time: string;
    kind: EntryKind;
    kindLabel: string;
    text: string;
    misleading: boolean;
  }[];
  spansDays: boolean;
  /** A ```mermaid timeline of the entries when the draft asks for the diagram; '' otherwise. */
  diagram: string;
  rootCause: string;
  resolution: string;
  measures: string[];
  tasks: { text: string; owner?: string; due?: string; type?: TaskType }[];
  extras: {
    humor?: string;
    trigger?: string;
    lessons?: { wentWell: string[]; wentWrong: string[]; lucky: string[] };
    diagram: boolean;
  };
  /** The draft as loaded, for templates that want a field this model does not shape. */
  draft: Draft;
}

function pending(label: string): string {
  return `(${label} not written yet)`;
}

function given(text: string | undefined): string | undefined {
  return text && text.trim() !== '' ? text : undefined;
}

function nonEmpty(list: readonly string[] | undefined): string[] {
  return (list ?? []).filter((item) => item.trim() !== '');
}

function asSentence(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trimEnd();
  return /[\p{L}\p{N})\]"'\u2019\u201d]$/u.test(trimmed) ? `${trimmed}.` : trimmed;
}

function statesShare(impact: string | undefined, percent: number | undefined): boolean {
  if (!impact || typeof percent !== 'number') return false;
  const number = String(percent).replace('.', '\\.');
  if (new RegExp(`(^|[^\\d.])${number}\\s*(%|percent)`, 'i').test(impact)) return true;
  return percent === 100 && /\b(all|every) (of (the|our) )?(users|customers)\b|\bevery (user|customer)\b/i.test(impact);
}

function describeWindow(incident: Incident, draft: Draft): string {
  const { start, end, zone } = incident;
  // No timezone in the draft: its times are written as they are, with no zone claimed for them.
  const label = (at?: DateTime) => (incident.zoneGiven ? ` ${zoneLabel(zone, at)}` : '');
  const startText = start ? start.toFormat('MMMM d, yyyy, HH:mm') : given(draft.summary?.start) ?? pending('start');
  if (!end) return `${startText} – ${given(draft.summary?.end) ?? pending('end')}${label(start)}`;
  const endText = start && start.hasSame(end, 'day') ? end.toFormat('HH:mm') : end.toFormat('MMMM d, yyyy, HH:mm');
  const startLabel = label(start);
  const endLabel = label(end);
  // Across a daylight-saving change the two ends carry different abbreviations.
  return startLabel === endLabel
    ? `${startText} – ${endText}${endLabel}`
    : `${startText}${startLabel} – ${endText}${endLabel}`;
}

function describeTiming(incident: Incident): ViewModel['timing'] {
  const { toDetect, toResolve } = incidentTiming(incident);
  return {
    ...(toDetect !== undefined ? { toDetect: toDetect < 1 ? 'at once' : formatMinutes(toDetect) } : {}),
    ...(toResolve !== undefined ? { toResolve: formatMinutes(toResolve) } : {}),
  };
}


export function buildViewModel(draft: Draft, incident: Incident = resolveIncident(draft)): ViewModel {
  const summary = draft.summary ?? {};
  const multiDay = spansDays(incident);
  const timeOf = (at: WallClock) => (multiDay ? `${MONTHS[at.month - 1]} ${at.day}, ${formatClock(at)}` : formatClock(at));
  // At a fixed offset every time has the same label; a place's zone names its offset then.
  const fixedLabel = incident.zone.zone.isUniversal ? zoneLabel(incident.zone) : undefined;
  const lessons = draft.extras?.lessons;

  return {
    title: given(draft.title) ?? 'Postmortem',
    authors: nonEmpty(draft.authors),
    summary: {
      window: describeWindow(incident, draft),
      duration: incident.start && incident.end ? formatDuration(incident.start, incident.end) : '',
      // An incident across the night the clocks change is in two of the place's clocks: say both.
      timezone: { name: incident.zone.name, label: incident.zoneGiven ? clocksOf(incident) : pending('timezone'), given: incident.zoneGiven },
      // A sentence follows it in both layouts (the share, the length): it ends as a sentence does.
      impact: asSentence(given(summary.impact)) ?? pending('impact'),
      ...(typeof summary.usersAffectedPercent === 'number' ? { usersAffectedPercent: summary.usersAffectedPercent } : {}),
      impactStatesShare: statesShare(summary.impact, summary.usersAffectedPercent),
      rootCause: given(summary.rootCause) ?? pending('root cause'),
    },
    ...(draft.detectedBy ? { detectedBy: { id: draft.detectedBy, label: DETECTION_LABELS[draft.detectedBy] } } : {}),
    timing: describeTiming(incident),
    timeline: incident.entries
      .filter(({ entry }) => given(entry.text))
      .map((resolved) => {
        const { entry } = resolved;
        const kind = entry.kind ?? 'other';
        const clock = entryClock(resolved, incident.zone);
        return {
          time: clock ? `${timeOf(clock)}${incident.zoneGiven ? ` ${fixedLabel ?? zoneLabel(incident.zone, resolved.at)}` : ''}` : entry.at ?? 'time unknown',
          kind,
          kindLabel: ENTRY_KIND_LABELS[kind],
          text: entry.text ?? '',
          misleading: kind === 'misleading',
        };
      }),
    spansDays: multiDay,
    diagram: draft.extras?.diagram === true ? timelineDiagram(given(draft.title) ?? 'Postmortem', incident, multiDay) : '',
    rootCause: given(draft.rootCause) ?? pending('root cause'),
    resolution: given(draft.resolution) ?? pending('resolution'),
    measures: nonEmpty(draft.measures),
    tasks: (draft.tasks ?? [])
      .filter((task) => given(task.text))
      .map((task) => ({
        text: task.text ?? '',
        ...(given(task.owner) ? { owner: task.owner } : {}),
        ...(given(task.due) ? { due: task.due } : {}),
        ...(task.type ? { type: task.type } : {}),
      })),
    extras: {
      ...(given(draft.extras?.humor) ? { humor: draft.extras?.humor } : {}),
      ...(given(draft.extras?.trigger) ? { trigger: draft.extras?.trigger } : {}),
      ...(lessons && (lessons.wentWell?.length || lessons.wentWrong?.length || lessons.lucky?.length)
        ? { lessons: { wentWell: nonEmpty(lessons.wentWell), wentWrong: nonEmpty(lessons.wentWrong), lucky: nonEmpty(lessons.lucky) } }
        : {}),
      diagram: draft.extras?.diagram === true,
    },
    draft,
  };
}
