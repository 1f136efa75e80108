/** The rubric's length: 400 to 600 words. */
export const WORD_RANGE = { min: 400, max: 600 } as const;

/**
 * Words a reader reads in the rendered Markdown: comments, code blocks (the diagram),
 * link targets and Markdown punctuation do not count; "13:45" and "don't" are one word each.
 */
export function countWords(markdown: string): number {
  const prose = markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
  return prose.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.:/%-]*/gu)?.length ?? 0;
}
