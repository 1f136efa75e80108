import { describe, expect, it } from 'vitest';
import { firstStepOf, resumeStep, STEPS } from '../../src/wizard/flow.js';
import { initialState, isDirty, typedAt, withUnconfirmed, wizardReducer, type WizardAction, type WizardState } from '../../src/wizard/reducer.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { fixture } from '../support/temp.js';

function run(state: WizardState, ...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, state);
}

const at = (state: WizardState) => (state.screen.kind === 'review' ? 'review' : `${STEPS[state.screen.step]!.section.id}/${STEPS[state.screen.step]!.question.path.join('.')}`);

describe('wizard reducer', () => {
  it('walks every question of every section in order, then reviews', () => {
    let state = initialState({ version: 1 });
    const visited: string[] = [at(state)];
    for (let i = 0; i < STEPS.length; i++) {
      state = wizardReducer(state, { type: 'next' });
      visited.push(at(state));
    }
    expect(visited[0]).toBe('basics/title');
    expect(visited).toContain('summary/summary.timezone');
    expect(visited).toContain('misleading/timeline');
    expect(visited.at(-1)).toBe('review');
    expect(visited).toHaveLength(STEPS.length + 1);
  });

  it('records an answer, marks the state dirty, and moves on', () => {
    const state = run(initialState({ version: 1 }), { type: 'answer', path: ['title'], value: 'Outage' });
    expect(state.draft.title).toBe('Outage');
    expect(at(state)).toBe('basics/authors');
    expect(isDirty(state)).toBe(true);
    expect(isDirty(wizardReducer(state, { type: 'saved', revision: state.revision }))).toBe(false);
  });

  it('keeps answers when going back and forth', () => {
    const state = run(
      initialState({ version: 1 }),
      { type: 'answer', path: ['title'], value: 'Outage' },
      { type: 'answer', path: ['authors'], value: ['Jane'] },
      { type: 'back' },
      { type: 'back' },
      { type: 'back' },
    );
    expect(at(state)).toBe('basics/title');
    expect(state.draft).toMatchObject({ title: 'Outage', authors: ['Jane'] });
    expect(at(run(state, { type: 'next' }, { type: 'next' }))).toBe('summary/summary.timezone');
  });

  it('goes from review to a section and back to review when that section is done', () => {
    let state = run(initialState({ version: 1 }), { type: 'review' }, { type: 'goto', section: 'rootCause' });
    expect(at(state)).toBe('rootCause/rootCause');
    state = run(state, { type: 'answer', path: ['rootCause'], value: 'Leak.' }, { type: 'answer', path: ['resolution'], value: 'Fix.' });
    expect(at(state)).toBe('review');
    // Back from the first question of a section opened from review returns there too.
    expect(at(run(state, { type: 'goto', section: 'summary' }, { type: 'back' }))).toBe('review');
    // From review, back is the last question.
    expect(at(run(state, { type: 'back' }))).toBe('extras/extras.diagram');
  });

  it('goes from review to one question picked there and back to review once it is answered, or on Esc', () => {
    const review = run(initialState({ version: 1 }), { type: 'review' });
    const impact = STEPS.findIndex((step) => step.question.path.join('.') === 'summary.impact');
    const picked = run(review, { type: 'goto', section: 'summary', step: impact });
    expect(at(picked)).toBe('summary/summary.impact');
    expect(at(run(picked, { type: 'answer', path: ['summary', 'impact'], value: 'Checkout failed.' }))).toBe('review');
    expect(at(run(picked, { type: 'back' }))).toBe('review');
    // The next visit from review to the whole section goes through it again.
    const section = run(picked, { type: 'back' }, { type: 'goto', section: 'summary' }, { type: 'next' });
    expect(at(section)).not.toBe('review');
  });

  it('keeps the timeline sorted through add, replace and remove', () => {
    let state = initialState({ version: 1, summary: { start: '2023-08-02 13:45', end: '2023-08-02 15:30', timezone: 'UTC' } });
    state = run(
      state,
      { type: 'addEntry', entry: { at: '15:00', kind: 'escalation', text: 'Escalated.' } },
      { type: 'addEntry', entry: { at: '13:45', kind: 'detection', text: 'Alert.' } },
      { type: 'addEntry', entry: { at: '14:00', kind: 'misleading', text: 'DNS?' } },
    );
    expect(state.draft.timeline?.map((e) => e.at)).toEqual(['13:45', '14:00', '15:00']);
    state = run(state, { type: 'replaceEntry', index: 0, entry: { at: '14:30', kind: 'action', text: 'Looked.' } });
    expect(state.draft.timeline?.map((e) => e.text)).toEqual(['DNS?', 'Looked.', 'Escalated.']);
    state = run(state, { type: 'removeEntry', index: 1 });
    expect(state.draft.timeline?.map((e) => e.text)).toEqual(['DNS?', 'Escalated.']);
    expect(state.revision).toBe(5);
  });

  it('keeps unconfirmed text for the current field and drops it on moving', () => {
    const state = run(initialState({ version: 1 }), { type: 'pending', text: 'half typed' });
    expect(state.pending).toEqual({ step: 0, text: 'half typed' });
    expect(run(state, { type: 'next' }).pending).toBeUndefined();
    expect(isDirty(state)).toBe(false);
  });

  it('sets a new draft\'s layout once, and offers its author and timezone without answering them', () => {
    const state = run(initialState({ version: 1, authors: ['Typed Already'] }), { type: 'defaults', values: { authors: ['From git'], template: 'alx', timezone: 'Africa/Lagos' } });
    expect(state.draft).toEqual({ version: 1, authors: ['Typed Already'], template: 'alx' });
    expect(state.suggested).toEqual({ authors: ['From git'], timezone: 'Africa/Lagos' });
    expect(state.defaultsApplied).toBe(true);
    expect(isDirty(state)).toBe(true);
  });

  it('ignores an older save finishing after a newer one', () => {
    const state = run(initialState({ version: 1 }), { type: 'set', path: ['title'], value: 'a' }, { type: 'set', path: ['title'], value: 'b' }, { type: 'saved', revision: 2 }, { type: 'saved', revision: 1 });
    expect(state.savedRevision).toBe(2);
  });

  it('resumes at the first unanswered question of the first unfinished section', async () => {
    expect(resumeStep({ version: 1, title: 'x', summary: { timezone: 'UTC', start: '2023-08-02 13:45' } })).toBe(firstStepOf('summary') + 2);
    expect(initialState({ version: 1, title: 'x' }, 'resume').screen).toEqual({ kind: 'question', step: firstStepOf('summary') });
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    expect(initialState(draft, 'resume').screen).toEqual({ kind: 'review' });
  });
});

