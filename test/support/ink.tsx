import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { expect } from 'vitest';
import type { Draft } from '../../src/draft/schema.js';
import { newDraftFile, saveDraft } from '../../src/store/draft-file.js';
import { DraftSession } from '../../src/store/draft-session.js';
import { Providers } from '../../src/ui/root.js';
import type { QuitReason } from '../../src/ui/session-context.js';
import { WizardApp } from '../../src/ui/wizard-app.js';
import { initialState, type WizardState } from '../../src/wizard/reducer.js';
import { join } from 'node:path';
import { tempDir } from './temp.js';

/** Keys as a terminal sends them (Enter is \r). */
export const KEY = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  up: '\u001b[A',
  down: '\u001b[B',
  backspace: '\u007f',
  ctrlJ: '\n',
  ctrlC: '\u0003',
  ctrlX: '\u0018',
  ctrlS: '\u0013',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
} as const;

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the assertion passes (or fails after `timeout`: room for a busy machine), instead of sleeping a fixed time. */
export async function waitFor(assertion: () => void | Promise<void>, timeout = 8000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() - started > timeout) throw error;
      await pause(5);
    }
  }
}

export interface Mounted {
  frame(): string;
  /** One key per write, then time for ink to redraw and attach the new handlers. */
  press(...keys: string[]): Promise<void>;
  /** Types text one character at a time, as a person would. */
  type(text: string): Promise<void>;
  /** Sends text in one chunk, marked as a paste (bracketed), as the wizard's terminal delivers one. */
  paste(text: string): Promise<void>;
  /** Writes keys in one chunk, as a fast typist or a script sends them (no waiting between keys). */
  burst(keys: string): Promise<void>;
  waitFor(text: string | RegExp): Promise<void>;
  unmount(): void;
}

export function mount(element: ReactElement): Mounted {
  const app = render(element);
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      // A lone Esc waits for ink to decide it is not the start of a sequence.
      await pause(key === KEY.esc ? 40 : 20);
    }
  };
  return {
    frame,
    press,
    type: async (text) => {
      for (const char of text) await press(char);
    },
    paste: (text) => press(`\u001b[200~${text}\u001b[201~`),
    burst: async (keys) => {
      app.stdin.write(keys);
      await pause(20);
    },
    // Once the text shows, a moment more: the new screen's key handlers attach after it draws.
    waitFor: async (text) => {
      await waitFor(() => {
        if (typeof text === 'string') expect(frame()).toContain(text);
        else expect(frame()).toMatch(text);
      });
      await pause(20);
    },
    unmount: () => app.unmount(),
  };
}

export interface WizardHarness extends Mounted {
  session: DraftSession;
  path: string;
  quits: { reason: QuitReason; message?: string }[];
  editorRequests: string[];
  written: { path: string; markdown: string }[];
  /** What the wizard was told is typed but unconfirmed, in order (step, text). */
  typed: { step: number; text: string }[];
}

/** The wizard on a real draft file in a temp folder, with the terminal hand-overs recorded. */
export async function mountWizard(draft: Draft, start: 'beginning' | 'resume' = 'beginning', more: Partial<WizardState> = {}): Promise<WizardHarness> {
  const path = join(tempDir(), 'postmortem.yaml');
  const file = await saveDraft(newDraftFile(path), draft);
  const session = new DraftSession(file);
  const quits: WizardHarness['quits'] = [];
  const editorRequests: string[] = [];
  const written: WizardHarness['written'] = [];
  const typed: WizardHarness['typed'] = [];
  const mounted = mount(
    <Providers
      session={session}
      services={{
        editText: (text) => editorRequests.push(text),
        editDraft: () => editorRequests.push('<draft>'),
        quit: (reason, message) => quits.push({ reason, message }),
        typing: (step, text) => typed.push({ step, text }),
      }}
    >
      <WizardApp
        initial={{ ...initialState(draft, start), ...more }}
        writeReadme={async (target, markdown) => {
          written.push({ path: target, markdown });
          return { ok: true, message: `Wrote ${target}.` };
        }}
      />
    </Providers>,
  );
  await mounted.waitFor('postmortem-wizard');
  return { ...mounted, session, path, quits, editorRequests, written, typed };
}
