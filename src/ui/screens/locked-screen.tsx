import { Box } from 'ink';
import { Text } from '../components/text.js';
import { useState } from 'react';
import { Choice } from '../components/choice.js';
import { useHints } from '../hints-context.js';
import { useKeys } from '../input-focus.js';
import { is } from '../keymap.js';
import { theme } from '../theme.js';

export type LockedChoice = 'readOnly' | 'takeOver' | 'quit';

export interface LockedScreenProps {
  file: string;
  /** Who has it, in words: "process 4242 on build-box, since 14:02 today". */
  owner: string;
  /** The owner cannot be verified from here (another machine, no start time): it may be taken over. */
  canTakeOver: boolean;
  onChoose(choice: LockedChoice): void;
}

/** The draft is open in another wizard: look at it without changing it, take it over (after a y), or leave. */
export function LockedScreen({ file, owner, canTakeOver, onChoose }: LockedScreenProps) {
  const [confirming, setConfirming] = useState(false);
  const [asked, setAsked] = useState(false);
  return (
    <Box flexDirection="column">
      <Text color={theme.warn}>{file} is open in another postmortem-wizard ({owner}).</Text>
      <Text color={theme.muted}>Two wizards on one draft would write over each other's answers.</Text>
      {canTakeOver ? <Text color={theme.muted}>That wizard cannot be checked from here: it may have ended without letting go.</Text> : null}
      <Text> </Text>
      {confirming ? (
        <ConfirmTakeOver
          file={file}
          owner={owner}
          onAnswer={(yes) => {
            if (yes) onChoose('takeOver');
            setConfirming(false);
            setAsked(true);
          }}
        />
      ) : (
        <Choice<LockedChoice>
          items={[
            { label: 'Open it read-only: see the answers and the README, change nothing', value: 'readOnly' },
            ...(canTakeOver ? [{ label: 'Take it over: edit it here; the other wizard can no longer save', value: 'takeOver' as const }] : []),
            { label: 'Quit', value: 'quit' },
          ]}
          // Back from the question (n), the highlight stays on "Take it over".
          initial={canTakeOver && asked ? 'takeOver' : undefined}
          onSelect={(choice) => (choice === 'takeOver' ? setConfirming(true) : onChoose(choice))}
          onBack={() => onChoose('quit')}
        />
      )}
    </Box>
  );
}

/** y/n before taking a draft from a wizard that may still be running (its own component: its keys and hints come and go with it). */
function ConfirmTakeOver({ file, owner, onAnswer }: { file: string; owner: string; onAnswer(yes: boolean): void }) {
  useKeys((input, key) => {
    if (is('yes', input, key)) onAnswer(true);
    else if (is('no', input, key)) onAnswer(false);
  });
  useHints([{ keys: 'yes', does: 'take it over' }, { keys: 'no', does: 'keep it theirs' }]);
  return <Text>Take {file} over? The other wizard ({owner}) may still be running; its later saves would be refused. (y/n)</Text>;
}
