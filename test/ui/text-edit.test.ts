import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSegmenter, graphemesFrom } from '../../src/ui/graphemes.js';
import { textWindow } from '../../src/ui/text-layout.js';
import { runs } from '../support/property.js';
import { applyKey, splitAtCursor, type EditKey, type EditState } from '../../src/ui/text-edit.js';

function keys(start: string, strokes: [string, EditKey?][], multiline = false): EditState | string {
  let state: EditState = { text: start, cursor: start.length };
  for (const [input, key] of strokes) {
    const result = applyKey(state, input, key ?? {}, multiline);
    if (typeof result === 'string') return result;
    if (result) state = result;
  }
  return state;
}

describe('text editing', () => {
  it('types, moves and deletes by grapheme (emoji and accents stay whole)', () => {
    expect(keys('', [['a'], ['👩‍💻'], ['é'], ['', { leftArrow: true }], ['', { backspace: true }]])).toEqual({ text: 'aé', cursor: 1 });
    expect(keys('日本語', [['', { backspace: true }]])).toEqual({ text: '日本', cursor: 2 });
  });

  it('Backspace erases to the left of the cursor, Delete to the right; each at its end of the text does nothing', () => {
    expect(keys('a👩‍💻é', [['', { home: true }], ['', { rightArrow: true }], ['', { delete: true }]])).toEqual({ text: 'aé', cursor: 1 });
    expect(keys('abc', [['', { home: true }], ['', { delete: true }]])).toEqual({ text: 'bc', cursor: 0 });
    expect(keys('abc', [['', { delete: true }]])).toEqual({ text: 'abc', cursor: 3 });
    expect(keys('abc', [['', { home: true }], ['', { backspace: true }]])).toEqual({ text: 'abc', cursor: 0 });
    // In a field with lines, Delete at a line's end joins the next line to it.
    expect(keys('one\ntwo', [['', { upArrow: true }], ['', { end: true }], ['', { delete: true }]], true)).toEqual({ text: 'onetwo', cursor: 3 });
  });

  it('knows Home/End, Ctrl+A/E/U/K/W', () => {
    expect(keys('hello world', [['', { home: true }], ['>']])).toEqual({ text: '>hello world', cursor: 1 });
    expect(keys('hello world', [['w', { ctrl: true }]])).toEqual({ text: 'hello ', cursor: 6 });
    expect(keys('hello world', [['a', { ctrl: true }], ['k', { ctrl: true }]])).toEqual({ text: '', cursor: 0 });
    expect(keys('hello world', [['u', { ctrl: true }]])).toEqual({ text: '', cursor: 0 });
  });

  it('submits on Enter; a new line only where the field has lines', () => {
    expect(keys('x', [['', { return: true }]])).toBe('submit');
    expect(keys('x', [['\n']])).toBe('submit');
    expect(keys('x', [['', { return: true, meta: true }]])).toBe('newline-refused');
    expect(keys('one', [['\n'], ['two']], true)).toEqual({ text: 'one\ntwo', cursor: 7 });
    expect(keys('one', [['', { return: true, meta: true }], ['two']], true)).toEqual({ text: 'one\ntwo', cursor: 7 });
  });

  it('keeps pasted line breaks in paragraphs and folds them in one-line fields', () => {
    expect(keys('', [['line1\r\nline2\rline3']], true)).toEqual({ text: 'line1\nline2\nline3', cursor: 17 });
    expect(keys('', [['line1\r\nline2']])).toEqual({ text: 'line1 line2', cursor: 11 });
  });

  it('never lets escape sequences or control characters in', () => {
    expect(keys('', [['a\u001b[31mb\u0007c\u0000']])).toEqual({ text: 'abc', cursor: 3 });
    expect(keys('x', [['q', { ctrl: true }], ['', { escape: true }], ['', { tab: true }]])).toEqual({ text: 'x', cursor: 1 });
  });

  it('moves up and down lines keeping the column', () => {
    const state = keys('abcd\nxy\nlonger', [['', { upArrow: true }], ['', { upArrow: true }]], true) as EditState;
    expect(state.cursor).toBe(2);
    expect(keys('abcd\nxy', [['', { home: true }], ['', { upArrow: true }], ['', { end: true }], ['', { downArrow: true }]], true)).toEqual({ text: 'abcd\nxy', cursor: 7 });
  });

  it('splits at the cursor for drawing', () => {
    expect(splitAtCursor('a👍b', 1)).toEqual({ before: 'a', at: '👍', after: 'b' });
  });
});

