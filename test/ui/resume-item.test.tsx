import { afterEach, describe, expect, it } from 'vitest';
import { loadDraft, newDraftFile, saveDraft } from '../../src/store/draft-file.js';
import { initialState, withUnconfirmed } from '../../src/wizard/reducer.js';
import { STEPS } from '../../src/wizard/flow.js';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';
import { tasksDraft, timelineDraft } from '../support/drafts.js';
import { tempDir } from '../support/temp.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

const timeline = [
  { at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alert fired.' },
  { at: '2023-08-02 14:00', kind: 'action' as const, text: 'Restarted.' },
];

describe('resuming with a half-written list item', () => {
  it('opens a new entry in its form at the field it was left, filled in', async () => {
    const unconfirmed = {
      question: 'timeline',
      text: '2023-08-02 14:05 · Action · Rolled back',
      form: { field: 2, values: { at: '2023-08-02 14:05', kind: 'action' }, texts: { text: 'Rolled back' } },
    };
    app = await mountWizard({ ...timelineDraft, timeline, unconfirmed }, 'resume');
    await app.waitFor('Not saved when the wizard closed: a new entry, opened again as you left it.');
    expect(app.frame()).toContain('New entry · 3/3');
    expect(app.frame()).toContain('› Rolled back');
    await app.type(' the deploy.');
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    expect(app.frame()).not.toContain('Not saved when the wizard closed');
    await waitFor(async () => {
      const { draft } = await loadDraft(app!.path);
      expect(draft.timeline?.[2]).toEqual({ at: '2023-08-02 14:05', kind: 'action', text: 'Rolled back the deploy.' });
      expect(draft.unconfirmed).toBeUndefined();
    });
  });

  it('says which item an edit was of, and opens that edit again (keys in one burst)', async () => {
    const unconfirmed = {
      question: 'timeline',
      text: '2023-08-02 14:00 · Action · Restarted the pool',
      form: { editing: 1, field: 0, values: { at: '2023-08-02 14:00', kind: 'action', text: 'Restarted.' }, texts: { text: 'Restarted the pool' } },
    };
    app = await mountWizard({ ...timelineDraft, timeline, unconfirmed }, 'resume');
    await app.waitFor('Not saved when the wizard closed: your edit of entry 2, opened again as you left it.');
    expect(app.frame()).toContain('Edit entry · 1/3');
    await app.burst('\r\r.\r');
    await app.waitFor('Saved the entry.');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.timeline).toEqual([timeline[0], { ...timeline[1], text: 'Restarted the pool.' }]));
  });

  it('opens a half-written task with its owner typed', async () => {
    const draft = {
      ...tasksDraft,
      unconfirmed: { question: 'tasks', text: 'Patch the pool · SR', form: { field: 1, values: { text: 'Patch the pool' }, texts: { owner: 'SR' } } },
    };
    app = await mountWizard(draft, 'resume');
    await app.waitFor('a new task, opened again as you left it.');
    expect(app.frame()).toContain('› SR');
    await app.type('E');
    await app.press(KEY.enter, KEY.enter);
    await app.waitFor('Added.');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.tasks).toEqual([{ text: 'Patch the pool', owner: 'SRE' }]));
  });

  it('keeps the form in the draft when the wizard closes mid-item, and reads it back', async () => {
    const step = STEPS.findIndex((s) => s.question.kind === 'entries' && !s.question.entryKind);
    const state = { ...initialState({ ...timelineDraft, timeline }), screen: { kind: 'question' as const, step } };
    const closed = withUnconfirmed(state, '14:05 · Action · Half', { editing: 1, field: 2, values: { at: '2023-08-02 14:05', kind: 'action', n: 3 }, texts: { text: 'Half' } });
    expect(closed.draft.unconfirmed).toEqual({
      question: 'timeline',
      text: '14:05 · Action · Half',
      form: { editing: 1, field: 2, values: { at: '2023-08-02 14:05', kind: 'action' }, texts: { text: 'Half' } },
    });
    const path = join(tempDir(), 'pm.yaml');
    await saveDraft(newDraftFile(path), closed.draft);
    expect((await loadDraft(path)).draft.unconfirmed).toEqual(closed.draft.unconfirmed);
  });

  it('still reads a draft whose kept form was spoilt by hand: the form goes, its text stays', async () => {
    const path = join(tempDir(), 'pm.yaml');
    writeFileSync(path, 'version: 1\nunconfirmed:\n  question: timeline\n  text: 14:05 · Rolled back\n  form:\n    field: two\n    values: []\n');
    const { draft } = await loadDraft(path);
    expect(draft.unconfirmed).toEqual({ question: 'timeline', text: '14:05 · Rolled back' });
  });
});
