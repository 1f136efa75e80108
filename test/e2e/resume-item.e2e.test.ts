import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { KEYS, terminalsClosedAfterEach } from '../support/pty.js';
import { fixture, tempDir } from '../support/temp.js';

const { open: start } = terminalsClosedAfterEach();

describe('a half-written list item across a quit', () => {
  it('is saved with its fields and opens again in its form, filled in', async () => {
    const cwd = tempDir();
    // Seed 001 without its tasks: the wizard resumes on the task form.
    writeFileSync(join(cwd, 'pm.yaml'), readFileSync(fixture('seed-001-deployment.yaml'), 'utf8').replace(/^tasks:\n(?: .*(?:\n|$))*/m, ''));
    const first = start(['resume', 'pm.yaml'], cwd);
    await first.waitFor('New task · 1/3');
    await first.answer('Alert on pool saturation', 'Owner (optional');
    await first.type('Da');
    await first.waitFor('› Da');
    await first.press(KEYS.ctrlC);
    expect(await first.exited).toBe(130);
    expect((await loadDraft(join(cwd, 'pm.yaml'))).draft.unconfirmed).toEqual({
      question: 'tasks',
      text: 'Alert on pool saturation · Da',
      form: { field: 1, values: { text: 'Alert on pool saturation' }, texts: { owner: 'Da' } },
    });

    const second = start(['resume', 'pm.yaml'], cwd);
    await second.waitFor('Not saved when the wizard closed: a new task, opened again as you left it.');
    await second.waitFor('› Da');
    await second.waitFor('New task · 2/3');
    await second.type('na');
    await second.press(KEYS.enter);
    await second.waitFor('Due date (optional');
    await second.press(KEYS.enter);
    await second.waitFor('Added.');
    await second.press(KEYS.ctrlC);
    expect(await second.exited).toBe(130);
    const { draft } = await loadDraft(join(cwd, 'pm.yaml'));
    expect(draft.tasks?.at(-1)).toEqual({ text: 'Alert on pool saturation', owner: 'Dana' });
    expect(draft.unconfirmed).toBeUndefined();
  }, 60_000);
});
