import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { fixture, tempDir } from '../support/temp.js';

const { sessions } = terminalsClosedAfterEach();

describe('a burst of keys in a real terminal', () => {
  it.each([
    ['in one write', (t: TerminalSession, keys: string) => t.pty.write(keys)],
    ['typed ahead, 2 ms apart', (t: TerminalSession, keys: string) => t.type(keys)],
  ])('lands each key in the field focused once the keys before it are applied (%s)', async (_, send) => {
    const cwd = tempDir();
    // The seed with one timeline entry: the list opens on browse, where `a` adds.
    const seed = readFileSync(fixture('seed-001-deployment.yaml'), 'utf8').replace(/^timeline:\n(?: {2}.*\n)+/m, 'timeline:\n  - at: "2024-08-14 02:00"\n    kind: detection\n    text: Alert.\n');
    writeFileSync(join(cwd, 'pm.yaml'), seed);
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv() });
    sessions.push(t);
    await t.waitFor('a add');
    // Add, time, kind (Enter: the one offered), sentence; the next form, the same; Ctrl+C.
    await send(t, `a02:10\r\rRolled back\r02:20\r\rRestarted the pool\r${KEYS.ctrlC}`);
    expect(await t.exited).toBe(130);
    const { draft } = await loadDraft(join(cwd, 'pm.yaml'));
    expect(draft.timeline?.map(({ at, text }) => `${at} ${text}`)).toEqual(['2024-08-14 02:00 Alert.', '2024-08-14 02:10 Rolled back', '2024-08-14 02:20 Restarted the pool']);
  }, 60_000);
});

describe('Esc in a real terminal', () => {
  it('keeps what was typed, and a quit from another question saves it as unconfirmed', async () => {
    const cwd = tempDir();
    const t = new TerminalSession(['new', 'pm.yaml'], { cwd, env: isolatedEnv() });
    sessions.push(t);
    await t.waitFor('Title of the postmortem');
    t.pty.write('Queue backlog\rHalf typed');
    await t.waitFor('› Half typed');
    await t.press(KEYS.esc);
    await t.waitFor('› Queue backlog');
    t.pty.write(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
    const saved = readFileSync(join(cwd, 'pm.yaml'), 'utf8');
    expect(saved).toContain('title: Queue backlog');
    expect(saved).toContain('unconfirmed:\n  question: authors\n  text: Half typed\n');
  }, 60_000);
});
