import { Box } from 'ink';
import { Text } from './text.js';
import { useKeys } from '../input-focus.js';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRefState } from '../hooks/use-ref-state.js';
import { useHints } from '../hints-context.js';
import { is, type Hint } from '../keymap.js';
import { windowAround } from '../scroll-window.js';
import type { KeptForm, Typed } from '../../wizard/reducer.js';
import { theme } from '../theme.js';
import { useBodyRows } from './frame.js';

type Mode = { kind: 'browse' } | { kind: 'add' } | { kind: 'edit'; index: number } | { kind: 'delete'; index: number };

export interface ListEditorProps<T> {
  prompt: string;
  help?: string;
  items: readonly T[];
  /** One line for an item in the list. */
  renderItem(item: T, index: number): ReactNode;
  /**
   * The form to add (item undefined) or edit an item, going on from `kept` if it was left
   * unsaved; `done` gets the saved item, or (cancelled) what the form held, to keep.
   */
  renderForm(item: T | undefined, done: (saved?: T, kept?: Typed) => void, kept: KeptForm | undefined, form: FormContext): ReactNode;
  /** A form left unsaved at this question, and where to report one (undefined: nothing kept). */
  kept?: Typed;
  onKeep?(kept: Typed | undefined): void;
  onAdd(item: T): void;
  onReplace(index: number, item: T): void;
  onRemove(index: number): void;
  /** Tab: the list is finished. Return a sentence to refuse (e.g. "add at least one task"). */
  onDone(): string | undefined;
  onBack(): void;
  /** Shown under the list: a checklist, a count. */
  status?: ReactNode;
  /** Rows the list itself may take. */
  rows: number;
  /** Whether a listed item is the one just saved (default: the same object), to select it. */
  isSame?(listed: T, saved: T): boolean;
  noun: string;
  /** An item typed but not saved when the wizard was last closed, shown until one is saved. */
  leftover?: string;
  /** A form left unsaved when the wizard last closed (it is `kept` too): opened at once, filled in. */
  resumed?: KeptForm;
  /** Where the item being added will go among the items (default: at the end). */
  newPlace?: number;
  /** More keys while browsing (the timeline's "from a file"), shown in the footer with the rest. */
  moreKeys?: { hint: Hint; run(): void }[];
  /** Said on the add form of an empty list: another way to fill it (the timeline's files). */
  emptyTip?: string;
}

const BROWSE_HINTS: Hint[] = [
  { keys: 'add', does: 'add' },
  { keys: 'edit', does: 'edit' },
  { keys: 'delete', does: 'delete' },
  { keys: 'done', does: 'next' },
  { keys: 'back', does: 'back' },
];
const CONFIRM_HINTS: Hint[] = [
  { keys: 'yes', does: 'delete' },
  { keys: 'no', does: 'keep' },
];

/** What a list tells the form it opens: how an empty new item ends the list, which item it edits. */
export interface FormContext {
  /** Enter on an empty new item (undefined when editing). */
  onEmpty?: () => void;
  /** The item edited, by its place in the list (undefined for a new one). */
  editing?: number;
  /** A short screen: the form leaves out its blank rows. */
  dense?: boolean;
}

type Message = { text: string; tone: 'ok' | 'note' | 'error' } | undefined;
const TONE = { ok: theme.ok, note: theme.warn, error: theme.error } as const;

/**
 * A list answer (timeline, measures, tasks): browse with ↑↓, add, edit, delete after a
 * confirmation, Tab when finished. An empty list opens straight on the add form; after an
 * add, the form opens again for the next item until Esc.
 */
