import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';
import { rootCauseDraft, timelineDraft } from '../support/drafts.js';

/* Esc ("back") never drops what was typed: coming back to the question shows it as it was. */

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());


describe('Esc keeps the typed text', () => {
  it('of a one-line field, until the answer is confirmed', async () => {
    app = await mountWizard({ version: 1 });
    await app.type('Outage');
    await app.press(KEY.enter);
    await app.waitFor('Author(s)');
    await app.type('Jane, B');
    await app.press(KEY.esc);
    await app.waitFor('› Outage');
    await app.press(KEY.enter);
    await app.waitFor('› Jane, B');
    await app.type('ob');
    await app.press(KEY.enter);
    await app.waitFor('Timezone the times are written in');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('authors:\n  - Jane\n  - Bob'));
  });

  it('of a multi-line field, line breaks and all', async () => {
    const draft = rootCauseDraft;
    app = await mountWizard(draft, 'resume');
    await app.waitFor('What caused it, in detail?');
    await app.type('Leak.');
    await app.press(KEY.ctrlJ);
    await app.type('More');
    await app.press(KEY.esc);
    await app.waitFor('Who was it escalated to');
    await app.press(KEY.tab);
    await app.waitFor('What caused it, in detail?');
    expect(app.frame()).toContain('› Leak.');
    expect(app.frame()).toContain('  More');
  });

  it('of a list\'s half-filled form, field by field', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' }] }, 'resume');
    await app.waitFor('a add');
    await app.press('a');
    await app.type('14:05');
    await app.press(KEY.enter);
    await app.waitFor('What kind of moment was it?');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('What happened?');
    await app.type('Half a sent');
    // Back through the form's fields, out of the form, out of the question.
    await app.press(KEY.esc);
    await app.waitFor('What kind of moment was it?');
    await app.press(KEY.esc);
    // The time as it was read when Enter confirmed it.
    await app.waitFor('› 2023-08-02 14:05');
    await app.press(KEY.esc);
    await app.waitFor('a add');
    await app.press(KEY.esc);
    await app.waitFor('How was it detected?');
    await app.press(KEY.enter);
    await app.waitFor('a add');
    await app.press('a');
    await app.waitFor('› 2023-08-02 14:05');
    await app.press(KEY.enter);
    await app.waitFor('What kind of moment was it?');
    expect(app.frame()).toMatch(/❯ Misleading path/);
    await app.press(KEY.enter);
    await app.waitFor('› Half a sent');
    await app.type('ence.');
    await app.press(KEY.enter);
    await app.waitFor('2 entries in the timeline');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toMatch(/at: "2023-08-02 14:05"\n\s+kind: misleading\n\s+text: Half a sentence\./));
    // Saved: the next form starts empty.
    expect(app.frame()).toContain('New entry · 1/3');
    expect(app.frame()).not.toContain('› 2023-08-02 14:05');
  });

  it("of an item's edit, and says so: when it is left, and when it opens again", async () => {
    app = await mountWizard({ ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' }, { at: '2023-08-02 14:00', kind: 'action', text: 'Rolled back.' }] }, 'resume');
    await app.waitFor('a add');
    // The list opens on its last entry.
    await app.press(KEY.up, 'e');
    await app.waitFor('› 2023-08-02 13:45');
    expect(app.frame()).not.toContain('Opened as you left it');
    await app.press('\u0015');
    await app.type('3:33');
    await app.press(KEY.esc);
    await app.waitFor('Not saved: your changes to entry 1 are kept for when you open it again (e).');
    // Another entry's edit, left unchanged, says nothing and keeps nothing.
    await app.press(KEY.down, 'e');
    await app.waitFor('› 2023-08-02 14:00');
    expect(app.frame()).not.toContain('Opened as you left it');
    await app.press(KEY.esc);
    await app.waitFor('a add');
    expect(app.frame()).not.toContain('Not saved');
    await app.press(KEY.up, 'e');
    await app.waitFor('› 3:33');
    expect(app.frame()).toContain('Opened as you left it, not saved yet (Ctrl+U clears a field).');
  });
});
