import { useEffect } from 'react';
import { questionKey, typedAt, unconfirmedForm, type KeptForm, type Typed } from '../../wizard/reducer.js';
import type { FormContext } from '../components/list-editor.js';
import { useServices } from '../session-context.js';
import type { QuestionProps } from './question-props.js';

/**
 * For a list question (timeline, measures, tasks): what its add or edit form holds unsaved is
 * told to the wizard, which keeps it in the draft (`unconfirmed:`, with the form's fields) if
 * it is closed mid-form; what was left that way last time is returned, to be shown until an
 * item is saved, and its form to be opened again as it was.
 */
export function useUnsavedItem({ step, state, dispatch }: QuestionProps): {
  leftover?: string;
  /** The form left unsaved when the wizard last closed, to open again filled in. */
  resumed?: KeptForm;
  /** The props for the list's form: where its unsaved text goes, how an empty new item ends the list. */
  formProps(context: FormContext): { onTyping(summary: string, form?: KeptForm): void; onEmpty?: () => void; dense?: boolean };
  /** A form left with Esc at this question this session (or left when the wizard closed), and where the list reports one. */
  kept?: Typed;
  onKeep(kept: Typed | undefined): void;
} {
  const services = useServices();
  const key = questionKey(step.question.path);
  const left = state.draft.unconfirmed;
  const leftover = left?.text && left.question === key ? left.text : undefined;
  const leftForm = leftover ? unconfirmedForm(state.draft, key) : undefined;
  // Until something is saved, closing again keeps the leftover rather than an empty form.
  const onTyping = (summary: string, form?: KeptForm) =>
    summary ? services.typing?.(step.index, summary, form) : services.typing?.(step.index, leftover ?? '', leftForm);
  useEffect(() => {
    if (leftover) services.typing?.(step.index, leftover, leftForm);
  }, []);
  const keptHere = typedAt(state, step.index);
  const kept = keptHere ?? (leftForm ? { text: leftover!, form: leftForm } : undefined);
  const onKeep = (next: Typed | undefined) => dispatch({ type: 'keep', step: step.index, typed: next });
  return {
    leftover,
    resumed: keptHere ? undefined : leftForm,
    formProps: (context) => ({
      onTyping: (summary, form) => onTyping(summary, form && { ...form, ...(context.editing !== undefined ? { editing: context.editing } : {}) }),
      onEmpty: context.onEmpty,
      dense: context.dense,
    }),
    kept,
    onKeep,
  };
}
