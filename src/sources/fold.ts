import type { Candidate } from './candidate.js';

/** A candidate with the copies of it that were folded into it. */
export interface Folded {
  candidate: Candidate;
  /** How many times it was said (1 when once): an alert repeated every 5 minutes says so once. */
  times: number;
}

/** The same words from the same source within this long count as one thing said again. */
const REPEAT_WINDOW_MS = 60 * 60_000;

const words = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Folds duplicates: candidates with the same key (an edited message, a repeated notification
 * of one alert) become one, at the first time with the latest text; the same words from the
 * same source within an hour become one. The result is in time order.
 */
export function foldDuplicates(candidates: readonly Candidate[]): Folded[] {
  const sorted = [...candidates].sort((a, b) => a.at - b.at);
  const byKey = new Map<string, Folded>();
  const lastSaid = new Map<string, Folded>();
  const out: Folded[] = [];
  for (const candidate of sorted) {
    if (candidate.key !== undefined) {
      const id = `${candidate.source}\u0000${candidate.key}`;
      const seen = byKey.get(id);
      if (seen) {
        seen.times += 1;
        seen.candidate = { ...candidate, at: seen.candidate.at };
        continue;
      }
      const folded = { candidate, times: 1 };
      byKey.set(id, folded);
      out.push(folded);
      continue;
    }
    const said = `${candidate.source}\u0000${words(candidate.text)}`;
    const seen = lastSaid.get(said);
    if (seen && candidate.at - seen.candidate.at <= REPEAT_WINDOW_MS * seen.times) {
      seen.times += 1;
      continue;
    }
    const folded = { candidate, times: 1 };
    lastSaid.set(said, folded);
    out.push(folded);
  }
  return out;
}
