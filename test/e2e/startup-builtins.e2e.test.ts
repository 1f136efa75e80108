import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedEnv, KEYS, TerminalSession } from '../support/pty.js';
import { tempDir } from '../support/temp.js';

/*
 * Node's built-ins that the first question of `new` must not wait for: each costs from half a
 * millisecond (node:module) to several (child_process loads dgram, net and more). The build
 * defers them (scripts/build/); this reads what the running wizard had loaded when its
 * first question was written.
 */
const PRELOAD = new URL('../support/children/record-builtins.cjs', import.meta.url).pathname;
const RECORD_SCRIPTS = new URL('../support/children/record-scripts.cjs', import.meta.url).pathname;

describe('the first question of `new`', () => {
  const sessions: TerminalSession[] = [];
  /** `new` in a terminal with a preload that records into a file; what it recorded by the first question. */
  async function firstQuestionRecording(preload: string, variable: string): Promise<{ session: TerminalSession; recorded: string[] }> {
    const record = join(tempDir(), 'recorded.txt');
    const env = isolatedEnv({ NODE_OPTIONS: `--require ${preload}`, [variable]: record });
    const session = new TerminalSession(['new', 'pm.yaml'], { cwd: tempDir(), env });
    sessions.push(session);
    await session.waitFor('Title of the postmortem');
    return { session, recorded: readFileSync(record, 'utf8').trim().split('\n') };
  }
  afterEach(() => {
    for (const session of sessions.splice(0)) session.kill();
  });

  it('is drawn before child_process, perf_hooks, node:module or assert load', async () => {
    const { session, recorded } = await firstQuestionRecording(PRELOAD, 'RECORD_BUILTINS_FILE');
    const loaded = recorded;
    // The recording itself worked: the terminal's own modules are there.
    expect(loaded).toContain('tty');
    for (const deferred of ['child_process', 'perf_hooks', 'module', 'assert', 'crypto', 'worker_threads', 'fs/promises']) expect(loaded).not.toContain(deferred);
    await session.press(KEYS.ctrlC);
    expect(await session.exited).toBe(130);
  });

  it('is drawn before the cold bundle (the libraries only later screens and other commands use) is loaded', async () => {
    const { session, recorded } = await firstQuestionRecording(RECORD_SCRIPTS, 'RECORD_SCRIPTS_FILE');
    const compiled = recorded.map((file) => file.split(/[\\/]/).pop());
    expect(compiled).toEqual(['cli-bundle.js']);
    // Saving the draft on Ctrl+C needs YAML, which is in the cold bundle: it loads then, and works.
    await session.press(KEYS.ctrlC);
    expect(await session.exited).toBe(130);
    expect(session.raw).toContain('Draft saved to pm.yaml');
  });
});
