import { Box, Text } from 'ink';
import { Choice } from '../components/choice.js';
import { theme } from '../theme.js';

export type LockedChoice = 'readOnly' | 'quit';

/** The draft is open in another wizard: look at it without changing it, or leave. */
export function LockedScreen({ file, owner, onChoose }: { file: string; owner: string; onChoose(choice: LockedChoice): void }) {
  return (
    <Box flexDirection="column">
      <Text color={theme.warn}>{file} is open in another postmortem-wizard ({owner}).</Text>
      <Text color={theme.muted}>Two wizards on one draft would write over each other's answers.</Text>
      <Text> </Text>
      <Choice<LockedChoice>
        items={[
          { label: 'Open it read-only: see the answers and the README, change nothing', value: 'readOnly' },
          { label: 'Quit', value: 'quit' },
        ]}
        onSelect={onChoose}
        onBack={() => onChoose('quit')}
      />
    </Box>
  );
}
