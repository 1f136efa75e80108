import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS } from '../../src/draft/vocabulary.js';
import { initialPick, MARGIN_STEPS, pickReducer, type PickAction, type PickState } from '../../src/wizard/pick-list.js';
import { runs } from '../support/property.js';

const ids = ['a', 'b', 'c', 'd', 'e'];
const action: fc.Arbitrary<PickAction> = fc.oneof(
  fc.record({ type: fc.constant('move' as const), by: fc.integer({ min: -7, max: 7 }), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ type: fc.constant('toggle' as const), id: fc.constantFrom(...ids) }),
  fc.record({ type: fc.constant('toggleAll' as const), ids: fc.subarray(ids) }),
  fc.record({ type: fc.constant('nextKind' as const), id: fc.constantFrom(...ids), current: fc.constantFrom(...ENTRY_KINDS) }),
  fc.constantFrom<PickAction>({ type: 'wider' }, { type: 'narrower' }, { type: 'names' }),
);

/** A plain model of the ticks: a set toggled by hand. */
function modelTicks(actions: PickAction[]): Set<string> {
  const ticks = new Set<string>();
  for (const a of actions) {
    if (a.type === 'toggle') ticks.has(a.id) ? ticks.delete(a.id) : ticks.add(a.id);
    if (a.type === 'toggleAll') {
      const all = a.ids.length > 0 && a.ids.every((id) => ticks.has(id));
      for (const id of a.ids) all ? ticks.delete(id) : ticks.add(id);
    }
  }
  return ticks;
}

describe('the pick list', () => {
  it('ticks as a set toggled by hand, keeps the cursor in the list and the margin on its steps', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), fc.constantFrom(...MARGIN_STEPS), fc.boolean(), (actions, margin, keepNames) => {
        let state: PickState = initialPick(margin, keepNames);
        for (const a of actions) {
          state = pickReducer(state, a);
          if (a.type === 'move') expect(state.cursor).toBeGreaterThanOrEqual(0), expect(state.cursor).toBeLessThan(a.count);
          expect(MARGIN_STEPS).toContain(state.margin);
        }
        expect(state.picked).toEqual(modelTicks(actions));
        expect(state.keepNames).toBe(actions.filter((a) => a.type === 'names').length % 2 === 1 ? !keepNames : keepNames);
      }),
      { numRuns: runs(500) },
    );
  });

  it('widens and narrows one step at a time, stopping at the ends', () => {
    let state = initialPick(15, false);
    const seen = [state.margin];
    for (let i = 0; i < 10; i += 1) seen.push((state = pickReducer(state, { type: 'wider' })).margin);
    expect(seen).toEqual([15, 30, 60, 120, 240, 240, 240, 240, 240, 240, 240]);
    for (let i = 0; i < 10; i += 1) state = pickReducer(state, { type: 'narrower' });
    expect(state.margin).toBe(0);
    expect(pickReducer(initialPick(20, false), { type: 'wider' }).margin).toBe(30);
    expect(pickReducer(initialPick(20, false), { type: 'narrower' }).margin).toBe(15);
  });

  it('k goes through every kind and back', () => {
    let state = initialPick(15, false);
    const kinds = [];
    let current: (typeof ENTRY_KINDS)[number] = ENTRY_KINDS[0];
    for (let i = 0; i < ENTRY_KINDS.length; i += 1) {
      state = pickReducer(state, { type: 'nextKind', id: 'a', current });
      current = state.kinds.a!;
      kinds.push(current);
    }
    expect(new Set(kinds)).toEqual(new Set(ENTRY_KINDS));
    expect(current).toBe(ENTRY_KINDS[0]);
  });
});
