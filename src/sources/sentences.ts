/*
 * Candidate text: what a person would write in a timeline first, then the source's own detail
 * in later sentences (the pipeline keeps the first sentence; the rest is there to read).
 */

/** One sentence: whitespace collapsed, ending with a full stop unless it already ends a sentence. */
export function sentence(text: string | undefined): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (clean === '') return '';
  return /[.!?\u2026]$|[.!?]["')\]]$/.test(clean) ? clean : `${clean}.`;
}

/** Sentences joined by spaces, the empty ones left out. */
export function sentences(...parts: (string | undefined | false | null)[]): string {
  return parts
    .map((part) => (part ? sentence(part) : ''))
    .filter((part) => part !== '')
    .join(' ');
}

/** Text without its closing full stop, to go before a colon: "Triggered through the API". */
export function clause(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
}
