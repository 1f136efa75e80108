import { Box } from 'ink';
import { Text } from './text.js';
import { createContext, useContext, type ReactNode } from 'react';
import { useCurrentHints } from '../hints-context.js';
import { describeHint, type Hint } from '../keymap.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useSaveStatus } from '../session-context.js';
import { HideInput } from '../input-focus.js';
import { cutToWidth } from '../text-layout.js';
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
  // Last of all, the keys every list and field has (arrows, Enter) give way to the ones particular to this screen.
  const particular = hints.map((hint, i) => (isCommonKey(hint) ? undefined : compact[i])).filter((text): text is string => text !== undefined);
  const tries = [described.join(' · '), described.join('  '), compact.join('  '), described.join(' '), compact.join(' '), particular.join('  '), particular.join(' ')];
  return tries.find((text) => stringWidth(text) <= room) ?? tries.at(-1)!;
}

/** Keys every list and field has, doing what they always do there (Enter to go on or pick, the arrows). */
function isCommonKey(hint: Hint): boolean {
  const keys = Array.isArray(hint.keys) ? hint.keys : [hint.keys];
  return keys.every((key) => (key === 'submit' && ['next', 'pick', 'choose'].includes(hint.does)) || key === 'up' || key === 'down');
}

/**
 * The title bar on one line: the program, the draft's file and where the person is. On a
 * narrow window the file name goes first (it is in the resume line anyway), then the place is
 * cut at its end.
 */
export function fitHeader(width: number, file: string | undefined, place: string | undefined): { file: boolean; place: string } {
  const name = 'postmortem-wizard';
  const where = place ?? '';
  const withFile = file ? `${name} · ${file}` : name;
  if (stringWidth(withFile) + 1 + stringWidth(where) <= width) return { file: true, place: where };
  const room = width - stringWidth(name) - 1;
  if (stringWidth(where) <= room) return { file: false, place: where };
  // "Corrective and preventative measures · 7/8 · 1/2": the title gives way, the progress stays.
  const split = where.indexOf(' · ');
  const progress = split === -1 ? '' : where.slice(split);
  const titleRoom = room - stringWidth(progress) - 1;
  if (progress && titleRoom >= 4) return { file: false, place: `${cutToWidth(where.slice(0, split), titleRoom)}…${progress}` };
  return { file: false, place: `${cutToWidth(where, Math.max(0, room - 1))}…` };
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
  // Too small to draw: a message instead, with the screen kept mounted (hidden, taking typed
  // text but no key that acts), so what was typed, the cursor and a list's open form are there
  // when it grows again.
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const rule = '─'.repeat(width);
  const header = fitHeader(width, file, place);
  return (
    <>
      {tooSmall ? (
        <Box flexDirection="column">
          <Text color={theme.warn}>Make the window larger: at least {MIN_COLUMNS}×{MIN_ROWS} (now {columns}×{rows}).</Text>
          <Text color={theme.muted}>Your answers are kept, and text you type goes into the field; other keys do nothing until it is larger. Ctrl+C saves and quits.</Text>
        </Box>
      ) : null}
      <Box flexDirection="column" width={width} display={tooSmall ? 'none' : 'flex'}>
        <Box justifyContent="space-between">
          <Text>
            <Text bold color={theme.accent}>postmortem-wizard</Text>
            {file && header.file ? <Text color={theme.muted}> · {file}</Text> : null}
          </Text>
          {place ? <Text color={theme.muted} wrap="truncate-end">{header.place}</Text> : null}
        </Box>
        <Text color={theme.muted}>{rule}</Text>
        <Box flexDirection="column">
          <ContentWidth.Provider value={width}>
            <HideInput hidden={tooSmall}>{children}</HideInput>
          </ContentWidth.Provider>
        </Box>
        <Text color={theme.muted}>{rule}</Text>
        {/* Keys that take two rows on a narrow window: the save status ends the last of them. */}
        <Box justifyContent="space-between" alignItems="flex-end">
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
