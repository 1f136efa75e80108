import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { KEY, mountWizard, type WizardHarness } from '../support/ink.js';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

/* The draft changed by hand while the wizard is open: one line, and the person chooses. */
async function changedOutside(): Promise<WizardHarness> {
  app = await mountWizard({ version: 1, title: 'Old title', rootCause: 'Ours.' });
  writeFileSync(app.path, readFileSync(app.path, 'utf8').replace('title: Old title', 'title: Their title # by hand'));
  await app.type(' (ours)');
  await app.press(KEY.enter);
  // One sentence (wrapped at this width).
  await app.waitFor(/postmortem\.yaml was changed outside the wizard: r reload theirs · k keep mine \(theirs kept as\s+postmortem\.yaml\.theirs\)/);
  expect(app.frame()).toContain('changed outside');
  return app;
}

describe('a draft changed outside the wizard', () => {
  it('k keeps mine: theirs is kept as .theirs, ours is saved', async () => {
    const wizard = await changedOutside();
    // The screen's keys wait while the question is open: k is not typed into a field.
    await wizard.press('k');
    await wizard.waitFor('✓ saved');
    expect(readFileSync(`${wizard.path}.theirs`, 'utf8')).toContain('title: Their title # by hand');
    const draft = (await loadDraft(wizard.path)).draft;
    expect(draft.title).toBe('Old title (ours)');
  });

  it('r reloads theirs: their answers are the draft, ours are kept as .mine', async () => {
    const wizard = await changedOutside();
    await wizard.press('r');
    await wizard.waitFor('what you had not saved is in postmortem.yaml.mine');
    expect(readFileSync(wizard.path, 'utf8')).toContain('title: Their title # by hand');
    expect((await loadDraft(`${wizard.path}.mine`)).draft.title).toBe('Old title (ours)');
    expect(existsSync(`${wizard.path}.theirs`)).toBe(false);
    expect(wizard.frame()).not.toContain('changed outside the wizard');
  });
});
