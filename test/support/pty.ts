import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { BIN } from './run-cli.js';
import { KEY, waitFor } from './ink.js';
import { tempDir } from './temp.js';

const { Terminal } = xterm;

export { KEY as KEYS } from './ink.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A private home, settings folder and fixed timezone, so a run never sees the user's own. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const root = tempDir('pmw-e2e-');
  mkdirSync(join(root, 'home'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('VITEST') && !key.startsWith('npm_')) env[key] = value;
  return {
    ...env,
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'home', '.config'),
    POSTMORTEM_WIZARD_CONFIG_DIR: join(root, 'config'),
    GIT_CONFIG_NOSYSTEM: '1',
    TZ: 'UTC',
    TERM: 'xterm-256color',
    ...extra,
  };
}

/**
 * The built command in a real pseudo-terminal, read through a headless terminal emulator:
 * the screen a person would see, typed at as a person would.
 */
export class TerminalSession {
  readonly pty: IPty;
  readonly terminal: InstanceType<typeof Terminal>;
  /** Everything the program wrote, escape codes included. */
  raw = '';
  exitCode: number | undefined;
  signal: number | undefined;
  readonly exited: Promise<number>;

  /**
   * `command` runs an installed executable instead of this checkout's bin/. With `exitCodeFile`
   * it runs under a shell that writes its exit code there, as a terminal's shell would see it
   * (the pty's own exit code is lost once its master end is closed).
   */
  constructor(args: string[], options: { cwd: string; env: Record<string, string>; cols?: number; rows?: number; command?: string; exitCodeFile?: string }) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    this.terminal = new Terminal({ cols, rows, allowProposedApi: true });
    let [file, argv] = options.command ? [options.command, args] : [process.execPath, [BIN, ...args]];
    if (options.exitCodeFile) {
      // The shell stays (ignoring the hang-up) to write the code; it does not pass SIGHUP on.
      [file, argv] = ['/bin/sh', ['-c', 'trap "" HUP; "$@"; echo $? > "$EXIT_CODE_FILE"', 'sh', file, ...argv]];
      options.env = { ...options.env, EXIT_CODE_FILE: options.exitCodeFile };
    }
    this.pty = spawn(file, argv, { name: 'xterm-256color', cols, rows, cwd: options.cwd, env: options.env });
    this.pty.onData((data) => {
      this.raw += data;
      this.terminal.write(data);
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.exitCode = exitCode;
        this.signal = signal;
        resolve(exitCode);
      });
    });
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.terminal.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Waits until the screen shows `text` (and the program has had a moment to attach its keys). */
  async waitFor(text: string | RegExp, timeout = 10_000): Promise<void> {
    // The emulator parses writes asynchronously; an empty write flushes it.
    await waitFor(() => {
      const screen = this.screen();
      if (typeof text === 'string') expect(screen).toContain(text);
      else expect(screen).toMatch(text);
    }, timeout);
    await pause(25);
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.pty.write(key);
      await pause(key === KEY.esc ? 60 : 25);
    }
  }

  /** Types one character at a time. */
  async type(text: string): Promise<void> {
    for (const char of text) {
      this.pty.write(char);
      await pause(2);
    }
    await pause(25);
  }

  /** Types an answer and presses Enter, then waits for the next prompt. */
  async answer(text: string, next: string | RegExp): Promise<void> {
    await this.type(text);
    await this.press(KEY.enter);
    await this.waitFor(next);
  }

  /** Closes the master end, as a closed window or `tmux kill-session` does; the program gets SIGHUP and EIO. */
  closeTerminal(): void {
    (this.pty as IPty & { destroy(): void }).destroy();
  }

  kill(signal?: string): void {
    try {
      this.pty.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * The terminals a test file opens, each closed after its test: `open(args, cwd)` starts the
 * built command in one (with a private home unless `env` is given).
 */
export function terminalsClosedAfterEach() {
  const sessions: TerminalSession[] = [];
  afterEach(() => {
    for (const session of sessions.splice(0)) session.kill();
  });
  const open = (args: string[], cwd: string, env: Record<string, string> = isolatedEnv()): TerminalSession => {
    const session = new TerminalSession(args, { cwd, env });
    sessions.push(session);
    return session;
  };
  return { sessions, open };
}
