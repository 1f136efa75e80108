import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { fixture, tempDir } from '../support/temp.js';

const { sessions } = terminalsClosedAfterEach();

/*
 * A bug met while the wizard runs (here one injected into the built command: drawing the review
 * throws) ends like any other way out: the draft saved, one sentence that names it, exit 70,
 * no stack trace unless asked for.
 */
const FAIL_ON_README = fileURLToPath(new URL('../support/children/fail-on-readme.cjs', import.meta.url));
describe('an internal error', () => {
  it.each([
    { debug: false, name: 'one sentence, no stack trace' },
    { debug: true, name: 'the stack with POSTMORTEM_WIZARD_DEBUG=1' },
  ])('saves the draft, says where it is, and exits 70 ($name)', async ({ debug }) => {
    const cwd = tempDir();
    const path = join(cwd, 'pm.yaml');
    writeFileSync(path, readFileSync(fixture('seed-000-payment.yaml')));
    const env = isolatedEnv({ npm_command: 'exec', NODE_OPTIONS: `--require ${FAIL_ON_README}`, ...(debug ? { POSTMORTEM_WIZARD_DEBUG: '1' } : {}) });
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env });
    sessions.push(t);
    // The draft is complete, so it opens on its review, which fails as it is drawn.
    expect(await t.exited).toBe(70);
    expect(t.raw).toMatch(/postmortem-wizard: internal error: injected failure: no place for README\.md; your answers are saved in pm\.yaml/);
    expect(t.raw).toContain('Resume with: npx postmortem-wizard resume pm.yaml');
    if (debug) expect(t.raw).toMatch(/\n\s+at /);
    else expect(t.raw).not.toMatch(/\n\s+at /);
    expect((await loadDraft(path)).draft.title).toBe('Payment service outage');
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);
});

describe('README.md that is a folder', () => {
  it('is named in one line on the review, and the wizard goes on', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'pm.yaml'), readFileSync(fixture('seed-000-payment.yaml')));
    mkdirSync(join(cwd, 'README.md'));
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv() });
    sessions.push(t);
    await t.waitFor('Write README.md');
    await t.press(KEYS.enter);
    await t.waitFor('README.md cannot be replaced: it is a folder.');
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
  }, 60_000);
});
