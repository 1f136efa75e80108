import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';
import { timelineDraft } from '../support/drafts.js';

/*
 * Keys written in ONE chunk, as a fast typist, a paste of several answers or a script sends
 * them: each key must reach the view that is focused once the keys before it are applied.
 */

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());


const saved = async (path: string) => (await loadDraft(path)).draft;

describe('keys in one burst', () => {
  it('answers several questions, Enter between them', async () => {
    app = await mountWizard({ version: 1 });
    await app.burst('Payment outage\rJane Doe, Bob\r');
    await app.waitFor('Timezone the times are written in');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('- Bob'));
    const draft = await saved(app.path);
    expect(draft.title).toBe('Payment outage');
    expect(draft.authors).toEqual(['Jane Doe', 'Bob']);
  });

  it('opens the add form with `a` and types its fields, two entries back to back', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' }] }, 'resume');
    await app.waitFor('a add');
    // a: add · the time · ↓ Enter: the kind after the one offered ("Action") · the sentence;
    // then the next form is open already: the time · Enter: "Action" · the sentence.
    await app.burst(`a14:05\r${KEY.down}\rRolled back the deploy\r14:10\r\rChecked the logs\r`);
    await waitFor(() => expect(app!.frame()).toContain('3 entries in the timeline'));
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('Checked the logs'));
    expect((await saved(app.path)).timeline).toEqual([
      { at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' },
      { at: '2023-08-02 14:05', kind: 'misleading', text: 'Rolled back the deploy' },
      { at: '2023-08-02 14:10', kind: 'action', text: 'Checked the logs' },
    ]);
  });

  it('takes the letters after a command key as text of the form it opened', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' }] }, 'resume');
    await app.waitFor('a add');
    await app.burst('a14:05');
    await app.waitFor('› 14:05');
    expect(app.frame()).toContain('New entry · 1/3');
  });

  it('keeps the text typed just before a Ctrl+C in the same burst', async () => {
    app = await mountWizard({ version: 1 });
    await app.burst(`Outage\rHalf typed${KEY.ctrlC}`);
    // (The harness has no Ctrl+C handler of its own; the pty tests quit for real.)
    await waitFor(() => expect(app!.typed.at(-1)).toEqual({ step: 1, text: 'Half typed' }));
  });
});

describe('Backspace and Delete as terminals send them (DEL, and ESC [3~)', () => {
  // "abcde", Home (ESC [H), Delete: "bcde"; Right, Backspace: "cde"; End (ESC [F), Backspace, x:
  // "cdx". Delete takes the character after the cursor, Backspace the one before it.
  const keys = ['\u001b[H', '\u001b[3~', '\u001b[C', KEY.backspace, '\u001b[F', KEY.backspace, 'x'];

  it('one key at a time', async () => {
    app = await mountWizard({ version: 1 });
    await app.type('abcde');
    for (const key of keys) await app.press(key);
    await app.waitFor('› cdx');
  });

  it('in one burst', async () => {
    app = await mountWizard({ version: 1 });
    await app.burst(`abcde${keys.join('')}`);
    await app.waitFor('› cdx');
  });
});
