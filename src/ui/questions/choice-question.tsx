import { valueAt } from '../../draft/progress.js';
import { DETECTION_SOURCES, type DetectionSource } from '../../draft/vocabulary.js';
import { Choice, type ChoiceItem } from '../components/choice.js';
import type { QuestionProps } from './question-props.js';

const DETECTION_ITEMS: ChoiceItem<DetectionSource>[] = DETECTION_SOURCES.map((value) => ({
  value,
  label: { monitoring: 'A monitoring alert', engineer: 'An engineer noticed', customer: 'A customer complained', other: 'Something else' }[value],
}));

const TOGGLE_ITEMS: ChoiceItem<boolean>[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/** A question answered by picking: how it was detected, or a yes/no. */
export function ChoiceQuestion({ step, state, dispatch }: QuestionProps) {
  const { question } = step;
  const current = valueAt(state.draft, question.path);
  const items: ChoiceItem<unknown>[] = question.kind === 'toggle' ? TOGGLE_ITEMS : DETECTION_ITEMS;
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