describe('text left unconfirmed', () => {
  it('goes with the draft when the wizard closes mid-answer, and reopens its question on resume', () => {
    let state = initialState({ version: 1 });
    state = wizardReducer(state, { type: 'answer', path: ['title'], value: 'Outage' });
    const closing = withUnconfirmed(state, 'Jane Do');
    expect(closing.draft.unconfirmed).toEqual({ question: 'authors', text: 'Jane Do' });
    expect(closing.revision).toBe(state.revision + 1);

    const resumed = initialState(closing.draft, 'resume');
    expect(resumed.screen).toEqual({ kind: 'question', step: 1 });
    expect(resumed.pending).toEqual({ step: 1, text: 'Jane Do' });

    // Confirming an answer retires it (undefined, so the save removes the key from the file).
    const answered = wizardReducer(resumed, { type: 'answer', path: ['authors'], value: ['Jane Doe'] });
    expect(answered.draft).toHaveProperty('unconfirmed', undefined);
  });

  it('keeps nothing when the field holds the saved answer, or nothing at all', () => {
    const state = wizardReducer(initialState({ version: 1 }), { type: 'answer', path: ['title'], value: 'Outage' });
    expect(withUnconfirmed(state, '')).toBe(state);
    const back = wizardReducer(state, { type: 'back' });
    expect(withUnconfirmed(back, 'Outage')).toBe(back);
  });

  it('keeps the text typed at a question when Esc leaves it, until it is confirmed', () => {
    const onAuthors = run(initialState({ version: 1 }), { type: 'answer', path: ['title'], value: 'Outage' });
    const left = wizardReducer(onAuthors, { type: 'back', typed: 'Jane, Bo' });
    expect(at(left)).toBe('basics/title');
    expect(typedAt(left, 1)).toMatchObject({ text: 'Jane, Bo' });
    // Leaving the title as it was saved keeps nothing there; the authors' text is still kept.
    const again = run(left, { type: 'back', typed: 'Outage' }, { type: 'next' });
    expect(typedAt(again, 0)).toBeUndefined();
    expect(typedAt(again, 1)).toMatchObject({ text: 'Jane, Bo' });
    // Confirmed: the kept text goes.
    const answered = wizardReducer(again, { type: 'answer', path: ['authors'], value: ['Jane', 'Bo'] });
    expect(answered.typed).toEqual([]);
    // A cleared field is kept as cleared (it differs from the answer).
    const cleared = run(answered, { type: 'back' }, { type: 'back', typed: '' });
    expect(typedAt(cleared, 1)).toMatchObject({ text: '' });
  });

  it('keeps a list form per step and forgets it when told', () => {
    const form = { field: 0, values: { at: '2023-08-02 14:05' }, texts: { text: 'Half' } };
    const kept = wizardReducer(initialState({ version: 1 }), { type: 'keep', step: 8, typed: { text: '14:05 · Half', form } });
    expect(typedAt(kept, 8)).toEqual({ step: 8, text: '14:05 · Half', form });
    expect(typedAt(wizardReducer(kept, { type: 'keep', step: 8, typed: undefined }), 8)).toBeUndefined();
  });

  it('on quit, keeps the field\'s own text, else the text last left at another question', () => {
    const state = run(initialState({ version: 1 }), { type: 'answer', path: ['title'], value: 'Outage' }, { type: 'back', typed: 'Jane' });
    // At the title, which holds its answer: the authors' text is what is kept.
    expect(withUnconfirmed(state, 'Outage').draft.unconfirmed).toEqual({ question: 'authors', text: 'Jane' });
    expect(withUnconfirmed(state, undefined).draft.unconfirmed).toEqual({ question: 'authors', text: 'Jane' });
    // New text in the field wins.
    expect(withUnconfirmed(state, 'Outage 2').draft.unconfirmed).toEqual({ question: 'title', text: 'Outage 2' });
  });
});
