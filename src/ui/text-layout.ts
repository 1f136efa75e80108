import stringWidth from 'string-width';
import { createSegmenter } from './graphemes.js';

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

const segmenter = createSegmenter(undefined, { granularity: 'grapheme' });
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
  for (const { segment, index } of segmenter.segment(text)) {
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

/** The rows to draw: at most `height`, with the cursor's row among them (nearer the middle when it can be). */
export function textWindow(text: string, cursor: number, width: number, height: number): TextWindow {
  const safeWidth = Math.max(4, width);
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineEnd = (line: number) => (line + 1 < starts.length ? starts[line + 1]! - 1 : text.length);
  const wrap = (line: number) => wrapLine(text.slice(starts[line]!, lineEnd(line)), starts[line]!, line, safeWidth);

  let cursorLine = 0;
  while (cursorLine + 1 < starts.length && starts[cursorLine + 1]! <= cursor) cursorLine++;
  let rows = wrap(cursorLine);
  let cursorRow = rows.findIndex((row, i) => cursor < row.end || (cursor === row.end && (i === rows.length - 1 || row.end === row.start)));
  if (cursorRow === -1) cursorRow = rows.length - 1;

  // Gather lines above and below until both sides could fill the window.
  let above = cursorLine;
  let below = cursorLine;
  while (above > 0 && cursorRow < height) {
    const more = wrap(--above);
    rows = [...more, ...rows];
    cursorRow += more.length;
  }
  while (below + 1 < starts.length && rows.length - cursorRow <= height) rows = [...rows, ...wrap(++below)];

  const first = Math.max(0, Math.min(cursorRow - Math.floor(height / 2), rows.length - height));
  const shown = rows.slice(first, first + height);
  return {
    rows: shown,
    cursorRow: cursorRow - first,
    hiddenBefore: first > 0 || above > 0,
    hiddenAfter: first + height < rows.length || below + 1 < starts.length,
  };
}
