import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';
import { measuresDraft, rootCauseDraft, timelineDraft } from '../support/drafts.js';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

const summaryDraft = { version: 1, title: 'Outage', authors: ['Jane'], summary: { timezone: 'UTC' } };

describe('basics', () => {
  it('asks for the title, refuses an empty one, and moves on to the authors', async () => {
    app = await mountWizard({ version: 1 });
    expect(app.frame()).toContain('Title of the postmortem');
    expect(app.frame()).toContain('Basics · 1/8 · 1/2');
    await app.press(KEY.enter);
    await app.waitFor('✗ Type the title: it cannot be left empty.');
    await app.type('Payment outage');
    expect(app.frame()).not.toContain('✗');
    await app.press(KEY.enter);
    await app.waitFor('Author(s), separated by commas');
    // The answer was saved to the draft file.
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('title: Payment outage'));
    await app.waitFor('✓ saved');
  });

  it('goes back with Esc and keeps the answer', async () => {
    app = await mountWizard({ version: 1 });
    await app.type('Outage');
    await app.press(KEY.enter);
    await app.waitFor('Author(s)');
    await app.press(KEY.esc);
    await app.waitFor('Title of the postmortem');
    expect(app.frame()).toContain('› Outage');
  });

  it('folds a pasted multi-line title into one line and keeps escape sequences off the screen', async () => {
    app = await mountWizard({ version: 1 });
    await app.paste('Payment\r\noutage\tred\u0007\u0000');
    await app.waitFor('› Payment outage  red');
    await app.press(KEY.enter);
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('title: Payment outage  red'));
  });
});

describe('issue summary', () => {
  it('shows the start as read, refuses a bad end, and shows the length live', async () => {
    app = await mountWizard(summaryDraft, 'resume');
    await app.waitFor('When did it start?');
    await app.type('Aug 2 2023 1:45 PM');
    await app.waitFor('→ Wednesday, August 2, 2023, 13:45 UTC');
    await app.press(KEY.enter);
    await app.waitFor('When was it over?');
    await app.type('25:61');
    await app.press(KEY.enter);
    await app.waitFor('✗ 25:61 is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.');
    for (let i = 0; i < 5; i++) await app.press(KEY.backspace);
    await app.type('15:30');
    await app.waitFor('lasted 1 hour 45 minutes');
    await app.press(KEY.enter);
    await app.waitFor('Impact:');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('end: "2023-08-02 15:30"'));
  });

  it('completes a timezone with Tab and refuses one that does not exist', async () => {
    app = await mountWizard({ ...summaryDraft, summary: {} }, 'resume');
    await app.waitFor('Timezone the times are written in');
    await app.type('lagos');
    await app.waitFor('Tab: Africa/Lagos');
    await app.press(KEY.tab);
    await app.waitFor('› Africa/Lagos');
    await app.press(KEY.enter);
    await app.waitFor('When did it start?');
    await app.press(KEY.esc);
    await app.waitFor('› Africa/Lagos');
    for (let i = 0; i < 12; i++) await app.press(KEY.backspace);
    await app.type('Mars/Base');
    await app.press(KEY.enter);
    await app.waitFor('✗ Mars/Base is not a timezone');
  });

  it('refuses a percentage over 100 and reads "15%"', async () => {
    app = await mountWizard({ ...summaryDraft, summary: { timezone: 'UTC', start: '2023-08-02 13:45', end: '2023-08-02 15:30', impact: 'Slow.' } }, 'resume');
    await app.waitFor('What % of users were affected?');
    await app.type('150');
    await app.press(KEY.enter);
    await app.waitFor('✗ 150 is not a percentage: type a number from 0 to 100, like 15.');
    for (let i = 0; i < 3; i++) await app.press(KEY.backspace);
    await app.type('15%');
    await app.press(KEY.enter);
    await app.waitFor('The root cause, in one or two sentences');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('usersAffectedPercent: 15'));
  });
});


