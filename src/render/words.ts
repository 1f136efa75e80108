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
  let counting = false;
  let inCode = false;
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, ' ').split('\n')) {
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
    if (counting) kept.push(line);
  }
  return kept.join('\n');
}

/** Words as `wc -w` counts them: runs of characters between spaces, tabs and line breaks. */
export function wcWords(text: string): number {
  return text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length;
}

/** The length the rubric grades: words of the graded sections, as `wc -w` counts them. */
export function countWords(markdown: string): number {
  return wcWords(gradedText(markdown));
}
