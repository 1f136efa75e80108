import { valueAt } from '../../draft/progress.js';
import type { Question } from '../../draft/sections.js';
import {
  answerAsText, parseLine, parseMoment, parseNames, parseParagraphs, parsePercent, parseTimezone, type Parsed,
} from '../../wizard/answers.js';
import { typedAt } from '../../wizard/reducer.js';
import type { QuestionProps } from './question-props.js';
import { FieldPrompt } from '../components/field-prompt.js';
import { useServices } from '../session-context.js';
import { suggestZones } from './zone-suggestions.js';

function parserFor(question: Question, props: QuestionProps): (text: string) => Parsed {
  switch (question.kind) {
    case 'names': return (text) => parseNames(question, text);
    case 'datetime': return (text) => parseMoment(question, text, props.state.draft);
    case 'timezone': return (text) => parseTimezone(question, text);
    case 'percent': return (text) => parsePercent(question, text);
    case 'longtext': return (text) => parseParagraphs(question, text);
    default: return (text) => parseLine(question, text);
  }
}

/** The answer offered for a question the draft has not answered (the author from git, the system's timezone). */
export function suggestedAnswer(question: Question, state: QuestionProps['state']): string | undefined {
  const key = question.path.join('.');
  if (key === 'authors') return state.suggested?.authors?.join(', ') || undefined;
  if (key === 'summary.timezone') return state.suggested?.timezone;
  return undefined;
}

/** A question answered by typing: one line, a time, a timezone, a percentage or paragraphs. */
export function TextQuestion(props: QuestionProps) {
  const { step, state, dispatch } = props;
  const { question } = step;
  const services = useServices();
  const multiline = question.kind === 'longtext';
  // Text from before an editor hand-over, else text typed here and left with Esc, else the answer.
  const kept = typedAt(state, step.index);
  const initial = state.pending?.step === step.index ? state.pending.text : (kept?.text ?? answerAsText(question, valueAt(state.draft, question.path)));
  const help = multiline
    ? 'Ctrl+J or Alt+Enter starts a new line; Ctrl+X opens your editor.'
    : question.help;

  return (
    <FieldPrompt
      key={step.index}
      prompt={question.prompt}
      help={help}
      initial={initial}
      placeholder={suggestedAnswer(question, state)}
      placeholderIs="default"
      multiline={multiline}
      maxLines={Math.max(3, props.rows - 5)}
      parse={parserFor(question, props)}
      onAccept={(value) => dispatch({ type: 'answer', path: question.path, value })}
      // The first question has nothing before it (unless opened from the review): no "Esc back".
      onBack={step.index > 0 || state.returnToReview ? (text) => dispatch({ type: 'back', typed: text }) : undefined}
      onOpenEditor={multiline ? (text) => services.editText(text) : undefined}
      suggest={question.kind === 'timezone' ? suggestZones : undefined}
      onChange={(text) => services.typing?.(step.index, text)}
    />
  );
}
