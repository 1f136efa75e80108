import { Box, Text } from 'ink';
import { splitAtCursor, type EditState } from '../text-edit.js';
import { theme } from '../theme.js';

/** Draws a field's text with an inverse block for the cursor; long text shows a window of lines. */
export function TextBox({ state, multiline, maxLines = 8, placeholder }: { state: EditState; multiline: boolean; maxLines?: number; placeholder?: string }) {
  const { before, at, after } = splitAtCursor(state.text, state.cursor);
  if (!multiline) {
    if (state.text === '' && placeholder) {
      return (
        <Text>
          <Text color={theme.accent}>› </Text>
          <Text inverse> </Text>
          <Text color={theme.muted}>{placeholder}</Text>
        </Text>
      );
    }
    return (
      <Box>
        <Text color={theme.accent}>› </Text>
        <Box flexShrink={1}>
          <Text>
            {before}
            <Text inverse>{at === '' ? ' ' : at}</Text>
            {after}
          </Text>
        </Box>
      </Box>
    );
  }
  const lines = state.text.split('\n');
  const cursorLine = before.split('\n').length - 1;
  const column = before.length - (before.lastIndexOf('\n') + 1);
  const first = Math.max(0, Math.min(cursorLine - Math.floor(maxLines / 2), lines.length - maxLines));
  const hiddenAfter = Math.max(0, lines.length - first - maxLines);
  const under = at === '' || at === '\n' ? ' ' : at;
  return (
    <Box flexDirection="column">
      {first > 0 ? <Text color={theme.muted}>  ↑ {first} more line{first === 1 ? '' : 's'}</Text> : null}
      {lines.slice(first, first + maxLines).map((line, i) => {
        const number = first + i;
        const prefix = <Text color={theme.accent}>{number === 0 ? '› ' : '  '}</Text>;
        const atEnd = at === '' || at === '\n';
        // The prefix is its own column, so a wrapped line stays indented under the text.
        return (
          <Box key={number} minHeight={1}>
            {prefix}
            <Box flexShrink={1}>
              {number !== cursorLine ? (
                <Text>{line === '' ? ' ' : line}</Text>
              ) : (
                <Text>
                  {line.slice(0, column)}
                  <Text inverse>{under}</Text>
                  {line.slice(column + (atEnd ? 0 : at.length))}
                </Text>
              )}
            </Box>
          </Box>
        );
      })}
      {hiddenAfter > 0 ? <Text color={theme.muted}>  ↓ {hiddenAfter} more line{hiddenAfter === 1 ? '' : 's'}</Text> : null}
    </Box>
  );
}
