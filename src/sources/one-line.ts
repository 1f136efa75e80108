/*
 * A timeline entry is one line; chat messages are often paragraphs. The entry takes the first
 * sentence, and the rest is offered for the root cause text rather than dropped.
 */

/** The longest entry line kept whole; a longer first sentence is cut at a word. */
export const LINE_LIMIT = 160;

// A sentence ends at . ! ? followed by a space and not inside a number (1.2), an abbreviation
// (e.g., i.e.) or a file name (config.yaml has no space after the dot).
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Ms|Dr|St))[.!?]+(?=\s)/g;

export interface OneLine {
  line: string;
  /** What did not fit on the line, as written; empty when the message was one short sentence. */
  rest: string;
}

export function oneLine(message: string): OneLine {
  const text = message.replace(/\r\n?/g, '\n').trim();
  const [firstParagraph = ''] = text.split(/\n\s*\n/);
  // Lines of one paragraph are one thought typed with Shift+Enter; a list item or code is not.
  const flat = firstParagraph.split('\n')[0]!.replace(/\s+/g, ' ').trim();
  // The first sentence, or more while it is a word or two ("Ok.", "here.") and the next one says something.
  SENTENCE_END.lastIndex = 0;
  let line = flat;
  for (let end = SENTENCE_END.exec(flat); end; end = SENTENCE_END.exec(flat)) {
    const upTo = flat.slice(0, end.index + end[0].length);
    const after = SENTENCE_END.exec(flat);
    const nextSentence = flat.slice(upTo.length, after ? after.index + after[0].length : flat.length);
    SENTENCE_END.lastIndex = upTo.length;
    if (proseWords(upTo) >= 3 || proseWords(nextSentence) < 2) {
      line = upTo;
      break;
    }
  }
  if (line.length > LINE_LIMIT) {
    const cut = line.lastIndexOf(' ', LINE_LIMIT - 1);
    line = `${line.slice(0, cut > LINE_LIMIT / 2 ? cut : LINE_LIMIT - 1).trimEnd()}\u2026`;
  }
  const taken = line.endsWith('\u2026') ? line.slice(0, -1) : line;
  const rest = restAfter(text, taken);
  return { line, rest };
}

/** Words of prose: not a link, an emoji code (`:eyes:`), a mention or a number alone. */
function proseWords(text: string): number {
  return text.split(/\s+/).filter((word) => /^[\p{L}][\p{L}\p{N}'\u2019-]*[.!?,;:]*$/u.test(word) && !/^:[\w+-]+:$/.test(word)).length;
}

/** The message with the words of `taken` removed from its start (whitespace may differ). */
function restAfter(text: string, taken: string): string {
  let i = 0;
  for (const char of taken) {
    if (/\s/.test(char)) continue;
    while (i < text.length && /\s/.test(text[i]!)) i += 1;
    if (text[i] === char) i += 1;
    else break;
  }
  return text.slice(i).trim();
}
