import { addEntries, addEntry, appendParagraphs, removeEntry, replaceEntry, setAt } from '../draft/edit.js';
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

/** A list's add or edit form as it was left: which field, what was confirmed, what was typed. */
export interface KeptForm {
  /** The item being edited; none for a new one. */
  editing?: number;
  field: number;
  values: Record<string, unknown>;
  texts: Record<string, string>;
}

/**
 * Text typed at a question and not confirmed, kept while the person goes elsewhere: a field's
 * text, or a list's form (with `text`, its one-line summary, for `unconfirmed:` on quit).
 */
export interface Typed {
  text: string;
  form?: KeptForm;
}

export interface WizardState {
  draft: Draft;
  screen: Screen;
  /** Set when a section was opened from the review: finishing it goes back there. */
  returnToReview: boolean;
  /** The one question picked in the review, when one was: answering it (or Esc) goes back there. */
  returnAfter?: number;
  /** Bumped by every change to the answers; saving catches `savedRevision` up. */
  revision: number;
  savedRevision: number;
  /** Text typed into the current field but not confirmed, kept across an editor hand-over. */
  pending?: { step: number; text: string };
  /** Set once a new draft got its defaults (author, timezone, template), so they come only once. */
  defaultsApplied?: boolean;
  /**
   * Answers offered where the draft has none (the author from git, the system's timezone): shown
   * as placeholders that typing replaces, taken by Tab, → or Enter on the empty field; not
   * answers until then, so the draft holds only what the person confirmed.
   */
  suggested?: { authors?: string[]; timezone?: string };
  /**
   * By step (the timeline's three steps share one path): what was typed there and left with
   * Esc, until it is confirmed. The newest is last.
   */
  typed?: (Typed & { step: number })[];
}

export type WizardAction =
  | { type: 'answer'; path: DraftPath; value: unknown }
  | { type: 'set'; path: DraftPath; value: unknown }
  | { type: 'addEntry'; entry: TimelineEntry }
  /** Entries picked from a file, in one change; `rootCause`: the rest of long messages, added to that text. */
  | { type: 'addEntries'; entries: TimelineEntry[]; rootCause?: string[]; sameAs?: string[][] }
  | { type: 'replaceEntry'; index: number; entry: TimelineEntry }
  | { type: 'removeEntry'; index: number }
  | { type: 'next' }
  /** `typed`: the text in the field being left, kept for when the person comes back. */
  | { type: 'back'; typed?: string }
  /** What a list question's form holds as it closes unsaved (undefined: nothing to keep). */
  | { type: 'keep'; step: number; typed: Typed | undefined }
  /** From the review: a section, at one of its questions (by step; default its first). */
  | { type: 'goto'; section: SectionId; step?: number }
  | { type: 'review' }
  | { type: 'saved'; revision: number }
  /** The draft file as changed outside the wizard, loaded again ("reload theirs"). */
  | { type: 'reloaded'; draft: Draft }
  | { type: 'pending'; text: string | undefined }
  | { type: 'defaults'; values: Pick<Draft, 'authors' | 'template'> & { timezone?: string } }
  /** For a draft opened again: the author and timezone to offer, nothing set. */
  | { type: 'suggest'; values: Pick<Draft, 'authors'> & { timezone?: string } };

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
 * `typed` is what the current question's field holds (undefined: it did not say); without new
 * text there, the text last left at another question with Esc is kept instead.
 */
export function withUnconfirmed(state: WizardState, typed: string | undefined, form?: KeptForm): WizardState {
  const draft = { ...state.draft, unconfirmed: undefined };
  const at = state.screen.kind === 'question' ? state.screen.step : -1;
  const step = STEPS[at];
  const current = step ? answerAsText(step.question, valueAt(state.draft, step.question.path)) : '';
  const fromField = step && typed !== undefined && typed.trim() !== '' && typed !== current ? { question: questionKey(step.question.path), text: typed, ...storedForm(form) } : undefined;
  // The field's own report replaces what was kept at its step.
  const left = (state.typed ?? []).filter((kept) => kept.text.trim() !== '' && !(typed !== undefined && kept.step === at)).at(-1);
  const keep = fromField ?? (left ? { question: questionKey(STEPS[left.step]!.question.path), text: left.text, ...storedForm(left.form) } : undefined);
  if (!keep) return typed !== undefined && state.draft.unconfirmed ? { ...state, draft, revision: state.revision + 1 } : state;
  return { ...state, draft: { ...draft, unconfirmed: keep }, revision: state.revision + 1 };
}

