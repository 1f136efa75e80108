import { afterEach, describe, expect, it } from 'vitest';
import { KEY, mountWizard, type WizardHarness } from '../support/ink.js';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

describe('an end time earlier in the day than the start', () => {
  const draft = { version: 1, title: 'Overnight', authors: ['Ann'], summary: { timezone: 'UTC', start: '2023-08-02 23:10' } };

  it('is read as the next day only once the person confirms it (keys one at a time)', async () => {
    app = await mountWizard(draft, 'resume');
    await app.waitFor('When was it over?');
    await app.type('01:40');
    await app.press(KEY.enter);
    await app.waitFor('? 01:40 is earlier in the day than the start, so it is read as the next day (Aug 3)');
    expect(app.frame()).toContain('When was it over?');
    await app.press(KEY.enter);
    await app.waitFor('Impact: what was down or slow');
    expect(app.session.status.state).not.toBe('failed');
  });

  it('typing something else asks again; in one burst, the confirmation still needs its own Enter', async () => {
    app = await mountWizard(draft, 'resume');
    await app.waitFor('When was it over?');
    await app.burst('01:40\r');
    await app.waitFor('? 01:40 is earlier in the day');
    await app.press(KEY.backspace);
    await app.type('5');
    await app.waitFor('› 01:45');
    expect(app.frame()).not.toContain('? 01:40');
    await app.press(KEY.enter);
    await app.waitFor('? 01:45 is earlier in the day');
    await app.press(KEY.enter);
    await app.waitFor('Impact: what was down or slow');
  });
});
