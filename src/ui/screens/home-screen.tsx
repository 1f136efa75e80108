import { Box } from 'ink';
import { Text } from '../components/text.js';
import { Choice } from '../components/choice.js';
import { theme } from '../theme.js';

/** A draft the person worked on before, as the home screen lists it. */
export interface RecentItem {
  path: string;
  /** The path as shown: relative to the current folder when inside it. */
  shown: string;
  title?: string;
  progress?: { done: number; total: number };
  /** "edited 3 hours ago", or why it cannot be opened. */
  detail: string;
  usable: boolean;
}

export type HomeChoice = { kind: 'new' } | { kind: 'resume'; path: string } | { kind: 'settings' } | { kind: 'quit' };

function describe(item: RecentItem): string {
  const title = item.title ?? '(untitled)';
  const progress = item.progress ? `${item.progress.done}/${item.progress.total} required sections done` : '';
  return `${title} (${item.shown}) — ${[progress, item.detail].filter(Boolean).join(', ')}`;
}

/** Start a new postmortem, resume a recent draft, or change settings. */
export function HomeScreen({ recent, notice, onChoose, picking = false }: {
  recent: RecentItem[];
  notice?: string;
  onChoose(choice: HomeChoice): void;
  /** `resume` without a path: only the drafts are offered. */
  picking?: boolean;
}) {
  const drafts = recent.filter((item) => item.usable).slice(0, 8);
  const items: { label: string; value: HomeChoice }[] = [
    ...(picking ? [] : [{ label: 'Start a new postmortem', value: { kind: 'new' } as HomeChoice }]),
    ...drafts.map((item) => ({ label: `Resume: ${describe(item)}`, value: { kind: 'resume', path: item.path } as HomeChoice })),
    ...(picking ? [] : [{ label: 'Settings', value: { kind: 'settings' } as HomeChoice }]),
    { label: 'Quit', value: { kind: 'quit' } },
  ];
  return (
    <Box flexDirection="column">
      <Text bold>{picking ? 'Which draft do you want to resume?' : 'Write an outage postmortem, one question at a time.'}</Text>
      <Text color={theme.muted}>
        {picking && drafts.length === 0
          ? 'No recent drafts here: start one with `postmortem-wizard new`.'
          : 'Answers are saved as you go; Ctrl+C saves and quits; resume any time.'}
      </Text>
      {notice ? <Text color={theme.ok}>{notice}</Text> : null}
      <Box marginTop={1}>
        <Choice<HomeChoice> items={items} onSelect={onChoose} limit={12} />
      </Box>
    </Box>
  );
}
