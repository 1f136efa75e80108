import { afterEach } from 'vitest';

/*
 * A React warning (hooks called in a changed order, a missing key, an update while rendering
 * another component) fails the test that caused it, so none can creep back into the views.
 * React reports them all through console.error, and nothing else in this code writes there,
 * so every console.error counts.
 */
const errors: string[] = [];
const original = console.error.bind(console);

console.error = (...args: unknown[]) => {
  errors.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
  original(...args);
};

afterEach(() => {
  const seen = errors.splice(0);
  if (seen.length > 0) throw new Error(`console.error (React warns this way) during this test:\n${seen.join('\n')}`);
});
