import { addEntry, removeEntry, replaceEntry, setAt } from '../draft/edit.js';
import { deriveReplacedItem } from '../draft/lineage.js';
import type { Draft, DraftPath, TimelineEntry } from '../draft/schema.js';
import type { SectionId } from '../draft/sections.js';
import { valueAt } from '../draft/progress.js';
import { answerAsText } from './answers.js';
import { firstStepOf, isLastOfSection, resumeStep, STEPS } from './flow.js';

/*
 * The wizard's whole state and every way it changes, with no screen involved: the views
 * dispatch these actions, the tests drive them directly.
 */

export type Screen = { kind: 'question'; step: number } | { kind: 'review' };

export interface WizardState {
  draft: Draft;
  screen: Screen;
  /** Set when a section was opened from the review: finishing it goes back there. */
  returnToReview: boolean;
  /** Bumped by every change to the answers; saving catches `savedRevision` up. */
  revision: number;
  savedRevision: number;
  /** Text typed into the current field but not confirmed, kept across an editor hand-over. */
  pending?: { step: number; text: string };
  /** Set once a new draft got its defaults (author, timezone, template), so they come only once. */
  defaultsApplied?: boolean;
}

export type WizardAction =
  | { type: 'answer'; path: DraftPath; value: unknown }
  | { type: 'set'; path: DraftPath; value: unknown }
  | { type: 'addEntry'; entry: TimelineEntry }
  | { type: 'replaceEntry'; index: number; entry: TimelineEntry }
  | { type: 'removeEntry'; index: number }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'goto'; section: SectionId }
  | { type: 'review' }
  | { type: 'saved'; revision: number }
  /** The draft file as changed outside the wizard, loaded again ("reload theirs"). */
  | { type: 'reloaded'; draft: Draft }
  | { type: 'pending'; text: string | undefined }
  | { type: 'defaults'; values: Pick<Draft, 'authors' | 'template'> & { timezone?: string } };

/** How `unconfirmed.question` names a question in the draft file. */
export const questionKey = (path: DraftPath) => path.join('.');

export function initialState(draft: Draft, start: 'resume' | 'beginning' = 'beginning'): WizardState {
  // Text left unconfirmed when the wizard was closed reopens its question, typed as it was.
  const left = draft.unconfirmed;
  const leftAt = left?.question && left.text ? STEPS.findIndex((step) => questionKey(step.question.path) === left.question) : -1;
  const at = start === 'resume' ? (leftAt >= 0 ? leftAt : resumeStep(draft)) : 0;
  return {
    draft,
    screen: at === 'review' ? { kind: 'review' } : { kind: 'question', step: at },
    returnToReview: false,
    revision: 0,
    savedRevision: 0,
    ...(leftAt >= 0 && at === leftAt ? { pending: { step: leftAt, text: left!.text! } } : {}),
  };
}

/**
 * The draft to save when the wizard closes while text is typed in a field: the text goes with
 * the answers as `unconfirmed` (it was not checked, so it is not an answer), to be offered again.
 */
export function withUnconfirmed(state: WizardState, typed: string | undefined): WizardState {
  const draft = { ...state.draft, unconfirmed: undefined };
  const step = state.screen.kind === 'question' ? STEPS[state.screen.step] : undefined;
  const answered = step ? valueAt(state.draft, step.question.path) : undefined;
  const current = step ? answerAsText(step.question, answered) : '';
  const keep = step && typed !== undefined && typed.trim() !== '' && typed !== current;
  if (!keep) return state.draft.unconfirmed ? { ...state, draft, revision: state.revision + 1 } : state;
  return { ...state, draft: { ...draft, unconfirmed: { question: questionKey(step.question.path), text: typed } }, revision: state.revision + 1 };
}

export function isDirty(state: WizardState): boolean {
  return state.revision !== state.savedRevision;
}

function changed(state: WizardState, next: Draft): WizardState {
  if (next === state.draft) return state;
  // A confirmed change replaces whatever was left unconfirmed (undefined: the save removes the key).
  return { ...state, draft: next.unconfirmed ? { ...next, unconfirmed: undefined } : next, revision: state.revision + 1 };
}

function advance(state: WizardState): WizardState {
  const { pending: _dropped, ...rest } = state;
  if (state.screen.kind !== 'question') return rest;
  const step = state.screen.step;
  const toReview = step >= STEPS.length - 1 || (state.returnToReview && isLastOfSection(step));
  if (toReview) return { ...rest, screen: { kind: 'review' }, returnToReview: false };
  return { ...rest, screen: { kind: 'question', step: step + 1 } };
}

function back(state: WizardState): WizardState {
  const { pending: _dropped, ...rest } = state;
  if (state.screen.kind === 'review') return { ...rest, screen: { kind: 'question', step: STEPS.length - 1 } };
  const step = state.screen.step;
  const sectionStart = firstStepOf(STEPS[step]!.section.id);
  if (state.returnToReview && step === sectionStart) return { ...rest, screen: { kind: 'review' }, returnToReview: false };
  return { ...rest, screen: { kind: 'question', step: Math.max(0, step - 1) } };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'answer':
      return advance(changed(state, setAt(state.draft, action.path, action.value)));
    case 'set':
      // A list editor sets the whole list: an edited task or measure keeps its place in the file.
      deriveReplacedItem(valueAt(state.draft, action.path), action.value);
      return changed(state, setAt(state.draft, action.path, action.value));
    case 'addEntry':
      return changed(state, addEntry(state.draft, action.entry));
    case 'replaceEntry':
      return changed(state, replaceEntry(state.draft, action.index, action.entry));
    case 'removeEntry':
      return changed(state, removeEntry(state.draft, action.index));
    case 'next':
      return advance(state);
    case 'back':
      return back(state);
    case 'goto':
      return { ...state, screen: { kind: 'question', step: firstStepOf(action.section) }, returnToReview: true, pending: undefined };
    case 'review':
      return { ...state, screen: { kind: 'review' }, returnToReview: false, pending: undefined };
    case 'reloaded':
      // Their answers replace ours (ours were kept beside the file); the field being typed in keeps its text.
      return { ...state, draft: action.draft, revision: state.revision + 1 };
    case 'saved':
      return action.revision > state.savedRevision ? { ...state, savedRevision: action.revision } : state;
    case 'defaults': {
      // Only what is still unanswered: a person who already typed an author keeps theirs.
      const { draft } = state;
      const { authors, template, timezone } = action.values;
      const next: Draft = {
        ...draft,
        ...(draft.template === undefined && template ? { template } : {}),
        ...(draft.authors === undefined && authors?.length ? { authors } : {}),
        ...(draft.summary?.timezone === undefined && timezone ? { summary: { ...draft.summary, timezone } } : {}),
      };
      return { ...state, draft: next, revision: state.revision + 1, defaultsApplied: true };
    }
    case 'pending': {
      if (state.screen.kind !== 'question') return state;
      if (action.text === undefined) {
        const { pending: _dropped, ...rest } = state;
        return rest;
      }
      return { ...state, pending: { step: state.screen.step, text: action.text } };
    }
  }
}
