import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';
import { tasksDraft } from '../support/drafts.js';

let app: WizardHarness | undefined;
const noColor = process.env.NO_COLOR;
afterEach(() => {
  app?.unmount();
  if (noColor === undefined) delete process.env.NO_COLOR;
  else process.env.NO_COLOR = noColor;
});

const RIGHT = '\u001b[C';
const atTimezone = { version: 1, title: 'Outage', authors: ['Jane'] };
const suggested = { suggested: { timezone: 'UTC', authors: ['Jane Doe'] } };

describe('a default shown as a placeholder', () => {
  it('is replaced by what is typed, not added to', async () => {
    app = await mountWizard(atTimezone, 'resume', suggested);
    await app.waitFor('Timezone the times are written in');
    expect(app.frame()).toContain('› UTC');
    expect(app.frame()).toContain('Enter use default');
    expect(app.frame()).toContain('Tab/→ edit default');
    await app.type('Europe/Ber');
    await app.waitFor('› Europe/Ber');
    expect(app.frame()).not.toContain('UTCEurope');
    await app.type('lin');
    await app.press(KEY.enter);
    await app.waitFor('When did it start?');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.summary?.timezone).toBe('Europe/Berlin'));
  });

  it('is taken by Enter on the empty field, and is not an answer before', async () => {
    app = await mountWizard(atTimezone, 'resume', suggested);
    await app.waitFor('Timezone the times are written in');
    expect(readFileSync(app.path, 'utf8')).not.toContain('timezone');
    await app.press(KEY.enter);
    await app.waitFor('When did it start?');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.summary?.timezone).toBe('UTC'));
  });

  it('becomes the text with Tab or →, to be added to', async () => {
    app = await mountWizard({ version: 1, title: 'Outage' }, 'beginning', suggested);
    await app.press(KEY.enter);
    await app.waitFor('Author(s), separated by commas');
    expect(app.frame()).toContain('› Jane Doe');
    await app.press(KEY.tab);
    await app.type(', Bob');
    await app.waitFor('› Jane Doe, Bob');
    await app.press(KEY.enter);
    await app.waitFor('Timezone the times are written in');
    expect(app.frame()).toContain('Tab/→ edit default');
    await app.press(RIGHT);
    // Now real text: the footer offers Enter as "next", and typing adds to it.
    await app.waitFor('Enter next');
    await app.type('x');
    await app.waitFor('› UTCx');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.authors).toEqual(['Jane Doe', 'Bob']));
  });

  it('works with keys in one burst: typing over it, Tab then text', async () => {
    app = await mountWizard({ version: 1 }, 'beginning', suggested);
    await app.burst(`Outage\r\t, Bob\rAfrica/Lagos\r`);
    await app.waitFor('When did it start?');
    await waitFor(async () => {
      const { draft } = await loadDraft(app!.path);
      expect(draft.authors).toEqual(['Jane Doe', 'Bob']);
      expect(draft.summary?.timezone).toBe('Africa/Lagos');
    });
  });

  it('leaves an answer being edited as real text', async () => {
    app = await mountWizard({ ...atTimezone, summary: { timezone: 'Africa/Lagos' } }, 'beginning', suggested);
    await app.press(KEY.enter, KEY.enter);
    await app.waitFor('Timezone the times are written in');
    expect(app.frame()).toContain('› Africa/Lagos');
    await app.type('x');
    await app.waitFor('› Africa/Lagosx');
  });

  it('under NO_COLOR says it is a default, after the cursor', async () => {
    process.env.NO_COLOR = '1';
    app = await mountWizard(atTimezone, 'resume', suggested);
    await app.waitFor('Timezone the times are written in');
    expect(app.frame()).toContain('›  (default: UTC)');
    expect(app.frame()).not.toMatch(/› UTC/);
  });
});

describe('an example shown as a placeholder', () => {
  const draft = {
    ...tasksDraft,
  };

  it('is not saved by Enter, and under NO_COLOR reads as an example', async () => {
    process.env.NO_COLOR = '1';
    app = await mountWizard(draft, 'resume');
    await app.waitFor('New task · 1/3');
    await app.burst('Patch the pool\r\r');
    await app.waitFor('Due date (optional');
    // Two weeks after the incident began.
    expect(app.frame()).toContain('›  (e.g.: 2023-08-16)');
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.tasks).toEqual([{ text: 'Patch the pool' }]));
  });
});
