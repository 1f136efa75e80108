import type { EntryKind } from '../draft/vocabulary.js';

/**
 * The kind a new timeline entry most likely is, from the kinds of the entries just before it
 * (in time order) and of the whole timeline: a story starts with its detection, then actions;
 * after an escalation comes the resolution; after the resolution, a follow-up.
 */
export function likelyKind(before: readonly EntryKind[], all: readonly EntryKind[] = before): EntryKind {
  const has = (kind: EntryKind) => all.includes(kind);
  const last = before.at(-1);
  if (last === undefined) return has('detection') ? 'other' : 'detection';
  switch (last) {
    case 'detection':
    case 'action':
    case 'misleading':
      return 'action';
    case 'escalation':
      return has('resolution') ? 'action' : 'resolution';
    case 'resolution':
      return 'other';
    case 'other':
      return has('detection') ? 'action' : 'detection';
  }
}
