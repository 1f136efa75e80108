import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { checkNewPath, describeAge, describeLockOwner, describeOpenError, listRecentDrafts, newDraftDefaults, openDraft, prepareNewDraft, rememberLater, shortPath, suggestNewPath } from '../store/drafts.js';
import { EXIT, SIGNAL_EXIT } from '../process/exit-codes.js';
import { countWords } from '../render/words.js';
import { acquireDraftLock } from '../store/draft-lock.js';
import { DraftSession } from '../store/draft-session.js';
import { initialState, withUnconfirmed, wizardReducer } from '../wizard/reducer.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, sanitizedStdin } from './terminal-input.js';
import { Root, type OpenRequest, type OpenResult, type Snapshot } from './root.js';
import { ReviewScreen } from './wizard-app.js';
import type { RecentItem } from './screens/home-screen.js';
import type { QuitReason } from './session-context.js';

export type InteractiveRequest = { kind: 'home' } | { kind: 'new'; path?: string } | { kind: 'resume'; path?: string };

type Outcome =
  | { kind: 'quit'; reason: QuitReason | 'signal'; message?: string; code?: number }
  | { kind: 'editText'; text: string }
  | { kind: 'editDraft' };

function print(text: string): void {
  try {
    process.stdout.write(text);
  } catch {
    // The terminal is gone (SIGHUP); the draft is already saved.
  }
}

async function recentItems(): Promise<RecentItem[]> {
  return (await listRecentDrafts()).map((draft) => ({
    path: draft.path,
    shown: draft.shown,
    title: draft.title,
    progress: draft.progress,
    detail: draft.problem ? 'cannot be opened' : describeAge(draft.editedAt),
    usable: !draft.problem,
  }));
}

async function open(request: OpenRequest): Promise<OpenResult> {
  try {
    const isNew = request.kind === 'new';
    const { file, draft } = isNew ? prepareNewDraft(request.path) : await openDraft(request.path);
    if (request.readOnly) {
      // Someone else is writing it: the review shows it as saved; nothing here can change it.
      const wizard = initialState(draft, 'resume');
      return { ok: true, session: new DraftSession(file, { readOnly: true }), wizard: { ...wizard, screen: { kind: 'review' }, defaultsApplied: true } };
    }
    const attempt = acquireDraftLock(file.path);
    if (!attempt.ok) {
      const owner = describeLockOwner(attempt.owner);
      return { ok: false, error: `${shortPath(file.path)} is open in another postmortem-wizard (${owner}).`, locked: { path: file.path, owner } };
    }
    const session = new DraftSession(file, { lock: attempt.lock });
    rememberLater(request.path, draft.title);
    const wizard = initialState(draft, isNew ? 'beginning' : 'resume');
    // A resumed draft has had its defaults; a new one gets them (and is saved) after the first frame.
    return { ok: true, session, wizard: isNew ? wizard : { ...wizard, defaultsApplied: true } };
  } catch (error) {
    return { ok: false, error: describeOpenError(error) };
  }
}

/*
 * The YAML writer, the template engine, the settings store and the editor hand-over are imported
 * where they are used: none of them is needed to draw the first question.
 */

/** Where the answers go when the draft itself cannot be written: never lose them. */
async function rescue(snapshot: Snapshot): Promise<string | undefined> {
  if (!snapshot.wizard) return undefined;
  const { stringify } = await import('yaml');
  const path = join(tmpdir(), `postmortem-wizard-rescue-${Date.now()}.yaml`);
  try {
    // Readable by this user only: a postmortem in progress may name people and systems.
    writeFileSync(path, `# Rescued by postmortem-wizard: the draft could not be saved.\n${stringify(snapshot.wizard.draft)}`, { mode: 0o600 });
    return path;
  } catch {
    return undefined;
  }
}

/**
 * Runs the interactive app: mounts it, hands the terminal to $EDITOR and mounts it again
 * where it was, and on the way out saves, says where the draft is, and picks the exit code.
 */
