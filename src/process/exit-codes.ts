/*
 * The one table of exit codes (DESIGN §3): every command, the wizard, the launcher and
 * `--help` read it, so a script sees the same number for the same outcome everywhere.
 */
export const EXIT = {
  ok: 0,
  /** The work found problems (check), or a file could not be written. */
  problems: 1,
  /** Bad usage or unusable input. */
  usage: 2,
  /** A bug in postmortem-wizard (sysexits' EX_SOFTWARE), after the answers were saved or rescued. */
  internal: 70,
  /** The terminal closed (SIGHUP), after the draft was saved. */
  hangup: 129,
  /** Cancelled with Ctrl+C or SIGINT, after the draft was saved. */
  cancelled: 130,
  /** Ended by SIGTERM, after the draft was saved. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The signals that end the wizard (after it saves), and the code each ends with. */
export const SIGNAL_EXIT = { SIGHUP: EXIT.hangup, SIGINT: EXIT.cancelled, SIGTERM: EXIT.terminated } as const;
export type EndingSignal = keyof typeof SIGNAL_EXIT;

/** The table as `--help` and the README show it. */
export const EXIT_CODES_HELP = [
  [EXIT.ok, 'done'],
  [EXIT.problems, 'problems found (check), or a file could not be written'],
  [EXIT.usage, 'bad usage, or a file that cannot be used'],
  [EXIT.internal, 'internal error (your answers were saved or rescued first)'],
  [EXIT.hangup, 'the terminal closed (after saving)'],
  [EXIT.cancelled, 'cancelled with Ctrl+C (after saving)'],
  [EXIT.terminated, 'ended by SIGTERM (after saving)'],
] as const satisfies readonly (readonly [ExitCode, string])[];

/** A refusal the user can fix: printed as one sentence, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
    this.name = 'UsageError';
  }
}