describe('the lazy grapheme segmenter', () => {
  it('splits exactly as Intl.Segmenter does (property)', () => {
    const reference = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const ours = createSegmenter();
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.array(fc.constantFrom('a', ' ', '─', '›', '·', '\r', '\n', '\u001b', '[', 'é', 'e\u0301', '👍🏽', '✅', '✔\ufe0f', '日', '한', '\u1100\u1161', '\u200d', '—', '…', '✓'), { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const split = (segments: Iterable<{ segment: string; index: number }>) => [...segments].map((s) => `${s.index}:${s.segment}`);
        expect(split(ours.segment(input))).toEqual(split(reference.segment(input)));
        for (const index of [0, 1, input.length - 1, input.length, -1]) {
          const a = ours.segment(input).containing(index);
          const b = reference.segment(input).containing(index);
          expect(a && `${a.index}:${a.segment}`).toEqual(b && `${b.index}:${b.segment}`);
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('long pastes of mixed scripts', () => {
  const pieces = ['Payment ', '😀', '障害が発生', 'e\u0301', 'zero\u200bwidth ', '👩‍👩‍👧', '🇫🇷🇩🇪', 'ملخص ', '\u1100\u1161\u11a8'];
  const intl = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  it('are cut into the same graphemes as one Intl.Segmenter pass (property)', () => {
    // Lone halves of flags, combining marks, joiners and a prepended mark test the slices' edges.
    const hostile = [...pieces, '🇫', '\u0301', '\u200d', '\r\n', '\u0600'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...hostile), { minLength: 50, maxLength: 300 }), (parts) => {
        const text = parts.join('');
        expect([...graphemesFrom(text)].map((g) => g.index)).toEqual([...intl.segment(text)].map((g) => g.index));
      }),
      { numRuns: runs(50) },
    );
  });

  it('take a 200,000-character paste whole, with the cursor after it, and edit it by grapheme', () => {
    let pasted = '';
    for (let i = 0; pasted.length < 200_000; i++) pasted += pieces[i % pieces.length];
    pasted += '👩‍👩‍👧';
    // Zero-width and direction characters never reach a field (they can hide text): the rest is kept.
    const typed = pasted;
    pasted = pasted.replace(/\u200b/g, '');
    const state = applyKey({ text: '', cursor: 0 }, typed, {}, false) as EditState;
    expect(state).toEqual({ text: pasted, cursor: pasted.length });
    // The family emoji at the end is one grapheme for the arrows and Backspace.
    expect(applyKey(state, '', { leftArrow: true }, false)).toEqual({ text: pasted, cursor: pasted.length - '👩‍👩‍👧'.length });
    expect(applyKey(state, '', { backspace: true }, false)).toEqual({ text: pasted.slice(0, -'👩‍👩‍👧'.length), cursor: pasted.length - '👩‍👩‍👧'.length });
    // Drawn as a window of rows ending at the cursor.
    const window = textWindow(pasted, pasted.length, 76, 4);
    expect(window.rows).toHaveLength(4);
    expect(window.rows[window.cursorRow]!.end).toBe(pasted.length);
    expect(window.hiddenBefore).toBe(true);
    expect(splitAtCursor(pasted, pasted.length - '👩‍👩‍👧'.length).at).toBe('👩‍👩‍👧');
  });
});
