import { Box } from 'ink';
import { Text } from '../components/text.js';
import { useHints } from '../hints-context.js';
import { useKeys } from '../input-focus.js';
import { is } from '../keymap.js';
import { theme } from '../theme.js';

/* The small screens around the pick list: reading the file, and its y/n questions. */

/** The file being read, with how far it has got; Esc stops. */
export function Reading({ phase, onStop }: { phase: { path: string; done: number; total: number }; onStop(): void }) {
  useKeys((input, key) => {
    if (is('back', input, key)) onStop();
  });
  useHints([{ keys: 'back', does: 'stop reading' }]);
  const size = phase.total ? ` ${Math.floor((phase.done / phase.total) * 100)}% of ${megabytes(phase.total)}` : '';
  return <Text color={theme.muted}>Reading {phase.path}…{size}</Text>;
}

function megabytes(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
}

/** A y/n question; Esc goes back without an answer. */
export function YesNo({ question, yes, onAnswer, onBack }: { question: string; yes: string; onAnswer(yes: boolean): void; onBack(): void }) {
  useKeys((input, key) => {
    if (is('back', input, key)) onBack();
    else if (is('yes', input, key)) onAnswer(true);
    else if (is('no', input, key)) onAnswer(false);
  });
  useHints([
    { keys: 'yes', does: yes },
    { keys: 'no', does: 'back to the list' },
  ]);
  return <Text bold>{question} y/n</Text>;
}

/** How many of the rests are shown, each on a line of its own (cut at the screen's edge). */
const RESTS_SHOWN = 5;

export function RestQuestion({ rests, onAnswer, onBack }: { rests: readonly string[]; onAnswer(yes: boolean): void; onBack(): void }) {
  const count = rests.length;
  // Esc goes back to the list (n answers no): nothing is added by leaving the question.
  useKeys((input, key) => {
    if (is('back', input, key)) onBack();
    else if (is('yes', input, key)) onAnswer(true);
    else if (is('no', input, key)) onAnswer(false);
  });
  useHints([
    { keys: 'yes', does: 'add to root cause' },
    { keys: 'no', does: 'leave out' },
    { keys: 'back', does: 'back to the list' },
  ]);
  return (
    <Box flexDirection="column">
      <Text bold>
        {count} of the ticked messages {count === 1 ? 'goes' : 'go'} on past {count === 1 ? 'its' : 'their'} first sentence, which became the entry.
      </Text>
      <Box flexDirection="column" marginY={1}>
        {rests.slice(0, RESTS_SHOWN).map((rest, i) => (
          <Text key={i} color={theme.muted} wrap="truncate-end">
            {'  \u201c'}{rest.replace(/\s+/g, ' ')}{'\u201d'}
          </Text>
        ))}
        {count > RESTS_SHOWN ? <Text color={theme.muted}>  and {count - RESTS_SHOWN} more</Text> : null}
      </Box>
      <Text>Add {count === 1 ? 'it' : 'them'} to the root cause text, to edit there? y/n</Text>
    </Box>
  );
}
