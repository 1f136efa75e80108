/** The rubric's length: 400 to 600 words. */
export const WORD_RANGE = { min: 400, max: 600 } as const;

/** Sections of the README the rubric does not grade (both layouts name them so). */
const UNGRADED_SECTIONS = new Set(['lessons learned']);

/** What the count is, in the words the screens and `check` use. */
export const WORDS_COUNTED = 'the rubric\'s sections as wc -w counts them (not the title, headings, lessons, diagram or closing line)';

/**
 * The text of the README the rubric grades: the body of each `##` section except Lessons
 * Learned. Left out: what comes before the first section (the title, the authors, the SRE
 * layout's header table), the headings themselves, HTML comments, code blocks (the diagram),
 * and the closing line after a `---` rule (the touch of humour).
 */
export function gradedText(markdown: string): string {
  const kept: string[] = [];
  gradedLines(markdown, (line) => kept.push(line));
  return kept.join('\n');
}

/** Calls `keep` with each graded line, in order. */
function gradedLines(markdown: string, keep: (line: string) => void): void {
  let counting = false;
  let inCode = false;
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, ' ').split('\n')) {
    // A line starting with a word or a list item ("- **13:45 UTC** …", most of a long
    // timeline) is no fence, heading or rule: only the other lines need the patterns below.
    if (!plainStart(line)) {
      if (/^\s*(```|~~~)/.test(line)) {
        inCode = !inCode;
        continue;
      }
      if (inCode) continue;
      const heading = /^##\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading && !line.startsWith('###')) {
        counting = !UNGRADED_SECTIONS.has(heading[1]!.toLowerCase());
        continue;
      }
      if (/^\s*#{1,6}\s/.test(line)) continue;
      if (/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
        counting = false;
        continue;
      }
    } else if (inCode) continue;
    if (counting) keep(line);
  }
}

/** ASCII that starts none of the patterns above (no space, `#`, fence, rule), or "- " then not "-". */
function plainStart(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first === 45 /* - */) return line.charCodeAt(1) === 32 && line.charCodeAt(2) !== 45;
  return first > 32 && first < 127 && first !== 35 /* # */ && first !== 96 /* ` */ && first !== 126 /* ~ */ && first !== 42 /* * */ && first !== 95 /* _ */;
}

/** Words as `wc -w` counts them: runs of characters between spaces, tabs and line breaks. */
export function wcWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Space, and \t \n \v \f \r (9 to 13).
    if (code === 32 || (code >= 9 && code <= 13)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

/** The length the rubric grades: words of the graded sections, as `wc -w` counts them. */
export function countWords(markdown: string): number {
  // Line by line: a line break separates words anyway, so no joined copy is needed.
  let words = 0;
  gradedLines(markdown, (line) => {
    words += wcWords(line);
  });
  return words;
}