/** Fills the new-entry form: the time, the kind (↓ presses from the one offered), the sentence. */
async function addEntry(app: WizardHarness, time: string, downs: number, text: string, added = 'Added.'): Promise<void> {
  await app.type(time);
  await app.press(KEY.enter);
  await app.waitFor('What kind of moment was it?');
  await app.press(...Array<string>(downs).fill(KEY.down), KEY.enter);
  await app.waitFor('What happened?');
  await app.paste(text);
  await app.press(KEY.enter);
  await app.waitFor(added);
}

/** Fills the new-task form's text, owner and due date (empty: skipped with Enter). */
async function fillTask(app: WizardHarness, text: string, owner = '', due = ''): Promise<void> {
  await app.paste(text);
  await app.press(KEY.enter);
  await app.waitFor('Owner (optional');
  if (owner) await app.type(owner);
  await app.press(KEY.enter);
  await app.waitFor('Due date (optional');
  if (due) await app.type(due);
  await app.press(KEY.enter);
}

describe('timeline', () => {
  it('adds entries (time, kind, sentence), keeps them sorted, and ticks the checklist', async () => {
    app = await mountWizard(timelineDraft, 'resume');
    await app.waitFor('What happened, when?');
    expect(app.frame()).toContain('New entry · 1/3');
    // The first entry is offered as the detection; this one was an action.
    await addEntry(app, '14:00', 1, 'We suspected the database.');
    await addEntry(app, '13:45', 0, 'Alerts fired.', '2 entries in the timeline');
    await app.press(KEY.esc);
    await app.waitFor('a add');
    const lines = app.frame().split('\n').filter((line) => /\d\d:\d\d /.test(line));
    expect(lines[0]).toMatch(/13:45 Detection\s+Alerts fired\./);
    expect(lines[1]).toMatch(/14:00 Action\s+We suspected the database\./);
    // The entry added last is the one selected, wherever sorting put it.
    expect(lines[0]).toMatch(/^› 13:45/);
    expect(app.frame()).toContain('✓ detection  ✓ action  ○ misleading path');
  });

  it('tells the wizard what an unsaved entry holds, so closing mid-form keeps it', async () => {
    app = await mountWizard(timelineDraft, 'resume');
    await app.waitFor('New entry · 1/3');
    const last = () => app!.typed.at(-1)?.text;
    expect(last() ?? '').toBe('');
    await app.type('14:05');
    await waitFor(() => expect(last()).toBe('14:05 · Detection'));
    await app.press(KEY.enter);
    await app.waitFor('What kind of moment was it?');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('What happened?');
    await app.type('Rolled back');
    // A confirmed field counts as read (the time with its date).
    await waitFor(() => expect(last()).toBe('2023-08-02 14:05 · Action · Rolled back'));
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    // Saved: nothing is pending any more.
    await waitFor(() => expect(last()).toBe(''));
  });

  it('shows an entry left unsaved last time until an entry is saved', async () => {
    const left = '14:05 · Action · Rolled back the deploy';
    app = await mountWizard({ ...timelineDraft, unconfirmed: { question: 'timeline', text: left } }, 'resume');
    await app.waitFor(`Not saved when the wizard closed: ${left}`);
    // Closing again before anything is saved keeps it.
    await waitFor(() => expect(app!.typed.at(-1)?.text).toBe(left));
    await addEntry(app, '14:05', 1, 'Rolled back the deploy.');
    expect(app.frame()).not.toContain('Not saved when the wizard closed');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).not.toContain('unconfirmed'));
  });

  it('warns about a time after the end, refuses to finish without the rubric\'s kinds', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' }] }, 'resume');
    await app.waitFor('a add');
    await app.press('a');
    await app.type('4:00 PM');
    await app.waitFor('⚠ This is after the end of the incident.');
    await app.press(KEY.esc);
    await app.waitFor('a add');
    await app.press(KEY.tab);
    await app.waitFor('Add an action and a resolution entry first: the rubric asks for them.');
  });

  it('edits and deletes an entry after asking', async () => {
    app = await mountWizard({ ...timelineDraft, timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'Alert.' }, { at: '2023-08-02 14:00', kind: 'action', text: 'Looked.' }] }, 'resume');
    await app.waitFor('a add');
    await app.press('e');
    await app.waitFor('Edit entry · 1/3');
    await app.press(KEY.enter);
    await app.waitFor('What kind of moment was it?');
    await app.press(KEY.enter);
    await app.waitFor('What happened?');
    await app.type(' Again.');
    await app.press(KEY.enter);
    await app.waitFor('Saved the entry.');
    expect(app.frame()).toContain('Looked. Again.');
    await app.press('d');
    await app.waitFor('Delete this entry? y/n');
    await app.press('n');
    expect(app.frame()).toContain('Looked. Again.');
    await app.press('d', 'y');
    await app.waitFor('Deleted the entry.');
    expect(app.frame()).not.toContain('Looked.');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).not.toContain('Looked'));
  });

  it('adds misleading paths with their own prompt and kind', async () => {
    const timeline = [
      { at: '2023-08-02 13:45', kind: 'detection' as const, text: 'Alert.' },
      { at: '2023-08-02 14:00', kind: 'action' as const, text: 'Looked.' },
      { at: '2023-08-02 15:30', kind: 'resolution' as const, text: 'Fixed.' },
    ];
    app = await mountWizard({ ...timelineDraft, timeline }, 'resume');
    await app.waitFor('What did you suspect first that turned out wrong?');
    await app.type('14:10');
    await app.press(KEY.enter);
    await app.waitFor('What was suspected, and why was it wrong?');
    await app.paste('DNS, but it resolved fine.');
    await app.press(KEY.enter);
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toMatch(/at: "2023-08-02 14:10"\n\s+kind: misleading\n\s+text: DNS, but it resolved fine\./));
  });
});

