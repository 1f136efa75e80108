import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { waitFor } from '../support/ink.js';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { fixture, tempDir } from '../support/temp.js';

const { sessions } = terminalsClosedAfterEach();

const seed = () => readFileSync(fixture('seed-001-deployment.yaml'), 'utf8');

/** Where the wizard is when the end comes, and what it must have saved by then. */
interface Step {
  name: string;
  draft?: string;
  args: string[];
  reach(t: TerminalSession): Promise<void>;
  saved(text: string): void;
}

const STEPS: Step[] = [
  {
    name: 'typing the authors of a new draft',
    args: ['new', 'pm.yaml'],
    reach: async (t) => {
      await t.waitFor('Title of the postmortem');
      await t.answer('Queue backlog', 'Author(s)');
      await t.type('Half typed');
      await t.waitFor('Half typed');
    },
    saved: (text) => {
      expect(text).toContain('title: Queue backlog');
      // What was being typed goes too, marked as not confirmed, for the resume to offer again.
      expect(text).toContain('unconfirmed:\n  question: authors\n  text: Half typed');
    },
  },
  {
    name: 'adding a timeline entry, half way through its form',
    draft: seed().replace(/^timeline:\n(?: {2}.*\n)+/m, 'timeline: []\n'),
    args: ['resume', 'pm.yaml'],
    reach: async (t) => {
      // An empty timeline opens on the new-entry form.
      await t.waitFor('New entry · 1/3');
      await t.type('02:1');
      await t.waitFor('› 02:1');
    },
    saved: (text) => {
      expect(text).toContain('detectedBy: monitoring');
      // The entry being written goes too, in one line, for the resume to show.
      expect(text).toMatch(/unconfirmed:\n {2}question: timeline\n {2}text: "?02:1 · Detection"?\n/);
    },
  },
  {
    name: 'writing a paragraph, one line confirmed with Ctrl+J',
    draft: seed().replace(/^rootCause: \|\n(?: {2}.*\n|\n)+(?=resolution)/m, ''),
    args: ['resume', 'pm.yaml'],
    reach: async (t) => {
      await t.waitFor('What caused it, in detail?');
      await t.type('A connection leak');
      await t.press(KEYS.ctrlJ);
      await t.type('and a pool that');
      // On screen, so the program has read it: input still in the terminal's buffer when the
      // window closes is the kernel's to drop, not ours to keep.
      await t.waitFor('and a pool that');
    },
    saved: (text) => {
      expect(text).toContain('title: Main service outage after a faulty deployment');
      expect(text).toContain('unconfirmed:\n  question: rootCause\n  text: |-\n    A connection leak\n    and a pool that');
    },
  },
  {
    name: 'on the review screen',
    draft: seed(),
    args: ['resume', 'pm.yaml'],
    reach: async (t) => {
      await t.waitFor('Write README.md');
    },
    saved: (text) => expect(text).toContain('The service was fully restored'),
  },
];

const ENDINGS: { name: string; end(t: TerminalSession): void; code: number; underShell?: boolean }[] = [
  { name: 'SIGTERM', end: (t) => t.kill('SIGTERM'), code: 143 },
  { name: 'SIGHUP', end: (t) => t.kill('SIGHUP'), code: 129 },
  { name: 'Ctrl+C', end: (t) => t.pty.write(KEYS.ctrlC), code: 130 },
  // An external `kill -INT` (Ctrl+C in raw mode is a key, not this signal).
  { name: 'SIGINT', end: (t) => t.kill('SIGINT'), code: 130 },
  // The window closed: the pty's master end goes away (writes then fail with EIO) and SIGHUP comes.
  { name: 'a closed terminal', end: (t) => t.closeTerminal(), code: 129, underShell: true },
];

/** The code the shell wrote once the program ended. */
async function codeIn(file: string): Promise<number> {
  await waitFor(() => expect(readFileSync(file, 'utf8')).toMatch(/^\d+\n$/), 20_000);
  return Number(readFileSync(file, 'utf8'));
}

describe.each(ENDINGS)('$name', ({ end, code, underShell }) => {
  // Each in its own folder and terminal: the steps of one ending run side by side, each
  // closing its own terminal (the shared afterEach would close the others').
  it.concurrent.for(STEPS)('while $name: saves first and leaves a readable draft', { timeout: 60_000 }, async (step, { onTestFinished }) => {
    const cwd = tempDir();
    if (step.draft) writeFileSync(join(cwd, 'pm.yaml'), step.draft);
    const exitCodeFile = underShell ? join(cwd, 'exit-code') : undefined;
    const t = new TerminalSession(step.args, { cwd, env: isolatedEnv(), exitCodeFile });
    onTestFinished(() => t.kill());
    await step.reach(t);
    end(t);
    expect(exitCodeFile ? await codeIn(exitCodeFile) : await t.exited).toBe(code);
    const path = join(cwd, 'pm.yaml');
    // Loads as a draft (no broken YAML, no half-written file), with what had been confirmed.
    await loadDraft(path);
    step.saved(readFileSync(path, 'utf8'));
    expect(readFileSync(path, 'utf8')).not.toMatch(/[\u0000-\u0008\u001b]/);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

describe('keys arriving together', () => {
  it('Ctrl+C in the same read as typed text still saves and quits', async () => {
    const cwd = tempDir();
    const t = new TerminalSession(['new', 'pm.yaml'], { cwd, env: isolatedEnv() });
    sessions.push(t);
    await t.waitFor('Title of the postmortem');
    await t.answer('Queue backlog', 'Author(s)');
    t.pty.write('Jane Doe\u0003');
    expect(await t.exited).toBe(130);
    const saved = readFileSync(join(cwd, 'pm.yaml'), 'utf8');
    expect(saved).toContain('title: Queue backlog');
    // Every key before the Ctrl+C counts, though the screen had not caught up with them.
    expect(saved).toContain('unconfirmed:\n  question: authors\n  text: Jane Doe\n');
  }, 60_000);
});
