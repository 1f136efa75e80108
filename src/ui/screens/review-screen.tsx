import { basename, dirname, join } from 'node:path';
import { Box } from 'ink';
import { Text } from '../components/text.js';
import { useKeys } from '../input-focus.js';
import { useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import { checkDraft } from '../../check/rubric.js';
import { isAnswered, sectionProgress } from '../../draft/progress.js';
import { STEPS } from '../../wizard/flow.js';
import { cutToWidth, wrapLine } from '../text-layout.js';
import { useContentWidth } from '../components/frame.js';
import type { SectionId } from '../../draft/sections.js';
import { authorshipOf, type Authorship } from '../../render/marker.js';
import { NotAFileError, readExistingReadme } from '../../store/write-readme.js';
import { WORD_RANGE } from '../../render/words.js';
import { formatMinutes } from '../../time/duration.js';
import type { WizardAction, WizardState } from '../../wizard/reducer.js';
import { Choice } from '../components/choice.js';
import { useHints } from '../hints-context.js';
import { is } from '../keymap.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { useServices, useSession } from '../session-context.js';
import { theme } from '../theme.js';

type Mode = { kind: 'menu' } | { kind: 'sections'; at?: SectionId } | { kind: 'questions'; section: SectionId } | { kind: 'confirmWrite'; whose: Authorship } | { kind: 'writing' };
type MenuAction = 'write' | 'edit' | 'editor' | 'quit';

export interface ReviewProps {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  rows: number;
  /** Writes the README; resolves to a sentence for the person (what was written, or why not). */
  writeReadme(path: string, markdown: string): Promise<{ ok: boolean; message: string }>;
}

/**
 * The finished README before it is written: a scrollable preview, the word count against
 * 400–600, the rubric's open points, and what to do next.
 */
export function ReviewScreen({ state, dispatch, rows, writeReadme }: ReviewProps) {
  const services = useServices();
  const session = useSession();
  const [mode, setMode] = useState<Mode>({ kind: 'menu' });
  const [scroll, setScroll, scrollRef] = useRefState(0);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | undefined>();
  const report = useMemo(() => checkDraft(state.draft, { draftPath: session.path }), [state.draft, session.path]);
  // The preview wraps long lines at words (inside the box's border and padding) so all of it can be read.
  const width = Math.max(10, useContentWidth() - 4);
  const { lines, sourceLine } = useMemo(() => {
    const rows = report.markdown.split('\n').flatMap((line, i) => wrapLine(line, 0, i, width).map((row) => ({ text: line.slice(row.start, row.end).trimEnd(), source: i })));
    return { lines: rows.map((row) => row.text), sourceLine: rows.map((row) => row.source) };
  }, [report, width]);
  // A resize wraps the preview again: it stays on the line of the README that was at its top.
  const shownSource = useRef<number | undefined>(undefined);
  const shownWidth = useRef(width);
  useEffect(() => {
    if (shownWidth.current === width) return;
    shownWidth.current = width;
    if (shownSource.current === undefined) return;
    const row = sourceLine.findIndex((source) => source >= shownSource.current!);
    setScroll(row === -1 ? 0 : row);
  }, [width, sourceLine]);
  const target = join(dirname(session.path), 'README.md');

  // The open points, each on up to two rows (cut with … after that): up to four of them, fewer on
  // a short screen, but always the first (`check` lists them all).
  const findingsShown = Math.min(report.findings.length, 4, Math.max(1, rows - 14));
  const findingWidth = Math.max(10, width + 4 - 4);
  const shownFindings = report.findings.slice(0, findingsShown).map((finding) => {
    const text = `${finding.section}: ${finding.message}`;
    const rows = wrapLine(text, 0, 0, findingWidth).map((row) => text.slice(row.start, row.end).trimEnd());
    return rows.length <= 2 ? rows : [rows[0]!, `${cutToWidth(rows[1]!, findingWidth - 1)}\u2026`];
  });
  // Rows besides the preview: title, verdict (or findings), the box's borders and position line, the menu.
  const moreFindings = findingsShown > 0 && report.findings.length > findingsShown;
  const findingsRows = report.findings.length === 0 ? 1 : 1 + shownFindings.reduce((sum, rows) => sum + rows.length, 0) + (moreFindings ? 1 : 0);
  // The list under the preview (the menu, the sections or a section's questions) gets its rows
  // first, scrolling when they are more than the screen has; the preview takes the rest.
  const listItems =
    mode.kind === 'menu' ? (session.readOnly ? 2 : 4)
    : mode.kind === 'sections' ? sectionProgress(state.draft).length
    : mode.kind === 'questions' ? STEPS.filter((step) => step.section.id === mode.section).length
    : 1;
  const noticeRows = notice ? 1 : 0;
  // Title, the box's borders and its position line, the findings, the notice, and a row of preview.
  const forList = rows - 4 - findingsRows - noticeRows - 1;
  const listLimit = listItems <= forList ? undefined : Math.max(1, forList - 2);
  const listRows = listLimit === undefined ? listItems : listLimit + 2;
  const previewRows = Math.max(1, rows - 4 - findingsRows - noticeRows - listRows);
  const maxScroll = Math.max(0, lines.length - previewRows);
  const top = Math.min(scroll, maxScroll);
  if (shownWidth.current === width) shownSource.current = sourceLine[top];

  useKeys((input, key) => {
    const from = Math.min(scrollRef.current, maxScroll);
    if (is('pageDown', input, key)) setScroll(Math.min(maxScroll, from + previewRows - 1));
    else if (is('pageUp', input, key)) setScroll(Math.max(0, from - previewRows + 1));
  });
  useKeys(
    (input, key) => {
      if (mode.kind !== 'confirmWrite') return;
      if (is('yes', input, key)) void write(true);
      else if (is('no', input, key)) setMode({ kind: 'menu' });
    },
    { isActive: mode.kind === 'confirmWrite' },
  );
  useHints(
    mode.kind === 'confirmWrite'
      ? [{ keys: 'yes', does: 'replace' }, { keys: 'no', does: 'keep it' }]
      : [{ keys: ['up', 'down'], does: 'choose' }, { keys: 'submit', does: 'pick' }, { keys: ['pageUp', 'pageDown'], does: 'scroll preview' }, ...(session.readOnly ? [] : [{ keys: 'back' as const, does: 'back' }])],
    mode.kind === 'menu' || mode.kind === 'confirmWrite',
  );

  async function write(confirmed: boolean) {
    if (!confirmed) {
      let existing: string | undefined;
      try {
        existing = await readExistingReadme(target);
      } catch (error) {
        // A folder, a link, a device of that name, or a file that cannot be read: say so, replace nothing.
        const text = error instanceof NotAFileError ? `${basename(target)} cannot be replaced: it ${error.what}.` : (error as Error).message;
        setNotice({ text, tone: 'error' });
        return;
      }
      if (existing !== undefined && existing !== report.markdown) {
        setMode({ kind: 'confirmWrite', whose: authorshipOf(existing) });
        return;
      }
    }
    setMode({ kind: 'writing' });
    const result = await writeReadme(target, report.markdown);
    if (result.ok) {
      services.quit('done', result.message);
    } else {
      setNotice({ text: result.message, tone: 'error' });
      setMode({ kind: 'menu' });
    }
  }

  // Read-only (another wizard has the draft): nothing that would change it is offered.
  const menu: { label: string; value: MenuAction }[] = session.readOnly
    ? [
        { label: `Write ${basename(target)}`, value: 'write' },
        { label: 'Quit', value: 'quit' },
      ]
    : [
        { label: `Write ${basename(target)}`, value: 'write' },
        { label: 'Edit a section', value: 'edit' },
        { label: 'Open the draft in your editor', value: 'editor' },
        { label: 'Save and quit', value: 'quit' },
      ];
  const wordsOk = report.words >= WORD_RANGE.min && report.words <= WORD_RANGE.max;
  const { toDetect, toResolve } = report.timing;
  const timing = [
    toDetect !== undefined ? `Detected ${toDetect < 1 ? 'at once' : `in ${formatMinutes(toDetect)}`}` : undefined,
    toResolve !== undefined ? `resolved in ${formatMinutes(toResolve)}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Review</Text>
        <Text color={theme.muted}> · </Text>
        <Text color={wordsOk ? theme.ok : theme.warn}>{report.words} words</Text>
        <Text color={theme.muted}> (the rubric asks {WORD_RANGE.min}–{WORD_RANGE.max})</Text>
      </Text>
      {report.findings.length === 0 ? (
        <Text wrap="truncate-end">
          <Text color={theme.ok}>✓ Meets the rubric.</Text>
          {timing ? <Text color={theme.muted}> {timing}.</Text> : null}
        </Text>
      ) : (
        <Box flexDirection="column">
          <Text wrap="truncate-end">
            {/* The count first (a narrow window cuts the timing, not it), the open points below. */}
            <Text color={theme.warn}>{report.findings.length} open point{report.findings.length === 1 ? '' : 's'}</Text>
            {timing ? <Text color={theme.muted}> · {timing}</Text> : null}
          </Text>
          {shownFindings.flatMap((rows, i) =>
            rows.map((row, j) => (
              <Text key={`${i}.${j}`} wrap="truncate-end" color={theme.warn}>
                {j === 0 ? '  \u2022 ' : '    '}
                {row}
              </Text>
            )),
          )}
          {moreFindings ? <Text color={theme.muted}>  … and {report.findings.length - findingsShown} more (postmortem-wizard check)</Text> : null}
        </Box>
      )}
      <Box flexDirection="column" borderStyle="round" borderColor={theme.muted} paddingX={1} marginY={0}>
        {lines.slice(top, top + previewRows).map((line, i) => (
          <Text key={top + i} wrap="truncate-end">{line === '' ? ' ' : line}</Text>
        ))}
        <Text color={theme.muted} wrap="truncate-end">
          lines {top + 1}–{Math.min(lines.length, top + previewRows)} of {lines.length} · words: rubric sections only, as wc -w counts
        </Text>
      </Box>
      {notice ? <Text color={notice.tone === 'ok' ? theme.ok : theme.error}>{notice.text}</Text> : null}
      {mode.kind === 'confirmWrite' ? (
        <Text color={theme.warn}>
          {basename(target)} exists{mode.whose === 'ours' ? '' : mode.whose === 'edited' ? ' and was edited by hand since it was written' : ' and was not written by postmortem-wizard'}. Replace it? A copy is kept as {basename(target)}.bak. y/n
        </Text>
      ) : null}
      {mode.kind === 'writing' ? <Text color={theme.muted}>Writing…</Text> : null}
      {mode.kind === 'menu' ? (
        <Choice<MenuAction>
          items={menu}
          limit={listLimit}
          onBack={session.readOnly ? undefined : () => dispatch({ type: 'back' })}
          onSelect={(action) => {
            setNotice(undefined);
            if (action === 'write') void write(false);
            else if (action === 'edit') setMode({ kind: 'sections' });
            else if (action === 'editor') services.editDraft();
            else services.quit('save');
          }}
        />
      ) : null}
      {mode.kind === 'sections' ? (
        <Choice<SectionId>
          initial={mode.at}
          limit={listLimit}
          items={sectionProgress(state.draft).map(({ section, complete }) => ({
            value: section.id,
            label: `${complete ? '✓' : section.optional ? '·' : '○'} ${section.title}`,
          }))}
          onSelect={(section) => {
            const steps = STEPS.filter((step) => step.section.id === section);
            if (steps.length > 1) setMode({ kind: 'questions', section });
            else dispatch({ type: 'goto', section });
          }}
          onBack={() => setMode({ kind: 'menu' })}
        />
      ) : null}
      {mode.kind === 'questions' ? (
        <Choice<number>
          key={mode.section}
          limit={listLimit}
          items={STEPS.filter((step) => step.section.id === mode.section).map((step) => ({
            value: step.index,
            label: `${isAnswered(step.question, state.draft) ? '✓' : step.question.required ? '○' : '·'} ${step.question.prompt}`,
          }))}
          onSelect={(step) => dispatch({ type: 'goto', section: mode.section, step })}
          onBack={() => setMode({ kind: 'sections', at: mode.section })}
        />
      ) : null}
    </Box>
  );
}

