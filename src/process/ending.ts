import { EXIT, SIGNAL_EXIT, type EndingSignal, type ExitCode } from './exit-codes.js';

/** Every way the wizard ends. Whichever comes first is the one that counts. */
export type Ending =
  /** From the UI: Ctrl+C ('cancel'), "save and quit" ('save'), a README written ('done'). */
  | { kind: 'quit'; reason: 'cancel' | 'save' | 'done'; message?: string }
  | { kind: 'signal'; signal: EndingSignal }
  /** The terminal went away (EIO/EPIPE on stdout, stdin closed): treated as SIGHUP. */
  | { kind: 'terminalClosed' }
  /** A bug: an error thrown while drawing or handling a key, an unhandled rejection. */
  | { kind: 'crash'; error: unknown };

/**
 * The one place the wizard's exit code is decided (DESIGN §3), once the answers were saved
 * (`saved`) or could not be and went to a rescue file.
 */
export function exitCodeFor(ending: Ending, saved: boolean): ExitCode {
  switch (ending.kind) {
    case 'signal':
      return SIGNAL_EXIT[ending.signal];
    case 'terminalClosed':
      return EXIT.hangup;
    case 'crash':
      return EXIT.internal;
    case 'quit':
      if (ending.reason === 'cancel') return EXIT.cancelled;
      return saved ? EXIT.ok : EXIT.problems;
  }
}

/** Whatever reached the process (an Error or anything thrown), as one line. */
export function describeCrash(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/[.\s]+$/, '');
}
