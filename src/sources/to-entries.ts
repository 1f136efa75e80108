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
}

export interface ProposeOptions {
  zone: IncidentZone;
  /** Keep people's names and mentions as written (the blameless rewrite is the default). */
  keepNames?: boolean;
  /** Roles for names, where the sources give them. */
  roles?: Readonly<Record<string, string>>;
}

/** Candidates (already within the window) → entries to pick from, in time order. */
export function propose(candidates: readonly Candidate[], options: ProposeOptions): Proposal[] {
  const names = new Set<string>();
  const roles: Record<string, string> = { ...options.roles };
  for (const candidate of candidates) {
    if (candidate.author && !candidate.bot) names.add(candidate.author);
    for (const person of candidate.people ?? []) names.add(person);
    Object.assign(roles, candidate.roles);
  }
  const rewrite = options.keepNames ? (text: string) => text : blamelessRewriter({ names, roles });
  return foldDuplicates(candidates).map(({ candidate, times }) => {
    const { line, rest } = oneLine(candidate.text);
    const person = candidate.author && !candidate.bot;
    // With names kept, a person's message says who: "Alice: rolling back".
    const text = options.keepNames && person ? `${candidate.author}: ${line}` : rewrite(line);
    return {
      id: `${candidate.source}\u0000${candidate.key ?? `${candidate.at}\u0000${candidate.text}`}`,
      instant: candidate.at,
      entry: { at: formatInstant(DateTime.fromMillis(candidate.at), options.zone), kind: guessKind(line, candidate.kind), text },
      source: candidate.author ? `${candidate.source} \u00b7 ${options.keepNames || !person ? candidate.author : 'a person'}` : candidate.source,
      original: candidate.text,
      rest: rewrite(rest),
      times,
    };
  });
}
