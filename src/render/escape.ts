import { cleanBlock, cleanLine } from '../draft/clean-text.js';

/*
 * Text typed by a person goes into Markdown. It must read as the words it is and never as
 * structure: no heading, table, HTML tag, link or list can come out of an answer, whatever
 * it contains. Underscores inside words (connection_pool) are left alone, as GitHub does.
 */

const SPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * A run of `*` can open emphasis only when it is left-flanking (CommonMark: not followed by
 * space, and not followed by punctuation unless it follows space or punctuation). Such runs,
 * and any run at the start or end of the text, are escaped; the others are left as written, so
 * `GET /api/v2/products/* failed` or `5 * 3` read as typed.
 */
function escapeStars(text: string): string {
  return text.replace(/\*+/g, (run: string, at: number) => {
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = text[at + run.length] ?? ' ';
    const leftFlanking = !SPACE.test(after) && (!PUNCTUATION.test(after) || SPACE.test(before) || PUNCTUATION.test(before));
    // At either end the run meets the layout's own text (`*{{ humor }}*`, a list marker): escaped.
    const atEdge = text.slice(0, at).trim() === '' || text.slice(at + run.length).trim() === '';
    return leftFlanking || atEdge ? run.replace(/\*/g, '\\*') : run;
  });
}

function escapeCharacters(text: string): string {
  return escapeStars(text
    .replace(/\\/g, '\\\\')
    .replace(/[`[\]|~]/g, '\\$&'))
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A line starting with these would become a heading, list, quote or rule. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#=+-])/, '$1\\$2')
    // `:---` alone on a line would make the line above a table header.
    .replace(/^(\s*):(?=\s*-)/, '$1\\:')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

/** One-line text (a title, an impact, a timeline sentence): line breaks fold into spaces. */
export function escapeInline(text: string): string {
  return PLAIN.test(text) ? text : escapeInlineFully(text);
}

/**
 * Text that every step below would leave as it is: it starts with a letter, ends with no space,
 * and holds only letters, digits, spaces and punctuation that means nothing in Markdown (`-`,
 * `+`, `#`, `=` and `:` only count at the start of a line). Most answers are such sentences,
 * and a 10,000-entry timeline is 20,000 of them: they skip the dozen replacements.
 */
const PLAIN = /^[A-Za-z](?:[A-Za-z0-9 ,.;:!?'"()/%@$=+#-]*[A-Za-z0-9,.;:!?'"()/%@$=+#-])?$/;

/** escapeInline for any text (exported for the test that holds PLAIN to it). */
export function escapeInlineFully(text: string): string {
  return escapeLineStart(escapeCharacters(cleanLine(text).trim()));
}

const LIST_ITEM = /^(\s{0,6})([-*+]|\d{1,3}[.)])\s+(.*)$/;

/**
 * Paragraphs (root cause, resolution): blank lines separate paragraphs and the person's own
 * `- ` or `1. ` lists stay lists; everything else is escaped as in escapeInline.
 */
export function escapeBlock(text: string): string {
  const lines = cleanBlock(text).trim().replace(/\n{3,}/g, '\n\n').split('\n');
  let previousWasItem = false;
  return lines
    .map((raw) => {
      const line = raw.replace(/\s+$/, '');
      const item = LIST_ITEM.exec(line);
      if (item) {
        const marker = item[2] === '*' || item[2] === '+' ? '-' : item[2];
        // A nested item keeps a little indentation; more would turn it into a code block.
        const indent = previousWasItem && (item[1] ?? '').length > 0 ? '  ' : '';
        previousWasItem = true;
        return `${indent}${marker} ${escapeLineStart(escapeCharacters(item[3] ?? ''))}`;
      }
      previousWasItem = false;
      // Leading spaces would start a code block; paragraphs start at the margin.
      return escapeLineStart(escapeCharacters(line.trimStart()));
    })
    .join('\n');
}
