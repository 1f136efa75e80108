import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { render } from 'ink';
import { checkNewPath, describeAge, describeLockOwner, describeOpenError, listRecentDrafts, newDraftDefaults, openDraft, prepareNewDraft, rememberLater, shortPath, suggestNewPath } from '../store/drafts.js';
import { describeCrash, exitCodeFor, type Ending } from '../process/ending.js';
import { EXIT } from '../process/exit-codes.js';
import { saveOrRescue } from '../process/save-or-rescue.js';
import { watchEndings } from '../process/watch-endings.js';
import { PROGRAM } from '../package-info.js';
import { countWords } from '../render/words.js';
import { acquireDraftLock, realDraftPath } from '../store/draft-lock.js';
import type { DraftFile } from '../store/draft-file.js';
import { whyReadOnly } from '../store/write-access.js';
import type { Draft } from '../draft/schema.js';
import { DraftSession } from '../store/draft-session.js';
import { initialState, withUnconfirmed, wizardReducer, type KeptForm } from '../wizard/reducer.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, sanitizedStdin } from './terminal-input.js';
import { CrashBoundary } from './crash-boundary.js';
import { Root, type OpenRequest, type OpenResult, type Snapshot } from './root.js';
import { ReviewScreen } from './wizard-app.js';
import type { RecentItem } from './screens/home-screen.js';
import { invocation } from '../process/invocation.js';

/** `preset`: answers given as flags to `new` (already read and checked); the wizard asks the rest. */
export type InteractiveRequest = { kind: 'home' } | { kind: 'new'; path?: string; preset?: Draft } | { kind: 'resume'; path?: string };

/** A screen asks for the terminal to be handed to $EDITOR. */
type HandOver = { kind: 'editText'; text: string } | { kind: 'editDraft' };

const SHOW_CURSOR = '\u001b[?25h';

