/*
 * Grapheme segmentation without paying for it up front. The first Intl.Segmenter a process
 * creates loads ICU's break rules (about 20 ms here), and ink's text measuring creates several
 * at load time. Most text on screen is ASCII, box drawing and punctuation, where every UTF-16
 * unit is a grapheme of its own; those strings are split directly and the real segmenter is
 * created only for text that needs it (emoji, accents, CJK, scripts with combining marks).
 * The production build gives ink's dependencies this segmenter too.
 */

// Code points that are always a whole grapheme on their own: no combining marks, joiners,
// variation selectors, surrogates, Hangul jamo or CR (which pairs with LF).
const SIMPLE = /^[\u0000-\u000c\u000e-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u27bf]*$/;

interface GraphemeSegment {
  segment: string;
  index: number;
  input: string;
}

/** What Intl.Segmenter's segment() returns: the graphemes in order, and the one at an index. */
export interface GraphemeSegments extends Iterable<GraphemeSegment> {
  containing(index?: number): GraphemeSegment | undefined;
}

function eachUnit(input: string): GraphemeSegments {
  return {
    *[Symbol.iterator]() {
      for (let index = 0; index < input.length; index++) yield { segment: input[index]!, index, input };
    },
    containing(index = 0) {
      const at = Math.trunc(index);
      return at >= 0 && at < input.length ? { segment: input[at]!, index: at, input } : undefined;
    },
  };
}

export function createSegmenter(locales?: string | string[], options?: Intl.SegmenterOptions): { segment(input: string): GraphemeSegments } {
  let real: Intl.Segmenter | undefined;
  return {
    segment(input: string) {
      if (SIMPLE.test(input)) return eachUnit(input);
      real ??= new Intl.Segmenter(locales, { granularity: 'grapheme', ...options });
      return real.segment(input);
    },
  };
}

/*
 * Long text is segmented a slice at a time: V8 gives every segment a copy of the string it
 * came from, so one Segmenter pass over a 200,000-character paste copies it 200,000 times
 * (seconds, then out of memory). Slices keep the cost linear.
 */
const SLICE = 256;
const sliceSegmenter = createSegmenter();

/** Whether a grapheme boundary is at `index` whatever comes before it (after LF, or between ASCII characters). */
function certainBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const before = text.charCodeAt(index - 1);
  return before === 0x0a || (before >= 0x20 && before <= 0x7e && text.charCodeAt(index) < 0x80);
}

/**
 * A boundary at or before `index` to start segmenting from. Text with no ASCII near (CJK, a
 * wall of emoji) gets a start a slice back: the graphemes after the first are right.
 */
export function boundaryBefore(text: string, index: number): number {
  for (let i = Math.min(index, text.length); i >= 0 && index - i <= SLICE; i--) if (certainBoundary(text, i)) return i;
  return Math.max(0, index - SLICE);
}

/** The graphemes of `text` from `from` (a boundary) on, in order, each with its offset in `text`. */
export function* graphemesFrom(text: string, from = 0): Generator<{ segment: string; index: number }> {
  let start = from;
  while (start < text.length) {
    let end = Math.min(text.length, start + SLICE);
    // Never between the halves of a character: its first half would look like a grapheme ending.
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1]!)) end--;
    let next = end;
    let taken = 0;
    for (const { segment, index } of sliceSegmenter.segment(text.slice(start, end))) {
      // The slice's last grapheme may be cut by the slice: it starts the next slice instead.
      if (index + segment.length === end - start && end < text.length && taken > 0) {
        next = start + index;
        break;
      }
      taken++;
      yield { segment, index: start + index };
    }
    start = next;
  }
}
