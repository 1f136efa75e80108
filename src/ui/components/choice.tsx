import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { useHints } from '../hints-context.js';
import { is } from '../keymap.js';
import { theme } from '../theme.js';

export interface ChoiceItem<V> {
  label: string;
  value: V;
}

export interface ChoiceProps<V> {
  prompt?: string;
  help?: string;
  items: ChoiceItem<V>[];
  initial?: V;
  onSelect(value: V): void;
  onBack?(): void;
  isActive?: boolean;
  limit?: number;
}

/** The pointer keeps its width however long the label is. */
function ChoiceIndicator({ isSelected = false }: { isSelected?: boolean }) {
  return (
    <Box marginRight={1} flexShrink={0}>
      <Text color={theme.accent}>{isSelected ? '❯' : ' '}</Text>
    </Box>
  );
}

/** One line per choice: a long label is cut at the edge instead of breaking the list's layout. */
function ChoiceLabel({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
  return (
    <Text color={isSelected ? theme.accent : undefined} wrap="truncate-end">
      {label}
    </Text>
  );
}

/** A pick-one list (↑↓ or j/k, Enter); Esc goes back. */
export function Choice<V>({ prompt, help, items, initial, onSelect, onBack, isActive = true, limit }: ChoiceProps<V>) {
  useInput(
    (input, key) => {
      if (is('back', input, key)) onBack?.();
    },
    { isActive },
  );
  useHints(
    [
      { keys: ['up', 'down'], does: 'choose' },
      { keys: 'submit', does: 'pick' },
      ...(onBack ? [{ keys: 'back' as const, does: 'back' }] : []),
    ],
    isActive,
  );
  const initialIndex = Math.max(0, items.findIndex((item) => item.value === initial));
  return (
    <Box flexDirection="column">
      {prompt ? <Text bold>{prompt}</Text> : null}
      {help ? <Text color={theme.muted}>{help}</Text> : null}
      <Box marginTop={prompt ? 1 : 0}>
        <SelectInput
          items={items.map((item, index) => ({ key: String(index), label: item.label, value: index }))}
          initialIndex={initialIndex}
          isFocused={isActive}
          limit={limit}
          onSelect={(item) => onSelect(items[item.value]!.value)}
          itemComponent={ChoiceLabel}
          indicatorComponent={ChoiceIndicator}
        />
      </Box>
    </Box>
  );
}
