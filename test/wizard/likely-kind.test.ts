import { describe, expect, it } from 'vitest';
import { letterTarget } from '../../src/ui/components/choice.js';
import { likelyKind } from '../../src/wizard/likely-kind.js';

describe('the kind a new timeline entry most likely is', () => {
  it('starts with the detection, then actions', () => {
    expect(likelyKind([])).toBe('detection');
    expect(likelyKind(['detection'])).toBe('action');
    expect(likelyKind(['detection', 'action'])).toBe('action');
    expect(likelyKind(['detection', 'misleading'])).toBe('action');
  });
  it('expects the resolution after an escalation, a follow-up after the resolution', () => {
    expect(likelyKind(['detection', 'action', 'escalation'])).toBe('resolution');
    expect(likelyKind(['detection', 'escalation'], ['detection', 'escalation', 'resolution'])).toBe('action');
    expect(likelyKind(['detection', 'resolution'])).toBe('other');
  });
  it('offers "other" before a detection already written (a deploy that triggered it)', () => {
    expect(likelyKind([], ['detection', 'action'])).toBe('other');
    expect(likelyKind(['other'], ['other'])).toBe('detection');
    expect(likelyKind(['other'], ['other', 'detection'])).toBe('action');
  });
});

describe('a letter in a pick list', () => {
  const labels = ['Detection', 'Action', 'Misleading path', 'Escalation', 'Resolution', 'Other'];
  it('picks the one item starting with it, any case', () => {
    expect(letterTarget(labels, 'r', 0)).toEqual({ pick: 4 });
    expect(letterTarget(labels, 'M', 0)).toEqual({ pick: 2 });
  });
  it('moves among several items starting with it, and ignores other keys', () => {
    const types = ['Mitigate', 'Prevent', 'Detect', 'Process', 'Other'];
    expect(letterTarget(types, 'p', 0)).toEqual({ move: 1 });
    expect(letterTarget(types, 'p', 1)).toEqual({ move: 3 });
    expect(letterTarget(types, 'p', 3)).toEqual({ move: 1 });
    expect(letterTarget(types, 'z', 0)).toBeUndefined();
    expect(letterTarget(types, '3', 0)).toBeUndefined();
  });
});
