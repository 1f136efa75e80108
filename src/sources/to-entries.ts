import { DateTime } from 'luxon';
import type { TimelineEntry } from '../draft/schema.js';
import type { IncidentZone } from '../time/zone.js';
import { formatInstant } from '../time/when.js';
import { blamelessRewriter } from './blameless.js';
import type { Candidate } from './candidate.js';
import { foldDuplicates } from './fold.js';
import { guessKind } from './guess-kind.js';
import { oneLine } from './one-line.js';

/** A timeline entry offered from a source, before the user picks it. */
export interface Proposal {
  /** The same message keeps its id when the window or the names setting changes (the picks follow it). */
  id: string;
  /** When it was said (epoch ms): the window is applied to this. */
  instant: number;
  entry: TimelineEntry & { at: string; text: string };
  /** What it was read from, for the pick list: "Slack #inc-42 · Alice". */
  source: string;
  /** The message as the source had it (names and all), for the pick list's detail. */
  original: string;
  /** What did not fit on the entry's line, offered for the root cause. */
  rest: string;
  /** How many times it was said (folded duplicates). */
  times: number;
  /** The entry's other wordings (names kept or replaced): an entry the timeline has in any of them is there already. */
  sameAs: string[];
}

export interface ProposeOptions {
  zone: IncidentZone;
  /** Keep people's names and mentions as written (the blameless rewrite is the default). */
  keepNames?: boolean;
  /** Roles for names, where the sources give them. */
  roles?: Readonly<Record<string, string>>;
}

/** Who sent a message, as the entries say it with names left out: their role, or "an engineer". */
function asRole(blameless: (text: string) => string, author: string): string {
  // Said alone, the rewrite starts a sentence ("An engineer"): the source column is not one.
  const said = blameless(author).replace(/^(An|The) /, (word) => word.toLowerCase());
  return said === author || said.includes(author) ? 'an engineer' : said;
}

/** Words of prose in a text: links, emoji and :codes: are not what a root cause is written in. */
function proseWords(text: string): number {
  const plain = text.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/:[a-z0-9_+-]+:/gi, ' ');
  return plain.match(/\p{L}[\p{L}'\u2019-]*/gu)?.length ?? 0;
}

/** The rest of a message is worth offering for the root cause when a person wrote it and it says something. */
const REST_WORDS = 6;

/** Candidates (already within the window) → entries to pick from, in time order. */
export function propose(candidates: readonly Candidate[], options: ProposeOptions): Proposal[] {
  const names = new Set<string>();
  const roles: Record<string, string> = { ...options.roles };
  for (const candidate of candidates) {
    if (candidate.author && !candidate.bot) names.add(candidate.author);
    for (const person of candidate.people ?? []) names.add(person);
    Object.assign(roles, candidate.roles);
  }
  const blameless = blamelessRewriter({ names, roles });
  const rewrite = options.keepNames ? (text: string) => text : blameless;
  return foldDuplicates(candidates).map(({ candidate, times }) => {
    const { line, rest: after } = oneLine(candidate.text);
    // A pager's or a bot's later sentences are detail ("Incident #4521."), not a story to keep.
    const rest = !candidate.bot && proseWords(after) >= REST_WORDS ? after : '';
    const person = candidate.author && !candidate.bot;
    // With names kept, a person's message says who ("Alice: rolling back"), unless it already does.
    const says = (who: string) => line.startsWith(who) || line.startsWith(`@${who}`);
    const named = person && !says(candidate.author!) ? `${candidate.author}: ${line}` : line;
    const unnamed = blameless(line);
    const text = options.keepNames ? named : unnamed;
    return {
      id: `${candidate.source}\u0000${candidate.key ?? `${candidate.at}\u0000${candidate.text}`}`,
      instant: candidate.at,
      entry: { at: formatInstant(DateTime.fromMillis(candidate.at), options.zone), kind: guessKind(line, candidate.kind), text },
      source: candidate.author ? `${candidate.source} \u00b7 ${options.keepNames || !person ? candidate.author : asRole(blameless, candidate.author)}` : candidate.source,
      original: candidate.text,
      rest: rewrite(rest),
      times,
      // The same message as the other names setting writes it: added once whichever was used.
      sameAs: [...new Set([named, unnamed, line])].filter((other) => other !== text),
    };
  });
}