export function ListEditor<T>(props: ListEditorProps<T>) {
  const { items, rows, noun } = props;
  // An edit of an item that is no longer there goes on as a new item.
  const editsItem = (form: KeptForm | undefined) => form?.editing !== undefined && form.editing < items.length;
  const [mode, setMode, modeRef] = useRefState<Mode>(
    props.resumed ? (editsItem(props.resumed) ? { kind: 'edit', index: props.resumed.editing! } : { kind: 'add' }) : items.length === 0 ? { kind: 'add' } : { kind: 'browse' },
  );
  const [selected, setSelected, selectedRef] = useRefState(Math.max(0, items.length - 1));
  const [message, setMessage] = useState<Message>();
  // A new key for every form opened, so each starts empty instead of where the last one was.
  const [formKey, setFormKey] = useState(0);
  const open = (next: Mode) => {
    setFormKey((k) => k + 1);
    setMode(next);
  };
  // After an add or an edit the list re-sorts; the saved item is found again and selected.
  const justSaved = useRef<{ item: T } | undefined>(undefined);
  useEffect(() => {
    if (!justSaved.current) return;
    const same = props.isSame ?? ((a: T, b: T) => a === b);
    const index = items.findIndex((item) => same(item, justSaved.current!.item));
    if (index !== -1) setSelected(index);
    justSaved.current = undefined;
  }, [items]);
  const current = Math.min(selected, Math.max(0, items.length - 1));
  // A short screen (the documented minimum, 60×16): the open form keeps the rows it needs, the
  // checklist and the items around it wait for the list.
  const dense = useBodyRows() < 14;

  useKeys(
    (input, key) => {
      // Read the refs: keys that arrive together with the one that opened a form must not
      // be taken as list commands, and each ↑↓ must count.
      const mode = modeRef.current;
      const current = Math.min(selectedRef.current, Math.max(0, items.length - 1));
      if (mode.kind === 'add' || mode.kind === 'edit') return;
      if (mode.kind === 'delete') {
        if (is('yes', input, key)) {
          props.onRemove(mode.index);
          if (props.kept?.form?.editing !== undefined) props.onKeep?.(undefined);
          setMessage({ text: `Deleted the ${noun}.`, tone: 'ok' });
          setMode({ kind: 'browse' });
        } else if (is('no', input, key)) {
          setMode({ kind: 'browse' });
        }
        return;
      }
      setMessage(undefined);
      if (is('up', input, key)) setSelected(Math.max(0, current - 1));
      else if (is('down', input, key)) setSelected(Math.min(items.length - 1, current + 1));
      else if (is('pageUp', input, key)) setSelected(Math.max(0, current - rows));
      else if (is('pageDown', input, key)) setSelected(Math.min(items.length - 1, current + rows));
      else if (is('home', input, key)) setSelected(0);
      else if (is('end', input, key)) setSelected(items.length - 1);
      else if (is('add', input, key)) open({ kind: 'add' });
      else if (is('edit', input, key)) open(items.length ? { kind: 'edit', index: current } : { kind: 'add' });
      else if (is('delete', input, key) && items.length) setMode({ kind: 'delete', index: current });
      else if (is('done', input, key)) {
        const refusal = props.onDone();
        if (refusal) setMessage({ text: refusal, tone: 'error' });
      }
      else if (is('back', input, key)) props.onBack();
      else props.moreKeys?.find((more) => (Array.isArray(more.hint.keys) ? more.hint.keys : [more.hint.keys]).some((m) => is(m, input, key)))?.run();
    },
    { isActive: mode.kind === 'browse' || mode.kind === 'delete' },
  );
  const browseHints = props.moreKeys?.length ? [...BROWSE_HINTS.slice(0, 3), ...props.moreKeys.map((more) => more.hint), ...BROWSE_HINTS.slice(3)] : BROWSE_HINTS;
  useHints(mode.kind === 'delete' ? CONFIRM_HINTS : browseHints, mode.kind === 'browse' || mode.kind === 'delete');
  // "Added. Next task…" is said as the next form opens; once typing starts, it has been read.
  useKeys(() => setMessage(undefined), { isActive: (mode.kind === 'add' || mode.kind === 'edit') && message?.tone === 'ok' });

  const resumedHere = props.resumed && props.kept?.form === props.resumed && mode.kind !== 'browse' && mode.kind !== 'delete';
  const leftover = !props.leftover ? null : resumedHere ? (
    <Text color={theme.warn}>
      Not saved when the wizard closed: {editsItem(props.resumed) ? `your edit of ${noun} ${props.resumed!.editing! + 1}` : `a new ${noun}`}, opened again as you left it.
    </Text>
  ) : (
    <Text color={theme.warn}>Not saved when the wizard closed: {props.leftover}</Text>
  );

  if (mode.kind === 'add' || mode.kind === 'edit') {
    const editing = mode.kind === 'edit' ? items[mode.index] : undefined;
    const editingIndex = mode.kind === 'edit' ? mode.index : undefined;
    const form = props.kept?.form;
    const keptForm = form && (form.editing === editingIndex || (editingIndex === undefined && !editsItem(form))) ? form : undefined;
    // Enter on an empty new item: the list is finished (or the rubric says what it still needs).
    const onEmpty = mode.kind === 'add'
      ? () => {
          const refusal = props.onDone();
          setMessage(refusal ? { text: refusal, tone: 'error' } : undefined);
        }
      : undefined;
    return (
      <Box flexDirection="column">
        <Text bold>{props.prompt}</Text>
        {dense ? null : props.status}
        {leftover}
        {keptForm && !resumedHere ? <Text color={theme.warn}>Opened as you left it, not saved yet (Ctrl+U clears a field).</Text> : null}
        {mode.kind === 'add' && !dense ? <ItemsAround items={items} place={Math.min(props.newPlace ?? items.length, items.length)} rows={Math.min(4, rows - 6)} renderItem={props.renderItem} noun={noun} /> : null}
        {mode.kind === 'add' && !message && !dense ? <Text color={theme.muted}>Enter on an empty {noun} finishes the list.{items.length === 0 && props.emptyTip ? ` ${props.emptyTip}` : ''}</Text> : null}
        <Box marginTop={dense ? 0 : 1} key={formKey}>
          {props.renderForm(editing, (saved, kept) => {
            if (saved === undefined) {
              // Cancelled: what it held is kept for the next time this form opens (Esc never loses
              // text), and the list says so rather than bring it back unannounced.
              if (kept?.form) props.onKeep?.({ ...kept, form: { ...kept.form, editing: editingIndex } });
              else if (keptForm) props.onKeep?.(undefined);
              setMessage(
                !kept?.form
                  ? undefined
                  : editingIndex !== undefined
                    ? { text: `Not saved: your changes to ${noun} ${editingIndex + 1} are kept for when you open it again (e).`, tone: 'note' }
                    : { text: `Not saved: the new ${noun} you started is kept for when you add one (a).`, tone: 'note' },
              );
              setMode({ kind: 'browse' });
              return;
            }
            // Saved: its kept form goes, and so does a kept edit form whose item may have moved.
            if (keptForm || props.kept?.form?.editing !== undefined) props.onKeep?.(undefined);
            justSaved.current = { item: saved };
            if (mode.kind === 'edit') {
              props.onReplace(mode.index, saved);
              setMessage({ text: `Saved the ${noun}.`, tone: 'ok' });
              setMode({ kind: 'browse' });
            } else {
              props.onAdd(saved);
              setMessage({ text: `Added. Next ${noun}, or Enter on an empty one to finish.`, tone: 'ok' });
              open({ kind: 'add' });
            }
          }, keptForm, { onEmpty, editing: editingIndex, dense })}
        </Box>
        {message ? <Text color={TONE[message.tone]}>{message.text}</Text> : null}
      </Box>
    );
  }

  const { start, end } = windowAround(items.length, current, rows);
  return (
    <Box flexDirection="column">
      <Text bold>{props.prompt}</Text>
      {props.help ? <Text color={theme.muted}>{props.help}</Text> : null}
      {leftover}
      <Box flexDirection="column" marginTop={1}>
        {items.length === 0 ? <Text color={theme.muted}>No {plural(noun)} yet: press a to add one.</Text> : null}
        {start > 0 ? <Text color={theme.muted}>  ↑ {start} more</Text> : null}
        {items.slice(start, end).map((item, i) => {
          const index = start + i;
          const active = index === current;
          return (
            <Box key={index}>
              <Text color={active ? theme.accent : undefined}>{active ? '› ' : '  '}</Text>
              <Box flexShrink={1}>{props.renderItem(item, index)}</Box>
            </Box>
          );
        })}
        {end < items.length ? <Text color={theme.muted}>  ↓ {items.length - end} more</Text> : null}
      </Box>
      {props.status ? <Box marginTop={1}>{props.status}</Box> : null}
      {mode.kind === 'delete' ? <Text color={theme.warn}>Delete this {noun}? y/n</Text> : null}
      {message ? <Text color={TONE[message.tone]}>{message.text}</Text> : null}
    </Box>
  );
}