export async function runInteractive(request: InteractiveRequest, startupDone?: () => void): Promise<number> {
  let snapshot: Snapshot;
  if (request.kind === 'home') snapshot = { route: 'home' };
  else if (request.kind === 'resume' && !request.path) snapshot = { route: 'pick' };
  else if (request.kind === 'new' && !request.path) snapshot = { route: 'newPath' };
  else {
    const opened = await open({ kind: request.kind, path: request.path! });
    if (opened.ok) snapshot = { route: 'wizard', session: opened.session, wizard: opened.wizard };
    else if (opened.locked && request.kind === 'resume') snapshot = { route: 'locked', locked: opened.locked };
    else {
      process.stderr.write(`${opened.error}\n`);
      return EXIT.usage;
    }
  }
  const recent = snapshot.route === 'home' || snapshot.route === 'pick' ? await recentItems() : [];

  let outcome: Outcome | undefined;
  let finish: (() => void) | undefined;
  // What the open question's field holds, so closing the wizard mid-answer keeps it.
  let typed: { step: number; text: string } | undefined;
  const leave = (next: Outcome) => {
    outcome ??= next;
    finish?.();
  };
  // Kept until the process ends: a library that also listens (signal-exit) may re-send the signal
  // while the draft is being saved, and it must land here, not on the default handler.
  const onSignal = (signal: NodeJS.Signals) => leave({ kind: 'quit', reason: 'signal', code: SIGNAL_EXIT[signal as 'SIGHUP' | 'SIGTERM'] });
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // However the process ends, the shell gets its terminal back without paste marking.
  process.once('exit', () => print(BRACKETED_PASTE_OFF));

  for (;;) {
    // A signal that came while the editor had the terminal still ends the program.
    if (outcome?.kind !== 'quit') outcome = undefined;
    // Pastes arrive marked, so their line breaks are never taken for Enter (off again below, and
    // before $EDITOR gets the terminal).
    print(BRACKETED_PASTE_ON);
    // A draft that opens at its review waits for the review's code; any other first screen does not.
    if (snapshot.wizard?.screen.kind === 'review') await ReviewScreen.preload();
    const app = render(
      <Root
        initial={snapshot}
        onSnapshot={(next) => {
          snapshot = next;
        }}
        services={{
          editText: (text) => leave({ kind: 'editText', text }),
          editDraft: () => leave({ kind: 'editDraft' }),
          quit: (reason, message) => leave({ kind: 'quit', reason, message }),
          typing: (step, text) => {
            typed = { step, text };
          },
        }}
        recent={recent}
        readSettings={async () => (await import('../store/settings.js')).readSettings()}
        saveSettings={async (settings) => {
          (await import('../store/settings.js')).writeSettings(settings);
        }}
        suggestedPath={suggestNewPath()}
        checkNewPath={(text) => checkNewPath(text)}
        openDraft={open}
        newDraftDefaults={newDraftDefaults}
        writeReadme={async (path, markdown) => {
          try {
            const { writeReadme } = await import('../store/write-readme.js');
            const result = await writeReadme(path, markdown, true);
            const verb = result === 'replaced' ? 'Replaced' : result === 'unchanged' ? 'Already up to date:' : 'Wrote';
            return { ok: true, message: `${verb} ${shortPath(path)} (${countWords(markdown)} words).` };
          } catch (error) {
            return { ok: false, message: (error as Error).message };
          }
        }}
      />,
      // Nothing here writes to the console while ink draws, so ink need not wrap it.
      { exitOnCtrlC: false, stdin: sanitizedStdin(process.stdin), maxFps: 120, patchConsole: false },
    );
    // The first frame is on screen: the launcher may now keep the code compiled so far, and the
    // review's code loads while the first question is read.
    startupDone?.();
    startupDone = undefined;
    void ReviewScreen.preload();
    // Before a hand-over to $EDITOR the frame is wiped, so it is not left above the editor's screen.
    finish = () => {
      if (outcome && outcome.kind !== 'quit') app.clear();
      app.unmount();
    };
    if (outcome) finish();
    await app.waitUntilExit();
    print(BRACKETED_PASTE_OFF);
    finish = undefined;
    const done = outcome as Outcome | undefined;
    if (!done) return EXIT.ok;

    if (done.kind === 'editText' && snapshot.wizard) {
      const { editText } = await import('./external-editor.js');
      const edited = editText(done.text);
      snapshot = {
        ...snapshot,
        wizard: wizardReducer(snapshot.wizard, { type: 'pending', text: edited.ok ? edited.text : done.text }),
        notice: edited.ok ? undefined : edited.error,
      };
      continue;
    }
    if (done.kind === 'editDraft' && snapshot.session && snapshot.wizard) {
      const session = snapshot.session;
      await session.save(snapshot.wizard.draft, snapshot.wizard.revision);
      await session.flush();
      const [{ runEditor }, { loadDraft }] = await Promise.all([import('./external-editor.js'), import('../store/draft-file.js')]);
      const edited = runEditor(session.path);
      try {
        const loaded = await loadDraft(session.path);
        const reopened = session.reloaded(loaded);
        snapshot = { ...snapshot, session: reopened, wizard: { ...initialState(loaded.draft), screen: { kind: 'review' } }, notice: edited.ok ? undefined : edited.error };
      } catch (error) {
        print(`${describeOpenError(error)}\nFix the file and resume with: npx postmortem-wizard resume ${shortPath(session.path)}\n`);
        return EXIT.usage;
      }
      continue;
    }
    if (done.kind !== 'quit') continue;
    const wizard = snapshot.wizard;
    const atTyped = wizard?.screen.kind === 'question' && typed?.step === wizard.screen.step;
    // Not at the field that reported: text left at another question with Esc is kept instead.
    if (wizard && done.reason !== 'done') snapshot = { ...snapshot, wizard: withUnconfirmed(wizard, atTyped ? typed!.text : undefined) };
    return await quit(snapshot, done);
  }
}

async function quit(snapshot: Snapshot, done: Extract<Outcome, { kind: 'quit' }>): Promise<number> {
  const code = done.code ?? (done.reason === 'cancel' ? EXIT.cancelled : EXIT.ok);
  const { session, wizard } = snapshot;
  if (!session || !wizard) return code;
  const shown = shortPath(session.path);
  if (session.readOnly) {
    if (done.message) print(`${done.message}\n`);
    print(`Left ${shown} as it was: another postmortem-wizard has it open.\n`);
    return code;
  }
  await session.save(wizard.draft, wizard.revision);
  const status = await session.flush();
  session.close();
  if (status.state === 'failed') {
    const copy = await rescue(snapshot);
    print(`Could not save ${shown}: ${status.reason}.${copy ? `\nYour answers are in ${copy}.` : ''}\n`);
    return done.reason === 'cancel' ? EXIT.cancelled : EXIT.problems;
  }
  if (done.message) print(`${done.message}\n`);
  const withTyped = wizard.draft.unconfirmed ? ', with what you were typing (not yet confirmed)' : '';
  if (done.reason === 'done') print(`Draft kept in ${shown}.\n`);
  else print(`Draft saved to ${shown}${withTyped}.\nResume with: npx postmortem-wizard resume ${shown}\n`);
  return code;
}
