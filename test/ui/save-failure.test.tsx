import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

/*
 * The draft's folder disappears under the wizard (a removed USB stick, a deleted checkout):
 * every answer stays in memory, the wizard says so in one line and keeps going, and Ctrl+S
 * saves the answers to another file that becomes the draft.
 */
describe('when the draft cannot be saved', () => {
  it('keeps the answers, says so in one line, and saves them elsewhere on Ctrl+S', async () => {
    mkdirSync(homedir(), { recursive: true });
    app = await mountWizard({ version: 1 });
    rmSync(dirname(app.path), { recursive: true, force: true });

    await app.type('Payment outage');
    await app.press(KEY.enter);
    await app.waitFor('✗ Not saved (see below). Your answers are kept; Ctrl+S saves them elsewhere.');
    expect(app.frame()).toContain('✗ not saved: the folder does not exist');
    // The wizard goes on: the next question is there and takes answers.
    expect(app.frame()).toContain('Author(s)');
    await app.type('Jane Doe');
    await app.press(KEY.enter);
    await app.waitFor('Timezone the times are written in');

    await app.press(KEY.ctrlS);
    await app.waitFor('Save the draft to another file:');
    // The last answer's save may still be on its way: the dialog says why once it has failed.
    await app.waitFor('postmortem.yaml cannot be saved: the folder does not exist.');
    // A folder that does not exist either is refused with one sentence and a second chance.
    await app.press('\u0015'); // Ctrl+U: the path offered goes
    await app.type('/nowhere/at/all/pm.yaml');
    await app.press(KEY.enter);
    await app.waitFor('✗ The folder /nowhere/at/all does not exist.');
    await app.press('\u0015'); // Ctrl+U: the path offered goes
    await app.type('~/rescued.yaml');
    await app.press(KEY.enter);
    await app.waitFor('✓ saved');
    expect(app.frame()).toContain('postmortem-wizard · rescued.yaml');
    expect(app.frame()).not.toContain('Not saved');

    const rescued = join(homedir(), 'rescued.yaml');
    const text = readFileSync(rescued, 'utf8');
    expect(text).toContain('title: Payment outage');
    expect(text).toContain('Jane Doe');
    // And later answers go there too.
    expect(app.session.path).toBe(rescued);
  });

  it('closes the dialog with Esc and goes on where it was, with what was typed', async () => {
    app = await mountWizard({ version: 1 });
    await app.type('Half a tit');
    await app.press(KEY.ctrlS);
    await app.waitFor('Save the draft to another file:');
    await app.press(KEY.esc);
    await waitFor(() => expect(app!.frame()).not.toContain('Save the draft to another file:'));
    await app.type('le');
    await app.waitFor('› Half a title');
  });
});
