import stringWidth from 'string-width';
import { boundaryBefore, graphemesFrom } from './graphemes.js';

/*
 * A field's text as the rows it takes on screen, wrapped at words to the field's width, so a
 * long answer (a 100 KB paste) shows a window of rows around the cursor instead of growing
 * past the terminal. Only the lines near the cursor are wrapped: the cost of a keystroke does
 * not grow with the length of the text.
 */

export interface VisualRow {
  /** Offsets into the whole text: the row shows text.slice(start, end). */
  start: number;
  end: number;
  /** Which line (between \n) of the text the row belongs to. */
  line: number;
}

export interface TextWindow {
  rows: VisualRow[];
  /** The row the cursor is on, as an index into `rows`. */
  cursorRow: number;
  hiddenBefore: boolean;
  hiddenAfter: boolean;
}

const SINGLE_WIDTH = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f]$/;

function widthOf(grapheme: string): number {
  return SINGLE_WIDTH.test(grapheme) ? 1 : stringWidth(grapheme);
}

/** Wraps one line (no \n) starting at `offset`: breaks after the last space that fits, else mid-word. */
export function wrapLine(text: string, offset: number, line: number, width: number): VisualRow[] {
  if (text === '') return [{ start: offset, end: offset, line }];
  const rows: VisualRow[] = [];
  let rowStart = 0;
  let used = 0;
  let lastBreak = -1; // index just after the last space in this row
  let usedAtBreak = 0;
  for (const { segment, index } of graphemesFrom(text)) {
    const w = widthOf(segment);
    if (used + w > width && index > rowStart) {
      const cut = lastBreak > rowStart ? lastBreak : index;
      rows.push({ start: offset + rowStart, end: offset + cut, line });
      used = cut === index ? 0 : used - usedAtBreak;
      rowStart = cut;
      lastBreak = -1;
    }
    used += w;
    if (segment === ' ') {
      lastBreak = index + 1;
      usedAtBreak = used;
    }
  }
  rows.push({ start: offset + rowStart, end: offset + text.length, line });
  return rows;
}

/**
 * A line longer than this is wrapped only around the part shown: a 200,000-character paste on
 * one line costs a few thousand characters per keystroke, not the whole line. Its pieces start
 * at fixed steps along the line, so rows do not shift while the cursor moves within one.
 */
const PIECE = 2048;

/** The rows to draw: at most `height`, with the cursor's row among them (nearer the middle when it can be). */
export function textWindow(text: string, cursor: number, width: number, height: number): TextWindow {
  const safeWidth = Math.max(4, width);
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineEnd = (line: number) => (line + 1 < starts.length ? starts[line + 1]! - 1 : text.length);
  let clippedBefore = false;
  let clippedAfter = false;
  /** Wraps `line`, or of a long line the pieces around `near`; says whether some of it is left out. */
  const wrap = (line: number, near: number) => {
    const start = starts[line]!;
    const end = lineEnd(line);
    let from = start;
    let to = end;
    if (end - start > 3 * PIECE) {
      const piece = Math.floor((Math.min(Math.max(near, start), end) - start) / PIECE);
      from = piece <= 1 ? start : boundaryBefore(text, start + (piece - 1) * PIECE);
      to = start + (piece + 2) * PIECE >= end ? end : boundaryBefore(text, start + (piece + 2) * PIECE);
    }
    return { rows: wrapLine(text.slice(from, to), from, line, safeWidth), before: from > start, after: to < end };
  };

  let cursorLine = 0;
  while (cursorLine + 1 < starts.length && starts[cursorLine + 1]! <= cursor) cursorLine++;
  const own = wrap(cursorLine, cursor);
  let rows = own.rows;
  clippedBefore = own.before;
  clippedAfter = own.after;
  let cursorRow = rows.findIndex((row, i) => cursor < row.end || (cursor === row.end && (i === rows.length - 1 || row.end === row.start)));
  if (cursorRow === -1) cursorRow = rows.length - 1;

  // Gather lines above and below until both sides could fill the window.
  let above = cursorLine;
  let below = cursorLine;
  while (above > 0 && cursorRow < height && !clippedBefore) {
    const more = wrap(--above, Number.MAX_SAFE_INTEGER);
    rows = [...more.rows, ...rows];
    cursorRow += more.rows.length;
    clippedBefore = more.before;
  }
  while (below + 1 < starts.length && rows.length - cursorRow <= height && !clippedAfter) {
    const more = wrap(++below, 0);
    rows = [...rows, ...more.rows];
    clippedAfter = more.after;
  }

  const first = Math.max(0, Math.min(cursorRow - Math.floor(height / 2), rows.length - height));
  const shown = rows.slice(first, first + height);
  return {
    rows: shown,
    cursorRow: cursorRow - first,
    hiddenBefore: first > 0 || above > 0 || clippedBefore,
    hiddenAfter: first + height < rows.length || below + 1 < starts.length || clippedAfter,
  };
}

/** The start of a text, at most `columns` wide as the terminal draws it (trailing spaces dropped). */
export function cutToWidth(text: string, columns: number): string {
  let out = '';
  // Measured whole each time (short texts: a title, a finding), so joined emoji count once.
  for (const char of text) {
    if (stringWidth(out + char) > columns) break;
    out += char;
  }
  return out.trimEnd();
}
