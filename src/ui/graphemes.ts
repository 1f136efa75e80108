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
