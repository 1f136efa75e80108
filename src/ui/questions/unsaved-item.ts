import { useEffect } from 'react';
import { questionKey, typedAt, type Typed } from '../../wizard/reducer.js';
import { useServices } from '../session-context.js';
import type { QuestionProps } from './question-props.js';

/**
 * For a list question (timeline, measures, tasks): what its add or edit form holds unsaved is
 * told to the wizard, which keeps it in the draft (`unconfirmed:`) if it is closed mid-form;
 * what was left that way last time is returned, to be shown until an item is saved.
 */
export function useUnsavedItem({ step, state, dispatch }: QuestionProps): {
  leftover?: string;
  onTyping(summary: string): void;
  /** A form left with Esc at this question this session, and where the list reports one. */
  kept?: Typed;
  onKeep(kept: Typed | undefined): void;
} {
  const services = useServices();
  const left = state.draft.unconfirmed;
  const leftover = left?.text && left.question === questionKey(step.question.path) ? left.text : undefined;
  // Until something is saved, closing again keeps the leftover rather than an empty form.
  const onTyping = (summary: string) => services.typing?.(step.index, summary || leftover || '');
  useEffect(() => {
    if (leftover) services.typing?.(step.index, leftover);
  }, []);
  const kept = typedAt(state, step.index);
  const onKeep = (next: Typed | undefined) => dispatch({ type: 'keep', step: step.index, typed: next });
  return { leftover, onTyping, kept, onKeep };
}
