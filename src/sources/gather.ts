import type { Draft, TimelineEntry } from '../draft/schema.js';
import { sortTimeline } from '../draft/edit.js';
import type { IncidentZone } from '../time/zone.js';
import type { Candidate, SourceOptions } from './candidate.js';
import { readSource } from './read-source.js';
import { propose, type Proposal } from './to-entries.js';
import { inWindow, type TimeWindow } from './window.js';

export interface GatherOptions {
  /** The draft's zone: entries are written in it. */
  zone: IncidentZone;
  /** The zone for times the file writes without one (the draft's, unless the user named another). */
  readZone?: IncidentZone;
  window: TimeWindow;
  keepNames?: boolean;
  columns?: SourceOptions['columns'];
  progress?: SourceOptions['progress'];
}

export interface Gathered {
  proposals: Proposal[];
  /** Candidates the file held outside the window (not offered). */
  outside: number;
}

/** Reads a file the incident left behind and offers what it says inside the window as entries. */
export async function gatherProposals(path: string, options: GatherOptions): Promise<Gathered> {
  const inside: Candidate[] = [];
  let outside = 0;
  const reading = readSource(path, {
    zone: options.readZone ?? options.zone,
    from: options.window.from,
    to: options.window.to,
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  for await (const candidate of reading) {
    if (inWindow(candidate.at, options.window)) inside.push(candidate);
    else outside += 1;
  }
  return { proposals: propose(inside, { zone: options.zone, keepNames: options.keepNames }), outside };
}

const entryKey = (entry: TimelineEntry) => `${entry.at ?? ''}\u0000${entry.text?.trim() ?? ''}`;

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
  const timeline = [...(draft.timeline ?? [])];
  const present = new Set(timeline.map(entryKey));
  const added: Proposal[] = [];
  const already: Proposal[] = [];
  for (const proposal of picked) {
    if (present.has(entryKey(proposal.entry))) {
      already.push(proposal);
      continue;
    }
    present.add(entryKey(proposal.entry));
    timeline.push({ ...proposal.entry });
    added.push(proposal);
  }
  // Sorted once at the end: a thousand picked messages are one sort, not a thousand.
  let next = added.length ? sortTimeline({ ...draft, timeline }) : draft;
  const rests = options.rest ? added.map((p) => p.rest).filter((rest) => rest !== '') : [];
  if (rests.length) next = { ...next, rootCause: [next.rootCause?.trimEnd(), ...rests].filter(Boolean).join('\n\n') };
  return { draft: next, added, already };
}
