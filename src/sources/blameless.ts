/*
 * A postmortem is blameless: the review flags a person named as a cause. Messages picked from a
 * chat name people as authors and in mentions, so by default their names become their role
 * (a job title the source gives) or "an engineer". Only people the source knows are replaced
 * (authors and resolved mentions): team handles such as @db-oncall stay.
 */

export interface People {
  /** Every person's name the sources gave (authors, mentions). */
  names: Iterable<string>;
  /** A role for a name, where the source gave one (Slack profile titles). */
  roles?: Readonly<Record<string, string>>;
}

const ROLE_WORDS = /\b(?:engineer|developer|dev|sre|dba|devops|ops|on-?call|admin(?:istrator)?|operator|manager|lead|architect|analyst|support|commander|director|head|cto|vp|scientist|tester|qa)\b/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Blameless {
  (text: string): string;
}

/** A function that rewrites names in a text; built once for all the picked messages. */
export function blamelessRewriter(people: People): Blameless {
  const roles = people.roles ?? {};
  const replacement = new Map<string, string>();
  const lowerCaseNames = new Set<string>();
  for (const raw of people.names) {
    const name = raw.trim();
    if (name.length < 2) continue;
    const role = roles[name]?.trim();
    // A title that names a role ("SRE", "Staff engineer") stands for the person; a team's name ("Payments") does not.
    const as = role && ROLE_WORDS.test(role) ? `the ${role.replace(/^(?:the|an?) /i, '')}` : 'an engineer';
    replacement.set(name.toLowerCase(), as);
    if (name === name.toLowerCase()) lowerCaseNames.add(name);
    // "Alice" for "Alice Smith": a first name said alone, when it is a capitalised word.
    const first = name.split(/\s+/)[0]!;
    if (first !== name && first.length >= 3 && !replacement.has(first.toLowerCase())) replacement.set(first.toLowerCase(), as);
  }
  // An e-mail address in a pager's log ("Acknowledged by ana@example.com") is a person too.
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
  if (replacement.size === 0) return (text) => text.replace(email, (_, offset: number) => (/(^|[.!?]\s+)$/.test(text.slice(0, offset)) ? 'An engineer' : 'an engineer'));
  const names = [...replacement.keys()].sort((a, b) => b.length - a.length).map(escape);
  // `@alice`, `@Alice Smith`, or the name as a word; possessives keep their 's.
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_@])(@?)(${names.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  // "@Alice I'm looking", "@Bob can you check": a message opening on whom it is addressed to. The
  // longest name said is taken whole (a lookahead does not backtrack): "@Ana How" is Ana How, not "@Ana" asking how.
  const addressed = new RegExp(`^@(?=(${names.join('|')})(?![\\p{L}\\p{N}_]))\\1[,:]?\\s+(?=(?:I|I'm|I've|I'll|we|we're|can|could|would|will|please|pls|are|is|do|did|any|what|how|when|where|why|thanks|thx|ty|fyi|ok|okay)\\b)`, 'iu');
  return (input) => {
    const unaddressed = input.replace(addressed, '');
    const text = unaddressed === input ? input : unaddressed.charAt(0).toUpperCase() + unaddressed.slice(1);
    let out = text.replace(pattern, (all, before: string, at: string, name: string, offset: number) => {
      // A bare name in lower case is a person only when that is how the person is known (an IRC
      // nick such as "bob"): "will" is a verb, but "Will" may be a person.
      if (!at && name[0] === name[0]!.toLowerCase() && !name.includes(' ') && !lowerCaseNames.has(name)) return all;
      const as = replacement.get(name.toLowerCase())!;
      const startsSentence = /(^|[.!?]\s+)$/.test(text.slice(0, offset + before.length));
      return `${before}${startsSentence ? as[0]!.toUpperCase() + as.slice(1) : as}`;
    });
    out = out.replace(email, (_, offset: number) => (/(^|[.!?]\s+)$/.test(out.slice(0, offset)) ? 'An engineer' : 'an engineer'));
    out = out.replace(/\ban engineer and an engineer\b/gi, (m) => (m[0] === 'A' ? 'Two engineers' : 'two engineers'));
    return out;
  };
}
