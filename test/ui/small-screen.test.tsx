import { join } from 'node:path';
import { render } from 'ink';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/draft/schema.js';
import { newDraftFile, saveDraft } from '../../src/store/draft-file.js';
import { DraftSession } from '../../src/store/draft-session.js';
import { Providers } from '../../src/ui/root.js';
import { sanitizedStdin } from '../../src/ui/terminal-input.js';
import { WizardApp } from '../../src/ui/wizard-app.js';
import { initialState } from '../../src/wizard/reducer.js';
import { KEY, stripAnsi, waitFor } from '../support/ink.js';
import { timelineDraft } from '../support/drafts.js';
import { tempDir } from '../support/temp.js';
import { FakeStdin, FakeStdout } from '../support/fake-terminal.js';


async function mountSized(columns: number, rows: number, draft: Draft) {
  const file = await saveDraft(newDraftFile(join(tempDir(), 'pm.yaml')), draft);
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const app = render(
    <Providers session={new DraftSession(file)} services={{ editText: () => undefined, editDraft: () => undefined, quit: () => undefined }}>
      <WizardApp initial={initialState(draft, 'resume')} writeReadme={async () => ({ ok: true, message: '' })} />
    </Providers>,
    { stdout: stdout as unknown as NodeJS.WriteStream, stdin: sanitizedStdin(stdin as unknown as NodeJS.ReadStream), debug: true, exitOnCtrlC: false, patchConsole: false },
  );
  return { app, stdout, stdin, frame: () => stripAnsi(stdout.last) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a list\'s form at the documented minimum, 60×16', () => {
  it('keeps the title bar and the footer on screen while the kind is picked', async () => {
    const draft = { ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alert.' }] };
    const { app, stdin, frame } = await mountSized(60, 16, draft);
    await waitFor(() => expect(frame()).toContain('a add'));
    for (const key of ['a', '1', '4', ':', '0', '0', KEY.enter]) {
      stdin.write(key);
      await pause(20);
    }
    await waitFor(() => expect(frame()).toContain('What kind of moment was it?'));
    const lines = frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(16);
    expect(lines[0]).toContain('postmortem-wizard');
    expect(frame()).toContain('❯ Action');
    expect(frame()).toContain('Other');
    expect(frame()).toContain('Ctrl+C');
    app.unmount();
  });
});
