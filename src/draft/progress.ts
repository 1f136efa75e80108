import type { Draft, DraftPath } from './schema.js';
import { SECTIONS, type Question, type Section, type SectionId } from './sections.js';

/** Reads the value at a path of the draft (undefined when any step is missing). */
export function valueAt(draft: unknown, path: DraftPath): unknown {
  let node: unknown = draft;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** The rubric parts of a question still missing from the draft (empty when answered). */
export function missingParts(question: Question, draft: Draft): string[] {
  const value = valueAt(draft, question.path);
  switch (question.kind) {
    case 'entries': {
      const entries = draft.timeline ?? [];
      const covers = question.covers ?? [];
      if (covers.length === 0) return entries.length ? [] : [question.label];
      return covers.filter((kind) => !entries.some((entry) => entry.kind === kind && hasText(entry.text)));
    }
    case 'list':
    case 'names':
      return Array.isArray(value) && value.some(hasText) ? [] : [question.label];
    case 'tasks':
      return Array.isArray(value) && value.some((task) => hasText((task as { text?: unknown }).text)) ? [] : [question.label];
    case 'percent':
      return typeof value === 'number' ? [] : [question.label];
    case 'toggle':
      return typeof value === 'boolean' ? [] : [question.label];
    default:
      return hasText(value) ? [] : [question.label];
  }
}

export function isAnswered(question: Question, draft: Draft): boolean {
  return missingParts(question, draft).length === 0;
}

export interface SectionProgress {
  section: Section;
  complete: boolean;
  /** Labels of the required questions (or timeline kinds) still missing. */
  missing: string[];
}

/** Which sections are complete: the progress `list` and `resume` show. */
export function sectionProgress(draft: Draft): SectionProgress[] {
  return SECTIONS.map((section) => {
    const missing = section.questions.filter((q) => q.required).flatMap((q) => missingParts(q, draft));
    return { section, complete: missing.length === 0, missing };
  });
}

/** Counts the required sections done, for a "5/7 required sections done" display. */
export function progressSummary(draft: Draft): { done: number; total: number } {
  const required = sectionProgress(draft).filter((p) => !p.section.optional);
  return { done: required.filter((p) => p.complete).length, total: required.length };
}

/** Where `resume` reopens: the first required section not yet complete (review when none). */
export function firstUnfinishedSection(draft: Draft): SectionId | 'review' {
  const open = sectionProgress(draft).find((p) => !p.section.optional && !p.complete);
  return open ? open.section.id : 'review';
}
