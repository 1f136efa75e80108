import { Box } from 'ink';
import { Text } from './text.js';
import { useKeys } from '../input-focus.js';
import { useHints } from '../hints-context.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { is } from '../keymap.js';
import { windowAround } from '../scroll-window.js';
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
  /** Rows to show at most; a longer list scrolls. */
  limit?: number;
  /**
   * A letter picks the item whose label starts with it (`r` → Resolution); where several do,
   * it moves to the next of them. j and k still move where no label starts with them.
   */
  pickByLetter?: boolean;
  /** No blank row under the prompt (a short screen). */
  dense?: boolean;
}

/** What a letter does in a list picked by letter: pick an item, move to one, or nothing. */
export function letterTarget(labels: readonly string[], letter: string, current: number): { pick: number } | { move: number } | undefined {
  if (!/^\p{L}$/u.test(letter)) return undefined;
  const lower = letter.toLocaleLowerCase();
  const matches = labels.flatMap((label, i) => (label.trimStart().charAt(0).toLocaleLowerCase() === lower ? [i] : []));
  if (matches.length === 0) return undefined;
  if (matches.length === 1) return { pick: matches[0]! };
  return { move: matches.find((i) => i > current) ?? matches[0]! };
}

/**
 * A pick-one list: ↑↓ (or j/k), Home/End, a digit to jump, Enter to pick, Esc to go back.
 * The highlighted row lives in a ref, so keys arriving together all count.
 */
export function Choice<V>({ prompt, help, items, initial, onSelect, onBack, isActive = true, limit, pickByLetter = false, dense = false }: ChoiceProps<V>) {
  const [selected, setSelected, selectedRef] = useRefState(() => Math.max(0, items.findIndex((item) => item.value === initial)));
  useKeys(
    (input, key) => {
      const current = Math.min(selectedRef.current, items.length - 1);
      const byLetter = pickByLetter && !key.ctrl && !key.meta ? letterTarget(items.map((item) => item.label), input, current) : undefined;
      if (byLetter && 'pick' in byLetter) {
        setSelected(byLetter.pick);
        onSelect(items[byLetter.pick]!.value);
      } else if (byLetter) setSelected(byLetter.move);
      else if (is('back', input, key)) onBack?.();
      else if (is('up', input, key) || input === 'k') setSelected(current === 0 ? items.length - 1 : current - 1);
      else if (is('down', input, key) || input === 'j') setSelected(current === items.length - 1 ? 0 : current + 1);
      else if (is('home', input, key)) setSelected(0);
      else if (is('end', input, key)) setSelected(items.length - 1);
      else if (/^[1-9]$/.test(input) && Number(input) <= items.length) setSelected(Number(input) - 1);
      else if (is('submit', input, key) && items[current]) onSelect(items[current].value);
    },
    { isActive },
  );
  useHints(
    [
      { keys: ['up', 'down'], does: 'choose' },
      { keys: 'submit', does: 'pick' },
      ...(pickByLetter ? [{ keys: 'letter' as const, does: 'pick' }] : []),
      ...(onBack ? [{ keys: 'back' as const, does: 'back' }] : []),
    ],
    isActive,
  );
  const rows = limit ?? items.length;
  const { start, end } = windowAround(items.length, selected, rows);
  return (
    <Box flexDirection="column">
      {prompt ? <Text bold>{prompt}</Text> : null}
      {help ? <Text color={theme.muted}>{help}</Text> : null}
      <Box flexDirection="column" marginTop={prompt && !dense ? 1 : 0}>
        {start > 0 ? <Text color={theme.muted}>  ↑ {start} more</Text> : null}
        {items.slice(start, end).map((item, i) => {
          const active = start + i === selected;
          return (
            <Box key={start + i}>
              <Box width={2} flexShrink={0}>
                <Text color={theme.accent}>{active ? '❯' : ' '}</Text>
              </Box>
              <Text color={active ? theme.accent : undefined} wrap="truncate-end">
                {pickByLetter ? <Text underline>{item.label.charAt(0)}</Text> : null}
                {pickByLetter ? item.label.slice(1) : item.label}
              </Text>
            </Box>
          );
        })}
        {end < items.length ? <Text color={theme.muted}>  ↓ {items.length - end} more</Text> : null}
      </Box>
    </Box>
  );
}