describe('root cause and resolution', () => {
  const draft = rootCauseDraft;

  it('edits paragraphs in place: Ctrl+J for a new line, Enter to go on', async () => {
    app = await mountWizard(draft, 'resume');
    await app.waitFor('What caused it, in detail?');
    await app.type('Leak.');
    await app.press(KEY.ctrlJ, KEY.ctrlJ);
    await app.type('More.');
    await app.press(KEY.enter);
    await app.waitFor('How was it fixed, in detail?');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('rootCause: |-\n  Leak.\n\n  More.'));
  });

  it('keeps pasted line breaks and hands the text to the editor with Ctrl+X', async () => {
    app = await mountWizard(draft, 'resume');
    await app.waitFor('What caused it, in detail?');
    await app.paste('First line\r\nSecond line');
    await app.waitFor('Second line');
    expect(app.frame()).toContain('› First line');
    await app.press(KEY.ctrlX);
    await waitFor(() => expect(app!.editorRequests).toEqual(['First line\nSecond line']));
  });
});

describe('measures and tasks', () => {
  const draft = measuresDraft;

  it('adds measures, then tasks with an optional owner and due date', async () => {
    app = await mountWizard(draft, 'resume');
    await app.waitFor('What can be improved, broadly?');
    await app.paste('Review connection handling.');
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    await app.press(KEY.esc);
    await app.waitFor('› Review connection handling.');
    await app.press(KEY.tab);
    await app.waitFor('Specific tasks, each starting with a verb');
    await app.paste('Patch the pool');
    await app.press(KEY.enter);
    await app.waitFor('Owner (optional');
    await app.type('SRE');
    await app.press(KEY.enter);
    await app.waitFor('Due date (optional');
    await app.type('someday');
    await app.press(KEY.enter);
    await app.waitFor('✗ someday is not a date');
    for (let i = 0; i < 7; i++) await app.press(KEY.backspace);
    await app.type('2023-08-16');
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    await app.waitFor('New task · 1/3');
    // Said as the next form opens; once typing starts, it goes.
    await app.type('A');
    await waitFor(() => expect(app!.frame()).not.toContain('Added. Next'));
    await app.press(KEY.backspace);
    await fillTask(app, 'Add monitoring');
    await app.waitFor('Added.');
    await app.press(KEY.esc);
    await app.waitFor('[ ] Patch the pool — SRE, due 2023-08-16');
    expect(app.frame()).toContain('[ ] Add monitoring');
    await app.press(KEY.tab);
    // The extras begin with the README's layout: the rubric's, or the SRE book's.
    await app.waitFor('Which layout should the README have?');
    expect(app.frame()).toContain('Google SRE style');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('What triggered it?');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('template: sre'));
    await app.type('A config push');
    await app.press(KEY.enter);
    await app.waitFor('A line of humour (optional)');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('trigger: A config push'));
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('tasks:\n  - text: Patch the pool\n    owner: SRE\n    due: "2023-08-16"\n  - text: Add monitoring'));
  });

  it('asks the type of each task when the draft uses the SRE layout', async () => {
    app = await mountWizard({ ...draft, template: 'sre', measures: ['Review.'] }, 'resume');
    await app.waitFor('Specific tasks, each starting with a verb');
    expect(app.frame()).toContain('New task · 1/4');
    await fillTask(app, 'Alert on pool exhaustion');
    await app.waitFor('What kind of action item is it?');
    expect(app.frame()).toContain('Prevent: stops it happening again');
    await app.press(KEY.down, KEY.down, KEY.enter);
    await app.waitFor('Added.');
    await app.press(KEY.esc);
    await app.waitFor('[ ] detect: Alert on pool exhaustion');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('  - text: Alert on pool exhaustion\n    type: detect'));
  });

  it('refuses to go on without a task', async () => {
    app = await mountWizard({ ...draft, measures: ['Review.'] }, 'resume');
    await app.waitFor('Specific tasks');
    await app.press(KEY.esc);
    await app.waitFor('No tasks yet: press a to add one.');
    await app.press(KEY.tab);
    await app.waitFor('Add at least one task: the rubric asks for it.');
  });
});

