import { isAnswered, sectionProgress } from '../draft/progress.js';
import type { Draft } from '../draft/schema.js';
import { SECTIONS, type Question, type Section, type SectionId } from '../draft/sections.js';

/** One question on screen: the wizard walks these in order, then shows the review. */
export interface Step {
  index: number;
  section: Section;
  question: Question;
  /** Position of the question inside its section, for "2/6". */
  questionIndex: number;
}

export const STEPS: readonly Step[] = SECTIONS.flatMap((section) =>
  section.questions.map((question, questionIndex) => ({ section, question, questionIndex, index: 0 })),
).map((step, index) => ({ ...step, index }));

export function stepAt(index: number): Step {
  const step = STEPS[Math.max(0, Math.min(index, STEPS.length - 1))];
  if (!step) throw new Error('The wizard has no steps.');
  return step;
}

export function firstStepOf(section: SectionId): number {
  return STEPS.findIndex((step) => step.section.id === section);
}

export function isLastOfSection(index: number): boolean {
  return STEPS[index + 1]?.section.id !== STEPS[index]?.section.id;
}

/** Where a resumed draft opens: the first unanswered required question of the first open section. */
export function resumeStep(draft: Draft): number | 'review' {
  const open = sectionProgress(draft).find((progress) => !progress.section.optional && !progress.complete);
  if (!open) return 'review';
  const first = firstStepOf(open.section.id);
  const unanswered = STEPS.find((step) => step.section === open.section && step.question.required && !isAnswered(step.question, draft));
  return unanswered?.index ?? first;
}

/** The question that asks for `path` (the first, where a path is asked in several sections). */
export function questionAt(path: readonly (string | number)[]): Step['question'] {
  const step = STEPS.find((candidate) => candidate.question.path.join('.') === path.join('.'));
  if (!step) throw new Error(`No question asks for ${path.join('.')}`);
  return step.question;
}
