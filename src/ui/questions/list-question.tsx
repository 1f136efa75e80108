import { Text } from '../components/text.js';
import { valueAt } from '../../draft/progress.js';
import type { Draft, Task } from '../../draft/schema.js';
import { resolveIncident } from '../../draft/incident.js';
import { TASK_TYPE_CHOICE_LABELS, TASK_TYPES, type TaskType } from '../../draft/vocabulary.js';
import { parseDueDate, parseLine } from '../../wizard/answers.js';
import { FormSequence, type FormField } from '../components/form-sequence.js';
import { ListEditor } from '../components/list-editor.js';
import { theme } from '../theme.js';
import type { QuestionProps } from './question-props.js';
import { useUnsavedItem } from './unsaved-item.js';

const LINE = { path: ['item'], kind: 'text', label: 'item', prompt: '', required: true } as const;
const OPTIONAL_LINE = { ...LINE, required: false } as const;

/** The list at the question's path, and the edits a ListEditor makes to it, as reducer actions. */
function listAnswer<T>(props: QuestionProps, noun: string) {
  const { step, state, dispatch } = props;
  const path = step.question.path;
  const items = (valueAt(state.draft, path) as T[] | undefined) ?? [];
  const set = (next: T[]) => dispatch({ type: 'set', path, value: next.length ? next : undefined });
  return {
    items,
    onAdd: (item: T) => set([...items, item]),
    onReplace: (index: number, item: T) => set(items.map((old, i) => (i === index ? item : old))),
    onRemove: (index: number) => set(items.filter((_, i) => i !== index)),
    /** Tab: on to the next question, unless the rubric needs an item first. */
    onDone: (): string | undefined => {
      if (step.question.required && items.length === 0) return `Add at least one ${noun}: the rubric asks for it.`;
      dispatch({ type: 'next' });
      return undefined;
    },
    onBack: () => dispatch({ type: 'back' }),
  };
}

/** A list of one-line items: broad measures, lessons learned. */
export function ListQuestion(props: QuestionProps) {
  const { step, rows } = props;
  const noun = step.question.itemLabel ?? 'item';
  const unsaved = useUnsavedItem(props);
  return (
    <ListEditor<string>
      leftover={unsaved.leftover}
      resumed={unsaved.resumed}
      kept={unsaved.kept}
      onKeep={unsaved.onKeep}
      key={step.index}
      prompt={step.question.prompt}
      help={step.question.help}
      {...listAnswer<string>(props, noun)}
      rows={Math.max(3, rows - 6)}
      noun={noun}
      renderItem={(item) => <Text wrap="truncate-end">{item}</Text>}
      renderForm={(editing, done, kept, context) => (
        <FormSequence
          title={editing === undefined ? `New ${noun}` : `Edit ${noun}`}
          fields={[{ key: 'text', kind: 'text', prompt: `One ${noun}, in a sentence`, initial: () => editing ?? '', parse: (text) => parseLine(LINE, text) }]}
          initial={{}}
          onSave={(values) => done(values.text as string)}
          kept={kept}
          onCancel={(left) => done(undefined, left)}
          {...unsaved.formProps(context)}
        />
      )}
    />
  );
}

function describeTask(task: Task): string {
  const extra = [task.owner, task.due && `due ${task.due}`].filter(Boolean).join(', ');
  const text = `${task.type ? `${task.type}: ` : ''}${task.text ?? ''}`;
  return extra ? `${text} — ${extra}` : text;
}

/** A due date to show as the example: two weeks after the incident began (a date of the right form). */
function dueExample(draft: Draft): string {
  return resolveIncident(draft).start?.plus({ days: 14 }).toFormat('yyyy-MM-dd') ?? '2023-08-16';
}

/** The SRE layout's action-item table has a type column; the form asks it only for that layout. */
const TASK_TYPE_FIELD: FormField = {
  key: 'type',
  kind: 'choice',
  prompt: 'What kind of action item is it?',
  items: TASK_TYPES.map((type) => ({ value: type, label: TASK_TYPE_CHOICE_LABELS[type] })),
};

/** Specific tasks: text, then an optional owner and due date (and, for the SRE layout, a type). */
export function TasksQuestion(props: QuestionProps) {
  const { step, state, rows } = props;
  const askType = state.draft.template === 'sre';
  const unsaved = useUnsavedItem(props);
  return (
    <ListEditor<Task>
      leftover={unsaved.leftover}
      resumed={unsaved.resumed}
      kept={unsaved.kept}
      onKeep={unsaved.onKeep}
      key={step.index}
      prompt={step.question.prompt}
      help={step.question.help}
      {...listAnswer<Task>(props, 'task')}
      rows={Math.max(3, rows - 6)}
      noun="task"
      renderItem={(task) => (
        <Text wrap="truncate-end">
          <Text color={theme.muted}>[ ] </Text>
          {describeTask(task)}
        </Text>
      )}
      renderForm={(editing, done, kept, context) => (
        <FormSequence
          title={editing ? 'Edit task' : 'New task'}
          fields={[
            { key: 'text', kind: 'text', prompt: 'The task, starting with a verb ("Add monitoring on…")', initial: (v) => (v.text as string | undefined) ?? '', parse: (text) => parseLine(LINE, text) },
            { key: 'owner', kind: 'text', prompt: 'Owner (optional: Enter to skip)', initial: (v) => (v.owner as string | undefined) ?? '', parse: (text) => parseLine(OPTIONAL_LINE, text) },
            { key: 'due', kind: 'text', prompt: 'Due date (optional: Enter to skip)', placeholder: dueExample(state.draft), initial: (v) => (v.due as string | undefined) ?? '', parse: (text) => parseDueDate(text, state.draft) },
            ...(askType ? [TASK_TYPE_FIELD] : []),
          ]}
          initial={{ ...(editing ?? {}) }}
          onSave={(values) => {
            const task: Task = { ...(editing ?? {}), text: values.text as string };
            if (values.owner) task.owner = values.owner as string;
            else delete task.owner;
            if (values.due) task.due = values.due as string;
            else delete task.due;
            if (values.type) task.type = values.type as TaskType;
            done(task);
          }}
          kept={kept}
          onCancel={(left) => done(undefined, left)}
          {...unsaved.formProps(context)}
        />
      )}
    />
  );
}
