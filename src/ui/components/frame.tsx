import { Box } from 'ink';
import { Text } from './text.js';
import { createContext, useContext, type ReactNode } from 'react';
import { useCurrentHints } from '../hints-context.js';
import { describeHint, type Hint } from '../keymap.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useSaveStatus } from '../session-context.js';
import type { SaveStatus } from '../../store/draft-session.js';
import stringWidth from 'string-width';
import { MAX_COLUMNS, MIN_COLUMNS, MIN_ROWS, theme } from '../theme.js';

/** The footer's save status: its words and colour (none before the first save). */
function badgeOf(status: SaveStatus): { text: string; color: string } | undefined {
  switch (status.state) {
    case 'saving':
      return { text: 'saving…', color: theme.muted };
    case 'saved':
      return { text: '✓ saved', color: theme.ok };
    case 'failed':
      return { text: `✗ not saved: ${status.reason}`, color: theme.error };
    case 'conflict':
      return { text: '! changed outside', color: theme.warn };
    case 'readOnly':
      return { text: 'read-only', color: theme.warn };
    default:
      return undefined;
  }
}

/**
 * The footer's keys in the room beside the save status: spaced out when there is room, closer
 * together (and "save & quit" said as "quit") on a narrow window, so they stay on one line.
 */
export function fitHints(hints: Hint[], room: number): string {
  const described = hints.map(describeHint);
  const compact = described.map((text) => text.replace(/ save & quit$/, ' quit'));
  const tries = [described.join(' · '), described.join('  '), compact.join('  '), described.join(' '), compact.join(' ')];
  return tries.find((text) => stringWidth(text) <= room) ?? tries.at(-1)!;
}

/** Columns the screen's content may use; a box with a border inside it gives less to its children. */
const ContentWidth = createContext(80);

export function useContentWidth(): number {
  return useContext(ContentWidth);
}

/** For content drawn inside a border or padding `by` columns wide in all. */
export function InsetWidth({ by, children }: { by: number; children: ReactNode }) {
  const width = useContentWidth();
  return <ContentWidth.Provider value={Math.max(10, width - by)}>{children}</ContentWidth.Provider>;
}

export interface FrameProps {
  /** Where the person is: "Issue summary · 2/6". */
  place?: string;
  /** The draft's file name, shown in the header. */
  file?: string;
  children: ReactNode;
}

/** Header, body and a footer with the keys that work on this screen and the save status. */
export function Frame({ place, file, children }: FrameProps) {
  const hints = useCurrentHints();
  const badge = badgeOf(useSaveStatus());
  const { columns, rows } = useTerminalSize();
  const width = Math.max(20, Math.min(columns - 1, MAX_COLUMNS));
  // Too small to draw: a message instead, with the screen kept mounted (hidden, still taking
  // keys), so what was typed, the cursor and a list's open form are there when it grows again.
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const rule = '─'.repeat(width);
  return (
    <>
      {tooSmall ? (
        <Box flexDirection="column">
          <Text color={theme.warn}>Make the window larger: at least {MIN_COLUMNS}×{MIN_ROWS} (now {columns}×{rows}).</Text>
          <Text color={theme.muted}>Your answers are kept; Ctrl+C saves and quits.</Text>
        </Box>
      ) : null}
      <Box flexDirection="column" width={width} display={tooSmall ? 'none' : 'flex'}>
        <Box justifyContent="space-between">
          <Text>
            <Text bold color={theme.accent}>postmortem-wizard</Text>
            {file ? <Text color={theme.muted}> · {file}</Text> : null}
          </Text>
          {place ? <Text color={theme.muted}>{place}</Text> : null}
        </Box>
        <Text color={theme.muted}>{rule}</Text>
        <Box flexDirection="column">
          <ContentWidth.Provider value={width}>{children}</ContentWidth.Provider>
        </Box>
        <Text color={theme.muted}>{rule}</Text>
        <Box justifyContent="space-between">
          <Box flexShrink={1}>
            <Text color={theme.muted} wrap="wrap">{fitHints(hints, width - (badge ? stringWidth(badge.text) + 1 : 0))}</Text>
          </Box>
          {badge ? (
            <Box flexShrink={0} marginLeft={1}>
              <Text color={badge.color}>{badge.text}</Text>
            </Box>
          ) : null}
        </Box>
      </Box>
    </>
  );
}

/** Rows a screen body may use without the whole frame outgrowing the terminal. */
export function useBodyRows(): number {
  const { rows } = useTerminalSize();
  return Math.max(6, rows - 6);
}
