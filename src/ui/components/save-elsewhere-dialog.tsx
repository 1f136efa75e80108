import { Box } from 'ink';
import { Text } from './text.js';
import { useState } from 'react';
import { checkNewPath, shortPath, suggestElsewhere } from '../../store/drafts.js';
import { theme } from '../theme.js';
import { FieldPrompt } from './field-prompt.js';
import { InsetWidth } from './frame.js';

export interface SaveElsewhereProps {
  /** The draft's file now. */
  path: string;
  /** Why it could not be saved there, when it could not. */
  reason?: string;
  /** Saves the answers to `path` and makes it the draft; resolves with why not, if it failed. */
  onSave(path: string): Promise<string | undefined>;
  onCancel(): void;
}

/** Asks for another file for the draft; the answers stay in memory until one can be written. */
export function SaveElsewhereDialog({ path, reason, onSave, onCancel }: SaveElsewhereProps) {
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.warn} paddingX={1}>
      {reason ? <Text color={theme.error}>{shortPath(path)} cannot be saved: {reason}.</Text> : null}
      <InsetWidth by={4}>
      <FieldPrompt
        prompt="Save the draft to another file:"
        help="A new file; the draft is saved there from now on."
        initial={suggestElsewhere(path)}
        parse={(text) => checkNewPath(text)}
        onAccept={(target) => {
          if (busy) return;
          setBusy(true);
          void onSave(target as string).then((why) => {
            setBusy(false);
            setFailure(why);
          });
        }}
        onBack={onCancel}
      />
      </InsetWidth>
      {failure ? <Text color={theme.error}>✗ Not saved there either: {failure}. Try another folder.</Text> : null}
    </Box>
  );
}
