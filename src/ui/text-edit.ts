import { cleanBlock, cleanLine } from '../draft/clean-text.js';
import { boundaryBefore, graphemesFrom } from './graphemes.js';

/*
 * The editing rules of the wizard's text fields, as a pure function of (text, cursor, key).
 * The cursor moves by grapheme, so an emoji or an accented letter is never cut in half.
 */

export interface EditState {
  text: string;
  /** Offset in UTF-16 units, always on a grapheme boundary. */
  cursor: number;
}

/** The parts of ink's Key this module reads (so tests need not build a whole Key). */
export interface EditKey {
  leftArrow?: boolean;
  rightArrow?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  home?: boolean;
  end?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
}

// Boundaries are looked for near the cursor only: a key costs the same in a 200,000-character paste.
function previousBoundary(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  let previous = boundaryBefore(text, cursor - 1);
  for (const { index } of graphemesFrom(text, previous)) {
    if (index >= cursor) break;
    previous = index;
  }
  return previous;
}

function nextBoundary(text: string, cursor: number): number {
  for (const { index } of graphemesFrom(text, boundaryBefore(text, cursor))) if (index > cursor) return index;
  return text.length;
}

/** The offset `count` graphemes after `from` (a boundary), or `to` if the text gets there first. */
function graphemesAhead(text: string, from: number, count: number, to: number): number {
  let seen = 0;
  for (const { index } of graphemesFrom(text, from)) {
    if (index >= to) return to;
    if (seen++ === count) return index;
  }
  return to;
}

function graphemeCount(text: string, from: number, to: number): number {
  let count = 0;
  for (const { index } of graphemesFrom(text, from)) {
    if (index >= to) break;
    count++;
  }
  return count;
}

function lineStart(text: string, cursor: number): number {
  return text.lastIndexOf('\n', cursor - 1) + 1;
}

function lineEnd(text: string, cursor: number): number {
  const end = text.indexOf('\n', cursor);
  return end === -1 ? text.length : end;
}

function insert(state: EditState, piece: string): EditState {
  if (piece === '') return state;
  return {
    text: state.text.slice(0, state.cursor) + piece + state.text.slice(state.cursor),
    cursor: state.cursor + piece.length,
  };
}

function removeRange(state: EditState, from: number, to: number): EditState {
  if (from === to) return state;
  return { text: state.text.slice(0, from) + state.text.slice(to), cursor: from };
}

/** Moves up or down a line, keeping the column (in graphemes) where the line allows. */
function verticalMove(state: EditState, direction: -1 | 1): EditState | undefined {
  const { text, cursor } = state;
  const start = lineStart(text, cursor);
  const column = graphemeCount(text, start, cursor);
  const targetStart = direction < 0 ? (start === 0 ? -1 : lineStart(text, start - 1)) : lineEnd(text, cursor) + 1;
  if (targetStart < 0 || targetStart > text.length || (direction > 0 && lineEnd(text, cursor) === text.length)) return undefined;
  return { text, cursor: graphemesAhead(text, targetStart, column, lineEnd(text, targetStart)) };
}

export type EditResult = EditState | 'submit' | 'newline-refused' | undefined;

/**
 * Applies one keypress. Returns the new state, 'submit' for Enter, or undefined when the key
 * is not an editing key (the caller may give it another meaning: back, quit, open editor…).
 */
export function applyKey(state: EditState, input: string, key: EditKey, multiline: boolean): EditResult {
  const { text, cursor } = state;
  if (key.return && !key.meta) return 'submit';
  if (key.return && key.meta) return multiline ? insert(state, '\n') : 'newline-refused';
  // A bare \n is Ctrl+J, or Enter from a terminal not yet in raw mode (a line typed ahead):
  // a new line where the field has lines, else the end of the answer.
  if (input === '\n') return multiline ? insert(state, '\n') : 'submit';
  if (key.leftArrow) return { text, cursor: previousBoundary(text, cursor) };
  if (key.rightArrow) return { text, cursor: nextBoundary(text, cursor) };
  if (key.upArrow) return multiline ? verticalMove(state, -1) : undefined;
  if (key.downArrow) return multiline ? verticalMove(state, 1) : undefined;
  if (key.home || (key.ctrl && input === 'a')) return { text, cursor: lineStart(text, cursor) };
  if (key.end || (key.ctrl && input === 'e')) return { text, cursor: lineEnd(text, cursor) };
  // The key dispatcher has told Backspace (DEL, which ink reports as `delete`) from the Delete key.
  if (key.backspace) return removeRange(state, previousBoundary(text, cursor), cursor);
  if (key.delete) return removeRange(state, cursor, nextBoundary(text, cursor));
  if (key.ctrl && input === 'u') return removeRange(state, lineStart(text, cursor), cursor);
  if (key.ctrl && input === 'k') return removeRange(state, cursor, lineEnd(text, cursor));
  if (key.ctrl && input === 'w') {
    const before = text.slice(0, cursor);
    const wordStart = before.replace(/\S+\s*$/u, '').length;
    return removeRange(state, wordStart === cursor ? previousBoundary(text, cursor) : wordStart, cursor);
  }
  if (key.ctrl || key.meta || key.escape || key.tab || key.pageUp || key.pageDown) return undefined;
  if (input === '') return undefined;
  // Typed or pasted text: a chunk of several characters is a paste, and its line breaks are kept
  // only where the field has lines.
  return insert(state, multiline ? cleanBlock(input) : cleanLine(input));
}

/** Splits text around the cursor for drawing: before, the grapheme under the cursor, after. */
export function splitAtCursor(text: string, cursor: number): { before: string; at: string; after: string } {
  const end = nextBoundary(text, cursor);
  return { before: text.slice(0, cursor), at: text.slice(cursor, end), after: text.slice(end) };
}
