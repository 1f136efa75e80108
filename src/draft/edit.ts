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

const entryKey = (entry: TimelineEntry) => `${entry.at ?? ''}\u0000${entry.text?.trim() ?? ''}`;

/**
 * Several entries at once (picked from a chat log or a pager export), sorted once. An entry
 * the timeline already has (the same time and words) is not added twice; `added` says which were.
 */
export function addEntries(draft: Draft, entries: readonly TimelineEntry[], sameAs: readonly (readonly string[] | undefined)[] = []): { draft: Draft; added: boolean[] } {
  const timeline = [...(draft.timeline ?? [])];
  const present = new Set(timeline.map(entryKey));
  const added = entries.map((entry, i) => {
    const key = entryKey(entry);
    // `sameAs`: the entry's other wordings (a message with or without its author's name).
    if (present.has(key) || sameAs[i]?.some((text) => present.has(entryKey({ ...entry, text })))) return false;
    present.add(key);
    timeline.push({ ...entry });
    return true;
  });
  return { draft: added.some(Boolean) ? sortTimeline({ ...draft, timeline }) : draft, added };
}

/** Paragraphs added at the end of a long text answer (the root cause), each after a blank line. */
export function appendParagraphs(text: string | undefined, paragraphs: readonly string[]): string | undefined {
  const parts = [text?.trimEnd(), ...paragraphs.map((p) => p.trim())].filter((part): part is string => !!part);
  return parts.length ? parts.join('\n\n') : undefined;
}

export function replaceEntry(draft: Draft, index: number, entry: TimelineEntry): Draft {
  const timeline = [...(draft.timeline ?? [])];
  timeline[index] = derive(timeline[index], entry);
  return sortTimeline({ ...draft, timeline });
}

export function removeEntry(draft: Draft, index: number): Draft {
  return { ...draft, timeline: (draft.timeline ?? []).filter((_, i) => i !== index) };
}
