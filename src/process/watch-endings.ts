import { SIGNAL_EXIT, type EndingSignal } from './exit-codes.js';
import type { Ending } from './ending.js';

const SIGNALS = Object.keys(SIGNAL_EXIT) as EndingSignal[];

/**
 * Turns everything that can end the wizard from outside its screens into an Ending: SIGINT
 * (an external `kill -INT`; Ctrl+C is a key in raw mode), SIGTERM, SIGHUP, a terminal that went
 * away, and errors nothing caught. The listeners stay until the process ends: a library that
 * also listens (ink's signal-exit) re-sends a signal nobody else handles, which would kill the
 * process before the draft is saved.
 */
export function watchEndings(end: (ending: Ending) => void, stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): void {
  for (const signal of SIGNALS) process.on(signal, () => end({ kind: 'signal', signal }));
  // A closed pty: writes fail with EIO (EPIPE for a socket), reads end or fail with EIO.
  const closed = () => end({ kind: 'terminalClosed' });
  stdout.on('error', closed);
  stdin.on('error', closed);
  stdin.on('end', closed);
  process.on('uncaughtException', (error) => end({ kind: 'crash', error }));
  process.on('unhandledRejection', (error) => end({ kind: 'crash', error }));
}
