import { ENTRY_KINDS, type EntryKind } from '../draft/vocabulary.js';

/*
 * The pick list of entries offered from a file: which are ticked, the kind each will get, the
 * margin around the incident and whether names are kept. Pure, so the rules are tested without
 * a screen; the view lists what the window holds and sends these actions.
 */

/** Minutes either side of the incident the list may show, widened and narrowed by a step. */
export const MARGIN_STEPS = [0, 5, 15, 30, 60, 120, 240] as const;

export interface PickState {
  cursor: number;
  /** Ticked offers, by id: the ticks follow a message when the window or names change. */
  picked: ReadonlySet<string>;
  /** Kinds the person chose, by id (else the guess). */
  kinds: Readonly<Record<string, EntryKind>>;
  margin: number;
  keepNames: boolean;
}

export type PickAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'moveTo'; index: number; count: number }
  | { type: 'toggle'; id: string }
  /** Ticks every id shown, or unticks them all when all are ticked. */
  | { type: 'toggleAll'; ids: readonly string[] }
  | { type: 'nextKind'; id: string; current: EntryKind }
  | { type: 'wider' }
  | { type: 'narrower' }
  | { type: 'names' };

export function initialPick(margin: number, keepNames: boolean): PickState {
  return { cursor: 0, picked: new Set(), kinds: {}, margin, keepNames };
}

const clamp = (n: number, count: number) => Math.max(0, Math.min(count - 1, n));

function step(margin: number, by: 1 | -1): number {
  const index = MARGIN_STEPS.findIndex((m) => m >= margin);
  const at = index === -1 ? MARGIN_STEPS.length - 1 : MARGIN_STEPS[index] === margin ? index + by : by > 0 ? index : index - 1;
  return MARGIN_STEPS[Math.max(0, Math.min(MARGIN_STEPS.length - 1, at))]!;
}

export function pickReducer(state: PickState, action: PickAction): PickState {
  switch (action.type) {
    case 'move':
      return { ...state, cursor: clamp(state.cursor + action.by, action.count) };
    case 'moveTo':
      return { ...state, cursor: clamp(action.index, action.count) };
    case 'toggle': {
      const picked = new Set(state.picked);
      if (!picked.delete(action.id)) picked.add(action.id);
      return { ...state, picked };
    }
    case 'toggleAll': {
      const all = action.ids.length > 0 && action.ids.every((id) => state.picked.has(id));
      const picked = new Set(state.picked);
      for (const id of action.ids) if (all) picked.delete(id); else picked.add(id);
      return { ...state, picked };
    }
    case 'nextKind': {
      const next = ENTRY_KINDS[(ENTRY_KINDS.indexOf(action.current) + 1) % ENTRY_KINDS.length]!;
      return { ...state, kinds: { ...state.kinds, [action.id]: next } };
    }
    case 'wider':
      return { ...state, margin: step(state.margin, 1) };
    case 'narrower':
      return { ...state, margin: step(state.margin, -1) };
    case 'names':
      return { ...state, keepNames: !state.keepNames };
  }
}
