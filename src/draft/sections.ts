import type { DraftPath } from './schema.js';
import { DETECTION_CHOICE_LABELS, DETECTION_SOURCES, TEMPLATE_LABELS, TEMPLATES, type EntryKind } from './vocabulary.js';

/*
 * The one description of the postmortem's sections and questions. The wizard asks them in
 * this order, the review screen and `list` count progress with them, and the rubric names
 * what is missing with their words.
 */

export type QuestionKind =
  | 'text' // one line
  | 'names' // a comma-separated list of people
  | 'datetime'
  | 'timezone'
  | 'percent'
  | 'choice'
  | 'longtext' // paragraphs
  | 'entries' // timeline entries, optionally of one kind
  | 'list' // one line per item
  | 'tasks'
  | 'toggle';

export interface Question {
  path: DraftPath;
  kind: QuestionKind;
  /** What the rubric calls it: "the timezone is missing". */
  label: string;
  prompt: string;
  required: boolean;
  /** For `entries`: the kinds of timeline entry this question is about and the rubric wants. */
  covers?: readonly EntryKind[];
  /** For `entries`: new entries from this question get this kind. */
  entryKind?: EntryKind;
  /** For `list`: what one item is called ("improvement", "lesson"). */
  itemLabel?: string;
  /** For `choice`: what can be picked, in order. */
  choices?: readonly { value: string; label: string }[];
  help?: string;
}

export type SectionId =
  | 'basics' | 'summary' | 'timeline' | 'misleading' | 'escalation' | 'rootCause' | 'measures' | 'extras';

export interface Section {
  id: SectionId;
  title: string;
  /** The README heading the section's answers appear under, used to name findings. */
  heading: string;
  optional?: boolean;
  questions: readonly Question[];
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'basics',
    title: 'Basics',
    heading: 'Title',
    questions: [
      { path: ['title'], kind: 'text', label: 'title', prompt: 'Title of the postmortem', required: true,
        help: 'What broke, in a few words: "Payment service outage".' },
      { path: ['authors'], kind: 'names', label: 'authors', prompt: 'Author(s), separated by commas', required: false },
    ],
  },
  {
    id: 'summary',
    title: 'Issue summary',
    heading: 'Issue Summary',
    questions: [
      { path: ['summary', 'timezone'], kind: 'timezone', label: 'timezone', prompt: 'Timezone the times are written in', required: true,
        help: 'UTC, an abbreviation such as PST or WAT, a place such as Africa/Lagos, or an offset such as +01:00.' },
      { path: ['summary', 'start'], kind: 'datetime', label: 'start time', prompt: 'When did it start?', required: true,
        help: 'Like 2023-08-02 13:45, Aug 2 2023 1:45 PM.' },
      { path: ['summary', 'end'], kind: 'datetime', label: 'end time', prompt: 'When was it over?', required: true,
        help: 'A time alone (15:30) takes the start\'s date; past midnight, the next day.' },
      { path: ['summary', 'impact'], kind: 'text', label: 'impact', prompt: 'Impact: what was down or slow, and what did users experience?', required: true },
      { path: ['summary', 'usersAffectedPercent'], kind: 'percent', label: 'share of users affected', prompt: 'What % of users were affected? (0–100)', required: true },
      { path: ['summary', 'rootCause'], kind: 'text', label: 'one-sentence root cause', prompt: 'The root cause, in one or two sentences', required: true },
    ],
  },
  {
    id: 'timeline',
    title: 'Timeline',
    heading: 'Timeline',
    questions: [
      {
        path: ['detectedBy'],
        kind: 'choice',
        label: 'how it was detected',
        prompt: 'How was it detected?',
        required: true,
        choices: DETECTION_SOURCES.map((value) => ({ value, label: DETECTION_CHOICE_LABELS[value] })),
      },
      { path: ['timeline'], kind: 'entries', label: 'timeline', prompt: 'What happened, when?', required: true,
        covers: ['detection', 'action', 'resolution'],
        help: 'Each entry: a time, a kind and one or two short sentences.' },
    ],
  },
  {
    id: 'misleading',
    title: 'Misleading paths',
    heading: 'Timeline',
    questions: [
      { path: ['timeline'], kind: 'entries', label: 'misleading path', prompt: 'What did you suspect first that turned out wrong?',
        required: true, covers: ['misleading'], entryKind: 'misleading' },
    ],
  },
  {
    id: 'escalation',
    title: 'Escalation',
    heading: 'Timeline',
    questions: [
      { path: ['timeline'], kind: 'entries', label: 'escalation', prompt: 'Who was it escalated to, and when?',
        required: true, covers: ['escalation'], entryKind: 'escalation' },
    ],
  },
  {
    id: 'rootCause',
    title: 'Root cause and resolution',
    heading: 'Root Cause and Resolution',
    questions: [
      { path: ['rootCause'], kind: 'longtext', label: 'root cause in detail', prompt: 'What caused it, in detail?', required: true },
      { path: ['resolution'], kind: 'longtext', label: 'resolution in detail', prompt: 'How was it fixed, in detail?', required: true },
    ],
  },
  {
    id: 'measures',
    title: 'Corrective and preventative measures',
    heading: 'Corrective and Preventative Measures',
    questions: [
      { path: ['measures'], kind: 'list', label: 'broad improvements', prompt: 'What can be improved, broadly?', required: true, itemLabel: 'improvement' },
      { path: ['tasks'], kind: 'tasks', label: 'tasks', prompt: 'Specific tasks, each starting with a verb', required: true,
        help: 'Like "Add monitoring on server memory"; owner and due date are optional.' },
    ],
  },
  {
    id: 'extras',
    title: 'Extras',
    heading: 'Extras',
    optional: true,
    questions: [
      {
        path: ['template'],
        kind: 'choice',
        label: 'the README layout',
        prompt: 'Which layout should the README have?',
        required: false,
        choices: TEMPLATES.map((value) => ({ value, label: TEMPLATE_LABELS[value] })),
      },
      { path: ['extras', 'trigger'], kind: 'text', label: 'the trigger', prompt: 'What triggered it? (optional: a deploy, a traffic spike, a config push)', required: false },
      { path: ['extras', 'humor'], kind: 'text', label: 'a touch of humour', prompt: 'A line of humour (optional)', required: false },
      { path: ['extras', 'lessons', 'wentWell'], kind: 'list', label: 'what went well', prompt: 'Lessons learned: what went well? (optional)', required: false, itemLabel: 'lesson' },
      { path: ['extras', 'lessons', 'wentWrong'], kind: 'list', label: 'what went wrong', prompt: 'Lessons learned: what went wrong? (optional)', required: false, itemLabel: 'lesson' },
      { path: ['extras', 'lessons', 'lucky'], kind: 'list', label: 'where we got lucky', prompt: 'Lessons learned: where did you get lucky? (optional)', required: false, itemLabel: 'lesson' },
      { path: ['extras', 'diagram'], kind: 'toggle', label: 'timeline diagram', prompt: 'Add a timeline diagram?', required: false },
    ],
  },
];

export function sectionById(id: SectionId): Section {
  const section = SECTIONS.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`No section ${id}`);
  return section;
}