function print(text: string, stream: NodeJS.WriteStream = process.stdout): void {
  try {
    stream.write(text);
  } catch {
    // The terminal is gone (SIGHUP); the answers are already saved or rescued.
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

/** Why each read-only session cannot save, for the line printed when it quits. */
const readOnlyBecause = new WeakMap<DraftSession, string>();

/** The draft at its review, shown and never written (another wizard has it, or it cannot be written). */
function reviewOnly(file: DraftFile, draft: Draft, because: string): Extract<OpenResult, { ok: true }> {
  const session = new DraftSession(file, { readOnly: true });
  readOnlyBecause.set(session, because);
  const wizard = initialState(draft, 'resume');
  return { ok: true, session, wizard: { ...wizard, screen: { kind: 'review' }, defaultsApplied: true } };
}

async function open(request: OpenRequest, preset?: Draft): Promise<OpenResult> {
  try {
    const isNew = request.kind === 'new';
    const { file, draft } = isNew ? prepareNewDraft(request.path, preset) : await openDraft(request.path);
    const shown = shortPath(file.path);
    // Someone else is writing it: the review shows it as saved; nothing here can change it.
    if (request.readOnly) return reviewOnly(file, draft, 'another postmortem-wizard has it open');
    // A save renames a new file over the draft, which works on a 444 file in a writable folder:
    // asked first, so a file the user made read-only stays as it is.
    const unwritable = isNew ? undefined : whyReadOnly(file.path);
    if (unwritable) {
      const opened = reviewOnly(file, draft, `it ${unwritable}`);
      return { ...opened, notice: `${shown} ${unwritable}: opened to review; nothing will be saved to it.` };
    }
    const attempt = acquireDraftLock(file.path, { takeOver: request.takeOver });
    if (!attempt.ok) {
      const owner = describeLockOwner(attempt.owner);
      const real = attempt.owner.draft && attempt.owner.draft !== realDraftPath(file.path) ? ` as ${shortPath(attempt.owner.draft)}` : '';
      return {
        ok: false,
        error: `${shown} is open in another postmortem-wizard (${owner})${real}.`,
        locked: { path: file.path, owner: `${owner}${real}`, canTakeOver: attempt.unverified },
      };
    }
    const session = new DraftSession(file, { lock: attempt.lock });
    rememberLater(request.path, draft.title);
    // A new draft with answers given as flags starts at the first question they left open.
    const wizard = initialState(draft, isNew && !preset ? 'beginning' : 'resume');
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

/**
 * Runs the interactive app: mounts it, hands the terminal to $EDITOR and mounts it again
 * where it was. Every way out (quit, Ctrl+C, a signal, a closed terminal, a crash) ends in
 * `leave`: save or rescue, say where the answers are, and the exit code from `exitCodeFor`.
 */
export async function runInteractive(request: InteractiveRequest, startupDone?: () => void): Promise<number> {
  let ending: Ending | undefined;
  let handOver: HandOver | undefined;
  // Unmounts the app, when one is on screen.
  let finish: (() => void) | undefined;
  // The editor while it has the terminal: a signal for the wizard is passed on to it.
  let editor: ChildProcess | undefined;
  const end = (next: Ending) => {
    if (editor && next.kind === 'signal') {
      // As git does: Ctrl+C while the editor runs reaches the whole foreground group; it is the editor's.
      if (next.signal === 'SIGINT') return;
      editor.kill(next.signal);
    }
    ending ??= next;
    finish?.();
  };
  const ask = (next: HandOver) => {
    if (ending) return;
    handOver ??= next;
    finish?.();
  };
  const track = (child: ChildProcess) => {
    editor = child;
    child.once('exit', () => {
      editor = undefined;
    });
  };
  watchEndings(end);
  // However the process ends, the shell gets its terminal back without paste marking.
  process.once('exit', () => print(BRACKETED_PASTE_OFF));

  let snapshot: Snapshot;
  if (request.kind === 'home') snapshot = { route: 'home' };
  else if (request.kind === 'resume' && !request.path) snapshot = { route: 'pick' };
  else if (request.kind === 'new' && !request.path) snapshot = { route: 'newPath' };
  else {
    const opened = await open({ kind: request.kind, path: request.path! }, request.kind === 'new' ? request.preset : undefined);
    if (opened.ok) snapshot = { route: 'wizard', session: opened.session, wizard: opened.wizard, notice: opened.notice };
    else if (opened.locked && request.kind === 'resume') snapshot = { route: 'locked', locked: opened.locked };
    else {
      process.stderr.write(`${opened.error}\n`);
      return EXIT.usage;
    }
  }
  const recent = snapshot.route === 'home' || snapshot.route === 'pick' ? await recentItems() : [];

  // What the open question's field holds, so closing the wizard mid-answer keeps it.
  let typed: { step: number; text: string; form?: KeptForm } | undefined;

  while (!ending) {
    // Pastes arrive marked, so their line breaks are never taken for Enter (off again below, and
    // before $EDITOR gets the terminal).
    print(BRACKETED_PASTE_ON);
    // A draft that opens at its review waits for the review's code; any other first screen does not.
    if (snapshot.wizard?.screen.kind === 'review') await ReviewScreen.preload();
    const openedOn = snapshot.wizard?.screen;
    let unmounted!: () => void;
    const gone = new Promise<void>((resolve) => {
      unmounted = resolve;
    });
    const app = render(
      <CrashBoundary onCrash={(error) => end({ kind: 'crash', error })}>
        <Root
          initial={snapshot}
          onSnapshot={(next) => {
            snapshot = next;
            // The review's code (the rubric, the renderer, the template engine, the date parser)
            // loads once the wizard leaves the screen it opened on: the first question is drawn
            // and answered without it, and it is there long before the last question is.
            if (next.wizard && next.wizard.screen !== openedOn) void ReviewScreen.preload();
          }}
          services={{
            editText: (text) => ask({ kind: 'editText', text }),
            editDraft: () => ask({ kind: 'editDraft' }),
            quit: (reason, message) => end({ kind: 'quit', reason, message }),
            typing: (step, text, form) => {
              typed = { step, text, form };
            },
          }}
          recent={recent}
          readSettings={async () => (await import('../store/settings.js')).readSettings()}
          saveSettings={async (settings) => {
            (await import('../store/settings.js')).writeSettings(settings);
          }}
          suggestedPath={suggestNewPath()}
          checkNewPath={(text) => checkNewPath(text)}
          openDraft={(asked) => open(asked, request.kind === 'new' ? request.preset : undefined)}
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
        />
      </CrashBoundary>,
      // Nothing here writes to the console while ink draws, so ink need not wrap it.
      { exitOnCtrlC: false, stdin: sanitizedStdin(process.stdin), maxFps: 120, patchConsole: false },
    );
    // An error ink caught itself ends the app the same way as one caught here.
    app.waitUntilExit().then(unmounted, (error: unknown) => {
      end({ kind: 'crash', error });
      unmounted();
    });
    // The first frame is on screen: the launcher may now keep the code compiled so far.
    startupDone?.();
    startupDone = undefined;
    finish = () => {
      finish = undefined;
      try {
        if (ending) app.unmount();
        else {
          // Before a hand-over to $EDITOR the frame is wiped, so it is not left above the editor's
          // screen (or, once back, above the next frame). ink writes its last frame again as it
          // unmounts when a render was still pending: that write is let go, and the cursor ink
          // would have shown with it is shown here.
          app.clear();
          const write = process.stdout.write;
          process.stdout.write = ((_chunk: unknown, encoding?: unknown, callback?: unknown) => {
            // ink waits for its last write to be done before it says it has unmounted.
            const done = typeof encoding === 'function' ? encoding : callback;
            if (typeof done === 'function') process.nextTick(done as () => void);
            return true;
          }) as typeof write;
          try {
            app.unmount();
          } finally {
            process.stdout.write = write;
          }
          print(SHOW_CURSOR);
        }
      } catch {
        // A terminal that is gone, or an app broken by a crash: there is nothing left to draw.
        unmounted();
      }
    };
    if (ending || handOver) finish();
    await gone;
    print(BRACKETED_PASTE_OFF);
    finish = undefined;
    const next = handOver;
    handOver = undefined;
    // The app ended by itself (nothing asked for it): leave as "save and quit" would.
    if (!next) ending ??= { kind: 'quit', reason: 'save' };
    if (ending || !next) break;

    try {
      if (next.kind === 'editText' && snapshot.wizard) {
        const { editText } = await import('./external-editor.js');
        const edited = await editText(next.text, track);
        snapshot = {
          ...snapshot,
          wizard: wizardReducer(snapshot.wizard, { type: 'pending', text: edited.ok ? edited.text : next.text }),
          notice: edited.ok ? undefined : edited.error,
        };
      } else if (next.kind === 'editDraft') {
        snapshot = await editDraft(snapshot, track, () => ending !== undefined);
      }
    } catch (error) {
      end({ kind: 'crash', error });
    }
  }
  // Set by `end` (a closure the compiler does not follow), or just above.
  return leave(snapshot, ending as unknown as Ending, typed);
}

/**
 * "Open the draft in your editor": saved first, then the file itself goes to the editor and is
 * read back. If it cannot be saved, a private copy of the answers in memory goes instead, and
 * what comes back is the answers (still to be saved). Either way nothing typed is lost.
 */
async function editDraft(snapshot: Snapshot, track: (editor: ChildProcess) => void, ending: () => boolean): Promise<Snapshot> {
  const { session, wizard } = snapshot;
  if (!session || !wizard || session.readOnly) return snapshot;
  await session.save(wizard.draft, wizard.revision);
  const status = await session.flush();
  if (ending()) return snapshot;
  const [{ runEditor }, { editDraftFile }] = await Promise.all([import('./external-editor.js'), import('./edit-draft.js')]);
  // Saved, and still there (its folder may have gone since the last save).
  const ownFile = status.state !== 'failed' && status.state !== 'conflict' && existsSync(session.path);
  const reason = status.state === 'failed' || status.state === 'conflict' ? status.reason : 'the file is gone';
  let copyDir: string | undefined;
  let path = session.path;
  if (!ownFile) {
    const { stringify } = await import('yaml');
    copyDir = mkdtempSync(join(tmpdir(), 'postmortem-wizard-'));
    path = join(copyDir, basename(session.path));
    // 0600: a postmortem in progress may name people and systems.
    writeFileSync(path, `# A copy of your answers: ${shortPath(session.path)} could not be saved (${reason}).\n${stringify(wizard.draft)}`, { mode: 0o600 });
  }
  try {
    const edit = await editDraftFile({ path, shown: shortPath(session.path), ownFile, runEditor: (file) => runEditor(file, track), ending });
    if (edit.kind === 'reloaded') {
      return { ...snapshot, session: session.reloaded(edit.loaded), wizard: { ...initialState(edit.loaded.draft), screen: { kind: 'review' } }, notice: undefined };
    }
    if (edit.kind === 'replaced') {
      // A new revision, so the autosave tries to write it as soon as the app is back.
      const next = { ...initialState(edit.draft), screen: { kind: 'review' } as const, revision: wizard.revision + 1, savedRevision: wizard.savedRevision };
      return { ...snapshot, wizard: next, notice: undefined };
    }
    return { ...snapshot, notice: edit.notice };
  } finally {
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  }
}

/** The one way out: the answers saved (or rescued), where they are said, and the exit code. */
async function leave(snapshot: Snapshot, ending: Ending, typed: { step: number; text: string; form?: KeptForm } | undefined): Promise<number> {
  let { session, wizard } = snapshot;
  const atTyped = wizard?.screen.kind === 'question' && typed?.step === wizard.screen.step;
  const finished = ending.kind === 'quit' && ending.reason === 'done';
  // Not at the field that reported: text left at another question with Esc is kept instead.
  if (wizard && !finished) wizard = withUnconfirmed(wizard, atTyped ? typed!.text : undefined, atTyped ? typed!.form : undefined);
  const crashed = (where: string) => {
    if (ending.kind !== 'crash') return;
    print(`${PROGRAM}: internal error: ${describeCrash(ending.error)}${where} (set POSTMORTEM_WIZARD_DEBUG=1 for details).\n`, process.stderr);
    if (process.env.POSTMORTEM_WIZARD_DEBUG) print(`${(ending.error as Error)?.stack ?? String(ending.error)}\n`, process.stderr);
  };
  if (!session || !wizard) {
    crashed('');
    return exitCodeFor(ending, true);
  }
  const shown = shortPath(session.path);
  const message = ending.kind === 'quit' ? ending.message : undefined;
  if (session.readOnly) {
    crashed('');
    if (message) print(`${message}\n`);
    print(`Left ${shown} as it was: ${readOnlyBecause.get(session) ?? 'it was opened read-only'}.\n`);
    return exitCodeFor(ending, true);
  }
  const kept = await saveOrRescue(session, wizard.draft, wizard.revision);
  if (kept.where !== 'draft') {
    crashed(kept.where === 'rescue' ? `; your answers are in ${kept.path}` : '');
    print(`Could not save ${shown}: ${kept.reason}.${kept.where === 'rescue' ? `\nYour answers are in ${kept.path}.` : ''}\n`);
    return exitCodeFor(ending, false);
  }
  crashed(`; your answers are saved in ${shown}`);
  if (message) print(`${message}\n`);
  const withTyped = wizard.draft.unconfirmed ? ', with what you were typing (not yet confirmed)' : '';
  if (finished) print(`Draft kept in ${shown}.\n`);
  else if (ending.kind === 'crash') print(`Resume with: ${invocation()} resume ${shown}\n`);
  else print(`Draft saved to ${shown}${withTyped}.\nResume with: ${invocation()} resume ${shown}\n`);
  return exitCodeFor(ending, true);
}
