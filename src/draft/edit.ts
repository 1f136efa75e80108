import { resolveIncident } from './incident.js';
import { derive } from './lineage.js';
import type { Draft, DraftPath, TimelineEntry } from './schema.js';

/*
 * Immutable edits of a draft. Every change returns a new draft and shares what did not
 * change, so the wizard can compare by identity and a save writes only what moved.
 */

function cloneContainer(node: unknown, key: string | number): Record<string | number, unknown> | unknown[] {
  if (Array.isArray(node)) return [...node];
  if (node && typeof node === 'object') return { ...(node as Record<string, unknown>) };
  return typeof key === 'number' ? [] : {};
}

/** The draft with `value` at `path` (undefined clears the answer). */
export function setAt<T extends object>(root: T, path: DraftPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = cloneContainer(root, head) as Record<string | number, unknown>;
  const child = (root as Record<string | number, unknown>)[head];
  copy[head] = rest.length === 0 ? value : setAt((child ?? (typeof rest[0] === 'number' ? [] : {})) as object, rest, value);
  return copy as T;
}

/** Timeline entries in time order, entries at the same minute keeping the order typed. */
export function sortTimeline(draft: Draft): Draft {
  const entries = draft.timeline ?? [];
  const sorted = resolveIncident(draft).entries.map((resolved) => resolved.entry);
  if (sorted.every((entry, i) => entry === entries[i])) return draft;
  return { ...draft, timeline: sorted };
}

export function addEntry(draft: Draft, entry: TimelineEntry): Draft {
  return sortTimeline({ ...draft, timeline: [...(draft.timeline ?? []), entry] });
}

export function replaceEntry(draft: Draft, index: number, entry: TimelineEntry): Draft {
  const timeline = [...(draft.timeline ?? [])];
  timeline[index] = derive(timeline[index], entry);
  return sortTimeline({ ...draft, timeline });
}

export function removeEntry(draft: Draft, index: number): Draft {
  return { ...draft, timeline: (draft.timeline ?? []).filter((_, i) => i !== index) };
}