/** A list's form as `unconfirmed.form` keeps it: its text values only (what the fields hold). */
function storedForm(form: KeptForm | undefined): { form?: Required<NonNullable<Draft['unconfirmed']>>['form'] } {
  if (!form) return {};
  const strings = (record: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(record).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
  return { form: { ...(form.editing !== undefined ? { editing: form.editing } : {}), field: form.field, values: strings(form.values), texts: strings(form.texts) } };
}

/** The form `unconfirmed` keeps for a question, as the list's form can go on from it. */
export function unconfirmedForm(draft: Draft, question: string): KeptForm | undefined {
  const left = draft.unconfirmed;
  if (!left?.form || left.question !== question) return undefined;
  return { ...(left.form.editing !== undefined ? { editing: left.form.editing } : {}), field: left.form.field, values: { ...left.form.values }, texts: { ...left.form.texts } };
}

/** What was typed at a step and left there, if anything. */
export function typedAt(state: WizardState, step: number): Typed | undefined {
  return state.typed?.find((kept) => kept.step === step);
}

/** Keeps (or forgets, given undefined) what was typed at a step; the newest is last. */
function keepTyped(state: WizardState, step: number, typed: Typed | undefined): WizardState {
  if (!typed && !typedAt(state, step)) return state;
  const others = (state.typed ?? []).filter((kept) => kept.step !== step);
  return { ...state, typed: typed ? [...others, { ...typed, step }] : others };
}

/** A confirmed answer: what was typed at its step is no longer kept. */
function forgetHere(state: WizardState): WizardState {
  return state.screen.kind === 'question' ? keepTyped(state, state.screen.step, undefined) : state;
}

/** On leaving the current question with Esc: its field's text, unless it is the answer as saved. */
function keepLeaving(state: WizardState, text: string | undefined): WizardState {
  if (text === undefined || state.screen.kind !== 'question') return state;
  const { question } = STEPS[state.screen.step]!;
  const saved = answerAsText(question, valueAt(state.draft, question.path));
  return keepTyped(state, state.screen.step, text === saved ? undefined : { text });
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
  const toReview = step >= STEPS.length - 1 || (state.returnToReview && (isLastOfSection(step) || step === state.returnAfter));
  if (toReview) return { ...rest, screen: { kind: 'review' }, returnToReview: false, returnAfter: undefined };
  return { ...rest, screen: { kind: 'question', step: step + 1 } };
}

function back(state: WizardState): WizardState {
  const { pending: _dropped, ...rest } = state;
  if (state.screen.kind === 'review') return { ...rest, screen: { kind: 'question', step: STEPS.length - 1 } };
  const step = state.screen.step;
  const sectionStart = firstStepOf(STEPS[step]!.section.id);
  if (state.returnToReview && (step === sectionStart || step === state.returnAfter)) return { ...rest, screen: { kind: 'review' }, returnToReview: false, returnAfter: undefined };
  return { ...rest, screen: { kind: 'question', step: Math.max(0, step - 1) } };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'answer':
      return advance(forgetHere(changed(state, setAt(state.draft, action.path, action.value))));
    case 'set':
      // A list editor sets the whole list: an edited task or measure keeps its place in the file.
      deriveReplacedItem(valueAt(state.draft, action.path), action.value);
      return changed(state, setAt(state.draft, action.path, action.value));
    case 'addEntry':
      return changed(state, addEntry(state.draft, action.entry));
    case 'addEntries': {
      const { draft } = addEntries(state.draft, action.entries, action.sameAs);
      const rest = action.rootCause?.filter((p) => p.trim() !== '') ?? [];
      const next = rest.length ? { ...draft, rootCause: appendParagraphs(draft.rootCause, rest) } : draft;
      return next === state.draft ? state : changed(state, next);
    }
    case 'replaceEntry':
      return changed(state, replaceEntry(state.draft, action.index, action.entry));
    case 'removeEntry':
      return changed(state, removeEntry(state.draft, action.index));
    case 'next':
      return advance(state);
    case 'back':
      return back(keepLeaving(state, action.typed));
    case 'keep':
      return keepTyped(state, action.step, action.typed);
    case 'goto': {
      // One question picked: back to the review once it is answered. A whole section: once it is done.
      const picked = action.step !== undefined && STEPS[action.step]?.section.id === action.section ? action.step : undefined;
      return {
        ...state,
        screen: { kind: 'question', step: picked ?? firstStepOf(action.section) },
        returnToReview: true,
        returnAfter: picked,
        pending: undefined,
      };
    }
    case 'review':
      return { ...state, screen: { kind: 'review' }, returnToReview: false, returnAfter: undefined, pending: undefined };
    case 'reloaded':
      // Their answers replace ours (ours were kept beside the file); the field being typed in keeps its text.
      return { ...state, draft: action.draft, revision: state.revision + 1 };
    case 'saved':
      return action.revision > state.savedRevision ? { ...state, savedRevision: action.revision } : state;
    case 'defaults': {
      // The layout is a pick, not typed: it is set where unset. The author and the timezone are
      // offered as placeholders (`suggested`), answers only once the person takes them.
      const { draft } = state;
      const { authors, template, timezone } = action.values;
      const next: Draft = { ...draft, ...(draft.template === undefined && template ? { template } : {}) };
      const suggested = { ...(authors?.length ? { authors } : {}), ...(timezone ? { timezone } : {}) };
      return { ...state, draft: next, revision: state.revision + 1, defaultsApplied: true, suggested };
    }
    case 'suggest': {
      const { authors, timezone } = action.values;
      return { ...state, suggested: { ...(authors?.length ? { authors } : {}), ...(timezone ? { timezone } : {}) } };
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