describe('escalation and extras', () => {
  const done = {
    ...timelineDraft,
    timeline: (['detection', 'action', 'misleading', 'resolution'] as const).map((kind, i) => ({ at: `2023-08-02 14:0${i}`, kind, text: `${kind}.` })),
  };

  it('asks for the escalation with its own prompt', async () => {
    app = await mountWizard(done, 'resume');
    await app.waitFor('Who was it escalated to, and when?');
    await app.type('14:20');
    await app.press(KEY.enter);
    await app.waitFor('Escalated to whom, and why?');
    await app.paste('The database team, as the pool looked empty.');
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    await app.press(KEY.esc);
    await app.waitFor('✓ escalation');
    await app.press(KEY.tab);
    await app.waitFor('What caused it, in detail?');
  });

  it('takes the optional extras: humour, lessons, the diagram switch', async () => {
    const complete = {
      ...done,
      timeline: [...done.timeline, { at: '2023-08-02 14:20', kind: 'escalation' as const, text: 'DBAs.' }],
      rootCause: 'Leak.',
      resolution: 'Fix.',
      measures: ['Review.'],
      tasks: [{ text: 'Patch it' }],
    };
    // A complete draft resumes at the review; the extras are just before it.
    app = await mountWizard(complete, 'resume');
    await app.waitFor('Review ·');
    await app.press(KEY.esc);
    await app.waitFor('Add a timeline diagram?');
    await app.press(KEY.esc);
    await app.waitFor('where did you get lucky?');
    await app.press(KEY.esc);
    await app.waitFor('No lessons yet: press a to add one.');
    await app.press('a');
    await app.paste('It happened on a Tuesday.');
    await app.press(KEY.enter);
    await app.waitFor('Added.');
    await app.press(KEY.esc);
    await app.press(KEY.tab);
    await app.waitFor('Add a timeline diagram?');
    await app.press(KEY.up, KEY.enter);
    await app.waitFor('Review ·');
    await waitFor(() => expect(readFileSync(app!.path, 'utf8')).toContain('extras:\n  lessons:\n    lucky:\n      - It happened on a Tuesday.\n  diagram: true'));
  });
});
