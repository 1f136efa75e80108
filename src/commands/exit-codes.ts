/** The exit codes scripts rely on (DESIGN §3). */
export const EXIT = {
  ok: 0,
  /** The work found problems (check), or a write failed (render). */
  problems: 1,
  /** Bad usage or unusable input. */
  usage: 2,
  /** Cancelled with Ctrl+C, after the draft was saved. */
  cancelled: 130,
} as const;

/** A refusal the user can fix: printed as one sentence, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
    this.name = 'UsageError';
  }
}
