import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

describe('the timezone question takes zones as people write them', () => {
  const draft = { version: 1, title: 'Outage', authors: ['Ann'] };

  it('PST is US Pacific time, saved as its place', async () => {
    app = await mountWizard(draft, 'resume');
    await app.waitFor('Timezone the times are written in');
    await app.press('\u0015'); // Ctrl+U: whatever was offered goes
    await app.type('PST');
    await app.waitFor('Tab: America/Los_Angeles');
    expect(app.frame()).not.toMatch(/\+\d+ more/);
    await app.press(KEY.enter);
    await app.waitFor('When did it start?');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('timezone: America/Los_Angeles'));
  });

  it('IST says what it can mean and offers each place; a place picks one (in one burst too)', async () => {
    app = await mountWizard(draft, 'resume');
    await app.waitFor('Timezone the times are written in');
    await app.press('\u0015');
    await app.burst('IST\r');
    await app.waitFor('IST can mean India (Asia/Kolkata), Ireland (Europe/Dublin) or Israel (Asia/Jerusalem)');
    expect(app.frame()).toContain('Tab: Asia/Kolkata · Europe/Dublin · Asia/Jerusalem');
    // Tab takes the first place: the sentence about IST no longer holds, and goes.
    await app.press(KEY.tab);
    await app.waitFor('› Asia/Kolkata');
    expect(app.frame()).not.toContain('IST can mean');
    await app.press('\u0015');
    // More places than a line holds: it says how many more, to narrow by typing.
    await app.type('america');
    await app.waitFor(/Tab: America\/\w+ · .* · \+\d+ more/);
    await app.press('\u0015');
    await app.type('Dublin');
    await app.press(KEY.tab);
    await app.waitFor('› Europe/Dublin');
    await app.press(KEY.enter);
    await app.waitFor('When did it start?');
  });
});
