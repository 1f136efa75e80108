import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWindow, wrapLine } from '../../src/ui/text-layout.js';
import { runs } from '../support/property.js';

const rowsOf = (text: string, width: number) => wrapLine(text, 0, 0, width).map((row) => text.slice(row.start, row.end));

describe('wrapping a field\'s text to the screen', () => {
  it('breaks after the last space that fits, and mid-word only when a word is too long', () => {
    expect(rowsOf('the pool was exhausted', 10)).toEqual(['the pool ', 'was ', 'exhausted']);
    expect(rowsOf('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(rowsOf('', 5)).toEqual(['']);
  });

  it('measures wide characters as the terminal draws them', () => {
    expect(rowsOf('障害障害障害', 5)).toEqual(['障害', '障害', '障害']);
    expect(rowsOf('ok 👍🏽 ok', 4)).toEqual(['ok ', '👍🏽 ', 'ok']);
  });

  it('keeps every character exactly once, in order (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '障', '👍', 'é') , maxLength: 200 }), fc.integer({ min: 4, max: 30 }), (text, width) => {
        expect(rowsOf(text, width).join('')).toBe(text);
      }),
      { numRuns: runs(200) },
    );
  });

  it('shows a window of rows around the cursor, however long the text', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Sentence ${i} of a very long pasted answer.`).join(' ');
    const window = textWindow(text, text.length, 60, 8);
    expect(window.rows).toHaveLength(8);
    expect(window.cursorRow).toBe(7);
    expect(window.hiddenBefore).toBe(true);
    expect(window.hiddenAfter).toBe(false);
    expect(text.slice(window.rows[7]!.start, window.rows[7]!.end)).toMatch(/answer\.$/);

    const middle = textWindow(text, 40_000, 60, 8);
    const row = middle.rows[middle.cursorRow]!;
    expect(row.start <= 40_000 && 40_000 < row.end).toBe(true);
    expect(middle.hiddenBefore && middle.hiddenAfter).toBe(true);
  });

  it('puts the cursor on the line it is on, across blank lines', () => {
    const text = 'one\n\nthree';
    expect(textWindow(text, 4, 20, 8)).toMatchObject({ cursorRow: 1, hiddenBefore: false, hiddenAfter: false });
    expect(textWindow(text, 5, 20, 8).cursorRow).toBe(2);
    expect(textWindow(text, 3, 20, 8).cursorRow).toBe(0);
  });
});
