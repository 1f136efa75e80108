import { Box } from 'ink';
import { Text } from './text.js';
import { useState } from 'react';
import type { Parsed } from '../../wizard/answers.js';
import type { KeptForm, Typed } from '../../wizard/reducer.js';
import { theme } from '../theme.js';
import { Choice, type ChoiceItem } from './choice.js';
import { FieldPrompt } from './field-prompt.js';

export type FormValues = Record<string, unknown>;

export type FormField =
  | {
      key: string;
      kind: 'text';
      prompt: string;
      help?: string;
      placeholder?: string;
      /** The text the field starts with, from the item being edited. */
      initial(values: FormValues): string;
      parse(text: string, values: FormValues): Parsed & { warning?: string };
      suggest?(text: string): string[];
    }
  | {
      key: string;
      kind: 'choice';
      prompt: string;
      items: ChoiceItem<string>[];
      /** The item offered first when none was picked yet (the kind most likely next). */
      preselect?(values: FormValues): string | undefined;
    };

export interface FormSequenceProps {
  title: string;
  fields: FormField[];
  initial: FormValues;
  /** The form as it was left unsaved last time, to go on from. */
  kept?: KeptForm;
  onSave(values: FormValues): void;
  /** Esc on the first field; told what the form holds, if anything differs from the item, to keep it. */
  onCancel(kept?: Typed): void;
  /**
   * Told, as it changes, what the form holds that is not saved yet, in one line ("14:05 ·
   * Action · Rolled back the deploy"); empty when nothing was typed or the form closed. The
   * wizard keeps it if it is closed mid-form.
   */
  onTyping?(summary: string, form?: KeptForm): void;
  /**
   * Enter on the first field while the whole form is empty: a new item left empty ends the
   * list. Without it, the field's own check answers (e.g. "Type the time").
   */
  onEmpty?(): void;
  /** Told the form's values as they change (confirmed values, and the field's text as typed). */
  onValues?(values: FormValues): void;
  /** A short screen: no blank rows. */
  dense?: boolean;
}

/** The form's values in one line, the field being typed included; empty if no text is in it. */
export function summarizeForm(fields: FormField[], values: FormValues): string {
  const typed = fields.some((field) => field.kind === 'text' && String(values[field.key] ?? '').trim() !== '');
  if (!typed) return '';
  return fields
    .map((field) => {
      const value = values[field.key];
      if (value === undefined || value === null || String(value).trim() === '') return '';
      return field.kind === 'choice' ? (field.items.find((item) => item.value === value)?.label ?? String(value)) : String(value).trim();
    })
    .filter(Boolean)
    .join(' · ');
}

/**
 * A small form asked one field at a time (a timeline entry: time, kind, sentence). Enter
 * goes to the next field, Esc to the previous one, and from the first field cancels.
 */
export function FormSequence({ title, fields, initial, kept, onSave, onCancel, onTyping, onEmpty, onValues, dense }: FormSequenceProps) {
  const [index, setIndex] = useState(() => Math.min(kept?.field ?? 0, fields.length - 1));
  const [values, setValues] = useState<FormValues>(kept?.values ?? initial);
  // Text typed in a field and left with Esc (to the previous field), shown again on return.
  const [texts, setTexts] = useState<Record<string, string>>(kept?.texts ?? {});
  // Choices the form offered (the kind most likely) rather than the person picked: offered again
  // when the field before changes; a pick, or a form kept from before, is left as it is.
  const [offered, setOffered] = useState<Record<string, unknown>>(() =>
    kept ? {} : Object.fromEntries(fields.filter((f) => f.kind === 'choice' && f.preselect).map((f) => [f.key, initial[f.key]])),
  );
  const field = fields[index]!;
  // Only what differs from the item as it was counts as unsaved.
  const unchanged = summarizeForm(fields, initial);
  const tell = (confirmed: FormValues, typed: Record<string, string>, at: number) => {
    const current = { ...confirmed, ...typed };
    onValues?.(current);
    const summary = summarizeForm(fields, current);
    if (summary === unchanged) onTyping?.('');
    else onTyping?.(summary, { field: at, values: confirmed, texts: typed });
  };
  // Nothing typed anywhere in the form (a kind offered is not typed).
  const emptyForm = (text: string) => summarizeForm(fields, { ...values, ...texts, [field.key]: text }) === '';

  const accept = (value: unknown) => {
    const next = { ...values, [field.key]: value };
    if (field.kind === 'choice' && field.key in offered) {
      const { [field.key]: _picked, ...others } = offered;
      setOffered(others);
    }
    setValues(next);
    const { [field.key]: _confirmed, ...rest } = texts;
    setTexts(rest);
    if (index === fields.length - 1) {
      onTyping?.('');
      onSave(next);
    } else {
      // A pick list after this field offers the item most likely now (the kind, once the time is known).
      const following = fields[index + 1]!;
      const mayOffer = following.kind === 'choice' && following.preselect && (next[following.key] === undefined || next[following.key] === offered[following.key]);
      const offer = mayOffer && following.kind === 'choice' ? following.preselect?.(next) : undefined;
      if (offer !== undefined) {
        next[following.key] = offer;
        setOffered({ ...offered, [following.key]: offer });
      }
      tell(next, rest, index + 1);
      setIndex(index + 1);
    }
  };
  const back = (text?: string) => {
    const nextTexts = text === undefined ? texts : { ...texts, [field.key]: text };
    if (index > 0) {
      setTexts(nextTexts);
      return setIndex(index - 1);
    }
    // Leaving the form: what it holds is kept (and stays unsaved-but-kept for a quit), unless nothing changed.
    const summary = summarizeForm(fields, { ...values, ...nextTexts });
    if (summary === '' || summary === unchanged) {
      onTyping?.('');
      return onCancel();
    }
    onTyping?.(summary, { field: 0, values, texts: nextTexts });
    onCancel({ text: summary, form: { field: 0, values, texts: nextTexts } });
  };

  return (
    <Box flexDirection="column">
      <Text color={theme.accent}>
        {title} · {index + 1}/{fields.length}
      </Text>
      {field.kind === 'choice' ? (
        <Choice
          key={field.key}
          prompt={field.prompt}
          items={field.items}
          initial={(values[field.key] as string | undefined) ?? field.preselect?.(values)}
          pickByLetter
          dense={dense}
          onSelect={accept}
          onBack={() => back()}
        />
      ) : (
        <FieldPrompt
          key={field.key}
          prompt={field.prompt}
          help={field.help}
          placeholder={field.placeholder}
          initial={texts[field.key] ?? field.initial(values)}
          parse={(text) => field.parse(text, values)}
          suggest={field.suggest}
          onChange={onTyping || onValues ? (text) => tell(values, { ...texts, [field.key]: text }, index) : undefined}
          onEmptySubmit={onEmpty && index === 0 ? (text) => (emptyForm(text) ? (onEmpty(), true) : false) : undefined}
          emptySubmitDoes={onEmpty && index === 0 && emptyForm('') ? 'finish list' : undefined}
          onAccept={accept}
          onBack={(text) => back(text)}
        />
      )}
    </Box>
  );
}
