import type { Draft } from '../draft/schema.js';
import { addEntries, appendParagraphs } from '../draft/edit.js';
import type { IncidentZone } from '../time/zone.js';
import type { Candidate, SourceOptions } from './candidate.js';
import { readSource } from './read-source.js';
import type { Proposal } from './to-entries.js';
import { inWindow, type TimeWindow } from './window.js';

export interface GatherOptions {
  /** The zone for times the file writes without one. */
  zone: IncidentZone;
  window: TimeWindow;
  columns?: SourceOptions['columns'];
  progress?: SourceOptions['progress'];
}

export interface Gathered {
  /** What the file says inside the window, in the order read. */
  candidates: Candidate[];
  /** Candidates the file held outside the window (not offered). */
  outside: number;
}

/** Reads a file the incident left behind, keeping what it says inside the window. */
export async function gatherCandidates(path: string, options: GatherOptions): Promise<Gathered> {
  const candidates: Candidate[] = [];
  let outside = 0;
  const reading = readSource(path, {
    zone: options.zone,
    from: options.window.from,
    to: options.window.to,
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  for await (const candidate of reading) {
    if (inWindow(candidate.at, options.window)) candidates.push(candidate);
    else outside += 1;
  }
  return { candidates, outside };
}

export interface Added {
  draft: Draft;
  added: Proposal[];
  /** Picked but already in the timeline (the same time and words): not added twice. */
  already: Proposal[];
}

/**
 * The picked proposals added to the draft's timeline (kept in time order). With `rest`, what
 * did not fit on an entry's line is added to the root cause text, each after a blank line.
 */
export function addProposals(draft: Draft, picked: readonly Proposal[], options: { rest?: boolean } = {}): Added {
  const result = addEntries(draft, picked.map((p) => p.entry), picked.map((p) => p.sameAs));
  const added = picked.filter((_, i) => result.added[i]);
  const already = picked.filter((_, i) => !result.added[i]);
  const rests = options.rest ? added.map((p) => p.rest).filter((rest) => rest !== '') : [];
  const next = rests.length ? { ...result.draft, rootCause: appendParagraphs(result.draft.rootCause, rests) } : result.draft;
  return { draft: next, added, already };
}
