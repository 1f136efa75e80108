import { basename } from 'node:path';
import { Text } from './components/text.js';
import { useEffect, useReducer, useRef, useState } from 'react';
import { MAX_COLUMNS, theme } from './theme.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { STEPS } from '../wizard/flow.js';
import { isDirty, wizardReducer, type WizardAction, type WizardState } from '../wizard/reducer.js';
import { SECTIONS } from '../draft/sections.js';
import { Frame, useBodyRows } from './components/frame.js';
import { SaveElsewhereDialog } from './components/save-elsewhere-dialog.js';
import { PauseInput, useKeys } from './input-focus.js';
import { is } from './keymap.js';
import { QuestionView } from './questions/question-screen.js';
import { lazyComponent } from './lazy-component.js';
import type { ReviewProps } from './screens/review-screen.js';
import { useSaveStatus, useSession } from './session-context.js';

/** The review (with the rubric, the renderer and its template engine) is not needed for the first question. */
export const ReviewScreen = lazyComponent(() => import('./screens/review-screen.js').then((module) => module.ReviewScreen));

export interface WizardAppProps {
  initial: WizardState;
  /** Told of every state, so a remount (after $EDITOR) continues where it was. */
  onState?(state: WizardState): void;
  writeReadme: ReviewProps['writeReadme'];
  /** A sentence from before this mount (an editor that failed), shown until the next step. */
  notice?: string;
  /** Defaults for a new draft, asked for once its first question is on screen. */
  newDraftDefaults?(): Promise<Extract<WizardAction, { type: 'defaults' }>['values']>;
}

/** The wizard for one open draft: questions in order, then the review. Autosaves confirmed answers. */
export function WizardApp({ initial, onState, writeReadme, notice, newDraftDefaults }: WizardAppProps) {
  const session = useSession();
  const [state, dispatch] = useReducer(wizardReducer, initial);
  const status = useSaveStatus();
  const [elsewhere, setElsewhere] = useState(false);
  // The dialog (about 7 rows) is drawn under the screen, which gives it the room.
  // The conflict's sentence takes two rows on a narrow screen.
  const [shownNotice, setShownNotice] = useState(notice);
  // A notice above the screen ("✗ pm.yaml is read-only…") takes its rows from the screen's.
  const { columns } = useTerminalSize();
  const noticeRows = shownNotice ? Math.ceil((shownNotice.length + 2) / Math.max(20, Math.min(columns - 1, MAX_COLUMNS))) : 0;
  const rows = useBodyRows() - noticeRows - (elsewhere ? 7 : status.state === 'conflict' ? 2 : status.state === 'failed' ? 1 : 0);
  const conflict = status.state === 'conflict';
  // The reload's own notice outlives the change of answers it makes.
  const keepNotice = useRef(false);
  useEffect(() => {
    if (keepNotice.current) keepNotice.current = false;
    else if (state !== initial) setShownNotice(undefined);
  }, [state.screen, state.revision]);

  useEffect(() => {
    onState?.(state);
  }, [state]);

  // Effects run after the frame is written: the first question shows before git and the settings are asked.
  useEffect(() => {
    if (!newDraftDefaults) return;
    // A draft opened again without an author or a timezone gets them offered too (not set).
    const fresh = !state.defaultsApplied;
    if (!fresh && (state.suggested || (state.draft.authors !== undefined && state.draft.summary?.timezone !== undefined))) return;
    let mounted = true;
    void newDraftDefaults().then((values) => {
      if (mounted) dispatch(fresh ? { type: 'defaults', values } : { type: 'suggest', values });
    });
    return () => {
      mounted = false;
    };
  }, []);

  useEffect(() => {
    if (isDirty(state)) void session.save(state.draft, state.revision);
  }, [state.revision]);

  useEffect(
    () =>
      session.subscribe((status) => {
        if (status.state === 'saved') dispatch({ type: 'saved', revision: status.revision });
      }),
    [session],
  );

  useKeys((input, key) => {
    if (is('saveElsewhere', input, key) && !session.readOnly) setElsewhere(true);
    // Not while the save-elsewhere dialog takes a path: r and k are letters of it.
    if (!conflict || elsewhere) return;
    if (is('keepMine', input, key)) void session.keepMine();
    if (is('reloadTheirs', input, key)) {
      session.reloadTheirs().then(
        (loaded) => {
          keepNotice.current = true;
          dispatch({ type: 'reloaded', draft: loaded.draft });
          setShownNotice(`Reloaded ${file}; what you had not saved is in ${basename(status.minePath)}.`);
        },
        (error: Error) => setShownNotice(error.message),
      );
    }
  });

  const file = basename(session.path);
  const dialog = elsewhere ? (
    <SaveElsewhereDialog
      path={session.path}
      reason={status.state === 'failed' ? status.reason : undefined}
      onSave={async (target) => {
        const result = await session.relocate(target, state.draft, state.revision);
        if (result.state === 'failed') return result.reason;
        setElsewhere(false);
        setShownNotice(undefined);
        return undefined;
      }}
      onCancel={() => setElsewhere(false)}
    />
  ) : conflict ? (
    <Text color={theme.warn}>
      {file} was changed outside the wizard: r reload theirs · k keep mine (theirs kept as {basename(status.theirsPath)})
    </Text>
  ) : status.state === 'failed' ? (
    <Text color={theme.error}>✗ Not saved (see below). Your answers are kept; Ctrl+S saves them elsewhere.</Text>
  ) : null;

  if (state.screen.kind === 'review') {
    return (
      <Frame file={file} place="Review">
        {shownNotice ? <Text color={theme.error}>✗ {shownNotice}</Text> : null}
        <PauseInput paused={elsewhere || conflict}>
          <ReviewScreen state={state} dispatch={dispatch} rows={rows} writeReadme={writeReadme} />
        </PauseInput>
        {dialog}
      </Frame>
    );
  }
  const step = STEPS[state.screen.step]!;
  const sectionNumber = SECTIONS.indexOf(step.section) + 1;
  const place = `${step.section.title} · ${sectionNumber}/${SECTIONS.length}${step.section.questions.length > 1 ? ` · ${step.questionIndex + 1}/${step.section.questions.length}` : ''}`;
  return (
    <Frame file={file} place={place}>
      {shownNotice ? <Text color={theme.error}>✗ {shownNotice}</Text> : null}
      <PauseInput paused={elsewhere || conflict}>
        <QuestionView step={step} state={state} dispatch={dispatch} rows={rows} />
      </PauseInput>
      {dialog}
    </Frame>
  );
}
