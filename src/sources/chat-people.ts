/** Words by which a writer names themself: the blameless rewrite needs to know who "I" is. */
const FIRST_PERSON = /(?:^|[^\p{L}'])(?:I|I'm|I've|I'll|I'd|me|my|mine|myself)(?![\p{L}'])/u;
const MENTION = /(?:^|[\s(])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;
const EVERYONE = new Set(['here', 'channel', 'everyone']);

/** The people a message names: those it mentions, and its author when it speaks in the first person. */
export function peopleOf(author: string | undefined, text: string, mentioned: Iterable<string> = []): string[] | undefined {
  const people = new Set(mentioned);
  if (author && FIRST_PERSON.test(text)) people.add(author);
  return people.size ? [...people] : undefined;
}

/** `@alice` written as plain text (a pasted chat), without `@here` and its kind. */
export function plainMentions(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const name = match[1]!.replace(/[._-]+$/, '');
    if (!EVERYONE.has(name.toLowerCase())) names.push(name);
  }
  return names;
}
