import { afterEach, describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { KEY, mountWizard, waitFor, type WizardHarness } from '../support/ink.js';
import { fixture } from '../support/temp.js';

let app: WizardHarness | undefined;
afterEach(() => app?.unmount());

describe('review', () => {
  it('opens on a complete draft with the word count, the verdict and a preview', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    app = await mountWizard(draft, 'resume');
    await app.waitFor(/Review · \d+ words \(the rubric asks 400–600\)/);
    expect(app.frame()).toContain("words: rubric sections only, as wc -w counts");
    expect(app.frame()).toContain('✓ Meets the rubric. Detected at once, resolved in 1 hour 45 minutes.');
    expect(app.frame()).toContain('│ # Payment service outage');
    expect(app.frame()).toMatch(/lines 1–\d+ of \d+/);
    await app.press(KEY.pageDown);
    await waitFor(() => expect(app!.frame()).not.toContain('│ # Payment service outage'));
  });

  it('lists the rubric\'s open points', async () => {
    const { draft } = await loadDraft(fixture('seed-003-messaging.yaml'));
    app = await mountWizard({ ...draft, timeline: [...(draft.timeline ?? []), { at: '2023-05-01 11:00', kind: 'misleading', text: 'DNS.' }, { at: '2023-05-01 12:00', kind: 'escalation', text: 'DBAs.' }], measures: ['More.'] }, 'resume');
    await app.waitFor('open point');
    expect(app.frame()).toContain('• Timeline: "The messaging service was fully restore…" at 2023-05-02 16:00 is after the end');
  });

  it('writes the README and leaves', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    app = await mountWizard(draft, 'resume');
    await app.waitFor('❯ Write README.md');
    await app.press(KEY.enter);
    await waitFor(() => expect(app!.quits).toEqual([{ reason: 'done', message: expect.stringMatching(/^Wrote .*README\.md\.$/) }]));
    expect(app.written[0]!.markdown).toContain('# Payment service outage');
  });

  it('jumps to the question picked in a section and comes back to review once it is answered', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    app = await mountWizard(draft, 'resume');
    await app.waitFor('Edit a section');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('✓ Root cause and resolution');
    for (let i = 0; i < 5; i++) await app.press(KEY.down);
    await app.press(KEY.enter);
    // The section's questions, to pick one: the first.
    await app.waitFor('✓ How was it fixed, in detail?');
    await app.press(KEY.enter);
    await app.waitFor('What caused it, in detail?');
    expect(app.frame()).toContain('An unhandled code path in the payment processing module');
    // The blank line between paragraphs shows as a blank row.
    expect(app.frame()).toMatch(/payments began to fail\.\n\s*\n\s+Historical incidents/);
    await app.press(KEY.enter);
    await app.waitFor('Review ·');
  });

  it('offers save and quit, and the draft in the editor', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    app = await mountWizard(draft, 'resume');
    await app.waitFor('Save and quit');
    await app.press(KEY.down, KEY.down, KEY.enter);
    await waitFor(() => expect(app!.editorRequests).toEqual(['<draft>']));
    await app.press(KEY.down, KEY.enter);
    await waitFor(() => expect(app!.quits).toEqual([{ reason: 'save', message: undefined }]));
  });
});

describe('review: a question to edit, a preview that wraps, the count explained', () => {
  it('edits the question picked in a section, then comes back to the review (one key at a time)', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    app = await mountWizard(draft, 'resume');
    await app.waitFor('Edit a section');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('✓ Issue summary');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('What % of users were affected?');
    expect(app.frame()).toContain('✓ Timezone the times are written in');
    await app.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    await app.waitFor('› 15');
    await app.press(KEY.backspace);
    await app.press(KEY.enter);
    // Only the question picked: the rest of the section is not asked again.
    await app.waitFor('Review ·');
    await waitFor(async () => expect((await loadDraft(app!.path)).draft.summary?.usersAffectedPercent).toBe(1));
    // Esc from the question list goes back to the sections, on the section it came from.
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('✓ Issue summary');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('What % of users were affected?');
    await app.press(KEY.esc);
    await app.waitFor(/❯ ✓ Issue summary/);
    // Esc from the question picked goes back to the review, what was typed kept.
    await app.press(KEY.enter, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    await app.waitFor('› 1');
    await app.press('0', KEY.esc);
    await app.waitFor('Review ·');
  });

  it('goes to a picked question with keys in one burst', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    app = await mountWizard(draft, 'resume');
    await app.waitFor('Edit a section');
    await app.burst(`${KEY.down}\r${KEY.down}${KEY.down}${KEY.down}${KEY.down}${KEY.down}\r${KEY.down}\r`);
    await app.waitFor('How was it fixed, in detail?');
    await app.press(KEY.enter);
    await app.waitFor('Review ·');
  });

  it('wraps long lines in the preview instead of cutting them, and still scrolls', async () => {
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    const rootCause = `${'The connection pool was sized for last year\'s traffic and ran dry at the peak. '.repeat(3)}END-OF-ROOT-CAUSE`;
    app = await mountWizard({ ...draft, rootCause }, 'resume');
    await app.waitFor('Review ·');
    expect(app.frame()).not.toContain('…');
    let seen = false;
    for (let i = 0; i < 30 && !seen; i++) {
      await app.press(KEY.pageDown);
      seen = app.frame().includes('END-OF-ROOT-CAUSE');
    }
    expect(seen).toBe(true);
    // Every row of the box fits: nothing is cut with an ellipsis.
    expect(app.frame()).not.toMatch(/│[^\n]*…/);
    await app.press(KEY.pageUp);
    await waitFor(() => expect(app!.frame()).toMatch(/lines \d+–\d+ of \d+/));
  });
});

describe('writing over an existing README', () => {
  it('asks first, and keeps the file when told no', async () => {
    const { writeFileSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    app = await mountWizard(draft, 'resume');
    writeFileSync(join(dirname(app.path), 'README.md'), '# Notes of my own\n');
    await app.waitFor('❯ Write README.md');
    await app.press(KEY.enter);
    await app.waitFor('README.md exists and was not written by postmortem-wizard. Replace it?');
    expect(app.frame()).toContain('A copy is kept as');
    await app.press('n');
    await app.waitFor('❯ Write README.md');
    expect(app.written).toEqual([]);
    await app.press(KEY.enter);
    await app.waitFor('Replace it?');
    await app.press('y');
    await waitFor(() => expect(app!.written).toHaveLength(1));
  });
});
