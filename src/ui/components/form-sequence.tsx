import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Parsed } from '../../wizard/answers.js';
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
    };

export interface FormSequenceProps {
  title: string;
  fields: FormField[];
  initial: FormValues;
  onSave(values: FormValues): void;
  onCancel(): void;
}

/**
 * A small form asked one field at a time (a timeline entry: time, kind, sentence). Enter
 * goes to the next field, Esc to the previous one, and from the first field cancels.
 */
export function FormSequence({ title, fields, initial, onSave, onCancel }: FormSequenceProps) {
  const [index, setIndex] = useState(0);
  const [values, setValues] = useState<FormValues>(initial);
  const field = fields[index]!;

  const accept = (value: unknown) => {
    const next = { ...values, [field.key]: value };
    setValues(next);
    if (index === fields.length - 1) onSave(next);
    else setIndex(index + 1);
  };
  const back = () => (index === 0 ? onCancel() : setIndex(index - 1));

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
          initial={values[field.key] as string | undefined}
          onSelect={accept}
          onBack={back}
        />
      ) : (
        <FieldPrompt
          key={field.key}
          prompt={field.prompt}
          help={field.help}
          placeholder={field.placeholder}
          initial={field.initial(values)}
          parse={(text) => field.parse(text, values)}
          suggest={field.suggest}
          onAccept={accept}
          onBack={back}
        />
      )}
    </Box>
  );
}
