import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';
import { tasksDraft, timelineDraft } from '../support/drafts.js';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

const complete = {
  ...tasksDraft,
  tasks: [{ text: 'Patch it' }],
  template: 'alx' as const,
  extras: { trigger: 'A deploy.', humor: 'Ha.' },
};

describe('Enter on an empty new item ends the list', () => {
  it('skips the optional lessons one Enter each, one key at a time', async () => {
    app = await mountWizard(complete, 'resume');
    await app.waitFor('Review ·');
    // Back to the first lesson list (went well): each empty list opens on its add form.
    await app.press(KEY.esc, KEY.esc, KEY.esc, KEY.esc, KEY.esc, KEY.esc);
    await app.waitFor('what went well?');
    expect(app.frame()).toContain('Enter on an empty lesson finishes the list.');
    expect(app.frame()).toContain('Enter finish list');
    await app.press(KEY.enter);
    await app.waitFor('what went wrong?');
    await app.press(KEY.enter);
    await app.waitFor('where did you get lucky?');
    await app.press(KEY.enter);
    await app.waitFor('Add a timeline diagram?');
    expect(app.frame()).not.toContain('cannot be left empty');
  });

  it('adds a lesson and ends the lists in one burst', async () => {
    app = await mountWizard(complete, 'resume');
    await app.waitFor('Review ·');
    await app.press(KEY.esc, KEY.esc, KEY.esc, KEY.esc, KEY.esc, KEY.esc);
    await app.waitFor('what went well?');
    await app.burst('The rollback was quick.\r\r\r\r');
    await app.waitFor('Add a timeline diagram?');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('wentWell:\n      - The rollback was quick.'));
  });

  it('says what the rubric needs in a required list instead of ending it', async () => {
    app = await mountWizard({ ...complete, measures: undefined, tasks: undefined }, 'resume');
    await app.waitFor('What can be improved, broadly?');
    await app.press(KEY.enter);
    await app.waitFor('Add at least one improvement: the rubric asks for it.');
    expect(app.frame()).toContain('New improvement · 1/1');
    await app.burst('Review pools.\r\r');
    await app.waitFor('Specific tasks, each starting with a verb');
  });

  it('ends the timeline only once the rubric\'s kinds are there', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' }] }, 'resume');
    await app.waitFor('a add');
    await app.press('a');
    await app.waitFor('New entry · 1/3');
    await app.press(KEY.enter);
    await app.waitFor('Add an action and a resolution entry first: the rubric asks for them.');
    await app.burst('14:00\r\rRestarted.\r15:30\rrFixed.\r\r');
    await app.waitFor('What did you suspect first that turned out wrong?');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.timeline?.map((entry) => entry.kind)).toEqual(['detection', 'action', 'resolution']));
  });
});

describe('while adding, the items already entered', () => {
  it('shows the last few with the new one\'s place among them, placed by the time typed', async () => {
    const timeline = [
      { at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alert fired.' },
      { at: '2023-08-02 14:00', kind: 'action' as const, text: 'Restarted.' },
      { at: '2023-08-02 15:00', kind: 'action' as const, text: 'Scaled up.' },
    ];
    app = await mountWizard({ ...timelineDraft, timeline }, 'resume');
    await app.waitFor('a add');
    await app.press('a');
    await app.waitFor('› + new entry (4 of 4)');
    expect(app.frame()).toMatch(/13:45 Detection\s+Alert fired\.[\s\S]*14:00 Action[\s\S]*15:00 Action[\s\S]*› \+ new entry/);
    await app.type('14:30');
    await app.waitFor('› + new entry (3 of 4)');
    expect(app.frame()).toMatch(/14:00 Action\s+Restarted\.\n› \+ new entry \(3 of 4\)\n\s+15:00 Action/);
  });

  it('shows the measures entered so far in a plain list', async () => {
    app = await mountWizard({ ...complete, measures: ['Review pools.', 'Load test.'], tasks: undefined }, 'resume');
    await app.waitFor('Specific tasks');
    await app.press(KEY.esc, KEY.esc);
    await app.waitFor('What can be improved, broadly?');
    await app.press('a');
    await app.waitFor('› + new improvement (3 of 3)');
    expect(app.frame()).toMatch(/Review pools\.\n\s+Load test\.\n› \+ new improvement/);
  });
});

describe('the kind picker', () => {
  const escalated = [
    { at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alert.' },
    { at: '2023-08-02 14:00', kind: 'escalation' as const, text: 'Called the DBAs.' },
  ];

  it('offers the resolution after an escalation, and picks a kind by its letter', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: escalated }, 'resume');
    await app.waitFor('a add');
    await app.press('a');
    await app.type('14:30');
    await app.press(KEY.enter);
    await app.waitFor('What kind of moment was it?');
    expect(app.frame()).toMatch(/❯ Resolution/);
    // Before the escalation, an action is more likely.
    await app.press(KEY.esc);
    await app.waitFor('› 2023-08-02 14:30');
    for (let i = 0; i < 16; i++) await app.press(KEY.backspace);
    await app.type('13:50');
    await app.press(KEY.enter);
    await app.waitFor('What kind of moment was it?');
    expect(app.frame()).toMatch(/❯ Action/);
    await app.press('m');
    await app.waitFor('What happened?');
    await app.paste('Blamed DNS.');
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.timeline?.[1]).toEqual({ at: '2023-08-02 13:50', kind: 'misleading', text: 'Blamed DNS.' }));
  });

  it('picks by letter in a burst, the text going on into the next field', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: escalated }, 'resume');
    await app.waitFor('a add');
    await app.burst('a14:10\reLooped in the network team.\r');
    await app.waitFor('Added.');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('Looped in the network team.'));
    expect((await loadDraft(app.path)).draft.timeline?.[2]).toEqual({ at: '2023-08-02 14:10', kind: 'escalation', text: 'Looped in the network team.' });
  });
});
