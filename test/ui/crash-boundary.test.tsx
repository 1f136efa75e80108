import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { CrashBoundary } from '../../src/ui/crash-boundary.js';
import { waitFor } from '../support/ink.js';

function Broken(): never {
  throw new Error('drawing failed');
}

describe('CrashBoundary', () => {
  it("hands an error thrown while drawing to the run loop, instead of ink's stack-trace screen", async () => {
    const caught: unknown[] = [];
    const app = render(
      <CrashBoundary onCrash={(error) => caught.push(error)}>
        <Text>before</Text>
        <Broken />
      </CrashBoundary>,
    );
    await waitFor(() => expect(caught).toHaveLength(1));
    expect((caught[0] as Error).message).toBe('drawing failed');
    // Nothing of ink's error overview (its message and stack) is drawn.
    expect(app.lastFrame() ?? '').not.toContain('drawing failed');
    app.unmount();
  });
});
