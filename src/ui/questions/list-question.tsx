import { Text } from 'ink';
import { valueAt } from '../../draft/progress.js';
import type { Task } from '../../draft/schema.js';
import { parseDueDate, parseLine } from '../../wizard/answers.js';
import { FormSequence } from '../components/form-sequence.js';
import { ListEditor } from '../components/list-editor.js';
import { theme } from '../theme.js';
import type { QuestionProps } from './question-props.js';

const LINE = { path: ['item'], kind: 'text', label: 'item', prompt: '', required: true } as const;
const OPTIONAL_LINE = { ...LINE, required: false } as const;

function refusal(props: QuestionProps, count: number, noun: string): string | undefined {
  if (props.step.question.required && count === 0) return `Add at least one ${noun}: the rubric asks for it.`;
  props.dispatch({ type: 'next' });
  return undefined;
}

/** A list of one-line items: broad measures, lessons learned. */
export function ListQuestion(props: QuestionProps) {
  const { step, state, dispatch, rows } = props;
  const path = step.question.path;
  const items = (valueAt(state.draft, path) as string[] | undefined) ?? [];
  const set = (next: string[]) => dispatch({ type: 'set', path, value: next.length ? next : undefined });
  return (
    <ListEditor<string>
      key={step.index}
      prompt={step.question.prompt}
      help={step.question.help}
      items={items}
      rows={Math.max(3, rows - 6)}
      noun="item"
      renderItem={(item) => <Text wrap="truncate-end">{item}</Text>}
      renderForm={(editing, done) => (
        <FormSequence
          title={editing === undefined ? 'New item' : 'Edit item'}
          fields={[{ key: 'text', kind: 'text', prompt: 'One improvement, in a sentence', initial: () => editing ?? '', parse: (text) => parseLine(LINE, text) }]}
          initial={{}}
          onSave={(values) => done(values.text as string)}
          onCancel={() => done(undefined)}
        />
      )}
      onAdd={(item) => set([...items, item])}
      onReplace={(index, item) => set(items.map((old, i) => (i === index ? item : old)))}
      onRemove={(index) => set(items.filter((_, i) => i !== index))}
      onDone={() => refusal(props, items.length, 'item')}
      onBack={() => dispatch({ type: 'back' })}
    />
  );
}

function describeTask(task: Task): string {
  const extra = [task.owner, task.due && `due ${task.due}`].filter(Boolean).join(', ');
  return extra ? `${task.text} — ${extra}` : task.text ?? '';
}

/** Specific tasks: text, then an optional owner and due date. */
export function TasksQuestion(props: QuestionProps) {
  const { step, state, dispatch, rows } = props;
  const tasks = state.draft.tasks ?? [];
  const set = (next: Task[]) => dispatch({ type: 'set', path: ['tasks'], value: next.length ? next : undefined });
  return (
    <ListEditor<Task>
      key={step.index}
      prompt={step.question.prompt}
      help={step.question.help}
      items={tasks}
      rows={Math.max(3, rows - 6)}
      noun="task"
      renderItem={(task) => (
        <Text wrap="truncate-end">
          <Text color={theme.muted}>[ ] </Text>
          {describeTask(task)}
        </Text>
      )}
      renderForm={(editing, done) => (
        <FormSequence
          title={editing ? 'Edit task' : 'New task'}
          fields={[
            { key: 'text', kind: 'text', prompt: 'The task, starting with a verb ("Add monitoring on…")', initial: (v) => (v.text as string | undefined) ?? '', parse: (text) => parseLine(LINE, text) },
            { key: 'owner', kind: 'text', prompt: 'Owner (optional: Enter to skip)', initial: (v) => (v.owner as string | undefined) ?? '', parse: (text) => parseLine(OPTIONAL_LINE, text) },
            { key: 'due', kind: 'text', prompt: 'Due date (optional: Enter to skip)', placeholder: '2023-08-16', initial: (v) => (v.due as string | undefined) ?? '', parse: (text) => parseDueDate(text, state.draft) },
          ]}
          initial={{ ...(editing ?? {}) }}
          onSave={(values) => {
            const task: Task = { ...(editing ?? {}), text: values.text as string };
            if (values.owner) task.owner = values.owner as string;
            else delete task.owner;
            if (values.due) task.due = values.due as string;
            else delete task.due;
            done(task);
          }}
          onCancel={() => done(undefined)}
        />
      )}
      onAdd={(task) => set([...tasks, task])}
      onReplace={(index, task) => set(tasks.map((old, i) => (i === index ? task : old)))}
      onRemove={(index) => set(tasks.filter((_, i) => i !== index))}
      onDone={() => refusal(props, tasks.length, 'task')}
      onBack={() => dispatch({ type: 'back' })}
    />
  );
}
