import { Box } from 'ink';
import { Text } from './text.js';
import { splitAtCursor, type EditState } from '../text-edit.js';
import { textWindow } from '../text-layout.js';
import { stylesOff, theme } from '../theme.js';
import { useContentWidth } from './frame.js';

const PREFIX = 2;

/**
 * Draws a field's text with an inverse block for the cursor. Text is wrapped at words to the
 * screen's width here, not by the layout engine, so however long it is (a 100 KB paste) only a
 * window of rows around the cursor is drawn and the frame never outgrows the terminal.
 */
export function TextBox({ state, multiline, maxLines = 8, placeholder, placeholderIs = 'example' }: { state: EditState; multiline: boolean; maxLines?: number; placeholder?: string; placeholderIs?: 'default' | 'example' }) {
  const width = useContentWidth();
  if (state.text === '' && placeholder && !multiline) {
    // Without styles a dim placeholder would read as an answer: it is said in words instead.
    if (stylesOff()) {
      return (
        <Text wrap="truncate-end">
          {'›  '}({placeholderIs === 'default' ? 'default' : 'e.g.'}: {placeholder})
        </Text>
      );
    }
    // The cursor on its first character, the rest dim: typing replaces it all.
    const first = splitAtCursor(placeholder, 0).at;
    return (
      <Text wrap="truncate-end">
        <Text color={theme.accent}>› </Text>
        <Text inverse dimColor>{first}</Text>
        <Text color={theme.muted} dimColor>{placeholder.slice(first.length)}</Text>
      </Text>
    );
  }
  // One column is kept for the cursor block at the end of a full row.
  const view = textWindow(state.text, state.cursor, width - PREFIX - 1, multiline ? maxLines : Math.min(maxLines, 4));
  return (
    <Box flexDirection="column">
      {view.hiddenBefore ? <Text color={theme.muted}>  ↑ more above</Text> : null}
      {view.rows.map((row, i) => {
        const text = state.text.slice(row.start, row.end);
        const firstRowOfText = row.start === 0;
        const prefix = <Text color={theme.accent}>{firstRowOfText ? '› ' : '  '}</Text>;
        if (i !== view.cursorRow) {
          return (
            <Text key={row.start} wrap="truncate-end">
              {prefix}
              {text === '' ? ' ' : text}
            </Text>
          );
        }
        // The grapheme under the cursor (an emoji stays whole); at a line's end, a blank block.
        const { at } = splitAtCursor(state.text, state.cursor);
        const atEnd = at === '' || at === '\n';
        return (
          <Text key={row.start} wrap="truncate-end">
            {prefix}
            {text.slice(0, state.cursor - row.start)}
            <Text inverse>{atEnd ? ' ' : at}</Text>
            {state.text.slice(state.cursor + (atEnd ? 0 : at.length), Math.max(row.end, state.cursor))}
          </Text>
        );
      })}
      {view.hiddenAfter ? <Text color={theme.muted}>  ↓ more below</Text> : null}
    </Box>
  );
}
