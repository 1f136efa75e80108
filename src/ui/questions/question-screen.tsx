import { ChoiceQuestion } from './choice-question.js';
import { ListQuestion, TasksQuestion } from './list-question.js';
import type { QuestionProps } from './question-props.js';
import { TextQuestion } from './text-question.js';
import { TimelineQuestion } from './timeline-question.js';

/** The view for a question, by its kind (sections.ts says which kind each question is). */
export function QuestionView(props: QuestionProps) {
  switch (props.step.question.kind) {
    case 'choice':
    case 'toggle':
      return <ChoiceQuestion {...props} />;
    case 'entries':
      return <TimelineQuestion {...props} />;
    case 'list':
      return <ListQuestion {...props} />;
    case 'tasks':
      return <TasksQuestion {...props} />;
    default:
      return <TextQuestion {...props} />;
  }
}
