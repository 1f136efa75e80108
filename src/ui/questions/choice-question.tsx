import { valueAt } from '../../draft/progress.js';
import { Choice, type ChoiceItem } from '../components/choice.js';
import type { QuestionProps } from './question-props.js';

const TOGGLE_ITEMS: ChoiceItem<boolean>[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/** A question answered by picking one of its choices (how it was detected, the layout), or a yes/no. */
export function ChoiceQuestion({ step, state, dispatch }: QuestionProps) {
  const { question } = step;
  const current = valueAt(state.draft, question.path);
  const items: ChoiceItem<unknown>[] = question.kind === 'toggle' ? TOGGLE_ITEMS : [...(question.choices ?? [])];
  return (
    <Choice
      key={step.index}
      prompt={question.prompt}
      help={question.help}
      items={items}
      initial={current ?? (question.kind === 'toggle' ? false : undefined)}
      onSelect={(value) => dispatch({ type: 'answer', path: question.path, value })}
      onBack={() => dispatch({ type: 'back' })}
    />
  );
}