/** "entries", "tasks", "misleading paths". */
function plural(noun: string): string {
  return noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/** While adding: the last few items, with the new one's place among them ("+ new entry"). */
function ItemsAround<T>({ items, place, rows, renderItem, noun }: { items: readonly T[]; place: number; rows: number; renderItem(item: T, index: number): ReactNode; noun: string }) {
  if (rows < 1 || items.length === 0) return null;
  // The new item's row and up to rows-1 items around it, most of them before it.
  const after = Math.min(items.length - place, Math.floor((rows - 1) / 3));
  const start = Math.max(0, place - (rows - 1 - after));
  const end = Math.min(items.length, place + after);
  return (
    <Box flexDirection="column" marginTop={1}>
      {start > 0 ? <Text color={theme.muted}>  ↑ {start} more</Text> : null}
      {items.slice(start, place).map((item, i) => (
        <Box key={start + i}>
          <Text>{'  '}</Text>
          <Box flexShrink={1}>{renderItem(item, start + i)}</Box>
        </Box>
      ))}
      <Text color={theme.accent}>› + new {noun} ({place + 1} of {items.length + 1})</Text>
      {items.slice(place, end).map((item, i) => (
        <Box key={place + i}>
          <Text>{'  '}</Text>
          <Box flexShrink={1}>{renderItem(item, place + i)}</Box>
        </Box>
      ))}
      {end < items.length ? <Text color={theme.muted}>  ↓ {items.length - end} more</Text> : null}
    </Box>
  );
}
