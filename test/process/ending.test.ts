import { describe, expect, it } from 'vitest';
import { exitCodeFor, type Ending } from '../../src/process/ending.js';
import { EXIT } from '../../src/process/exit-codes.js';

describe('exitCodeFor: the one place the wizard picks its exit code', () => {
  const cases: [Ending, boolean, number][] = [
    [{ kind: 'quit', reason: 'done' }, true, EXIT.ok],
    [{ kind: 'quit', reason: 'save' }, true, EXIT.ok],
    [{ kind: 'quit', reason: 'save' }, false, EXIT.problems],
    [{ kind: 'quit', reason: 'cancel' }, true, EXIT.cancelled],
    [{ kind: 'quit', reason: 'cancel' }, false, EXIT.cancelled],
    [{ kind: 'signal', signal: 'SIGINT' }, true, 130],
    [{ kind: 'signal', signal: 'SIGTERM' }, false, 143],
    [{ kind: 'signal', signal: 'SIGHUP' }, true, 129],
    [{ kind: 'terminalClosed' }, true, 129],
    [{ kind: 'crash', error: new Error('x') }, true, 70],
    [{ kind: 'crash', error: 'thrown string' }, false, 70],
  ];
  it.each(cases)('%j (saved: %s) → %i', (ending, saved, code) => {
    expect(exitCodeFor(ending, saved)).toBe(code);
  });
});
