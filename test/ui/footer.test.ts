import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitHints } from '../../src/ui/components/frame.js';
import type { Hint } from '../../src/ui/keymap.js';

const LIST: Hint[] = [
  { keys: 'add', does: 'add' },
  { keys: 'edit', does: 'edit' },
  { keys: 'delete', does: 'delete' },
  { keys: 'done', does: 'next' },
  { keys: 'back', does: 'back' },
  { keys: 'quit', does: 'save & quit' },
];

describe("the footer's keys", () => {
  it('spaced out where there is room, closer together on a narrow window, on one line at 60 columns', () => {
    expect(fitHints(LIST, 60)).toBe('a add  e edit  d delete  Tab next  Esc back  Ctrl+C quit');
    expect(fitHints(LIST, 99 - 8)).toBe('a add · e edit · d delete · Tab next · Esc back · Ctrl+C save & quit');
    // 60 columns: a 59-column frame, "✓ saved" and a space beside the keys.
    const narrow = fitHints(LIST, 59 - 8);
    expect(stringWidth(narrow)).toBeLessThanOrEqual(51);
    expect(narrow).toBe('a add e edit d delete Tab next Esc back Ctrl+C quit');
  });
});
