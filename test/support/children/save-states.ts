import type { Draft } from '../../../src/draft/schema.js';

/** State n of the series the kill -9 test saves: sizes vary, so writes stop at varied points. */
export function savedState(n: number): Draft {
  const entries = 5 + ((n * 7) % 40);
  return {
    version: 1,
    title: `State ${n}`,
    authors: ['Kill Test'],
    summary: { timezone: 'UTC', start: '2023-08-02 00:00', end: '2023-08-02 23:00', impact: `Impact of state ${n}. `.repeat(1 + (n % 30)).trim() },
    timeline: Array.from({ length: entries }, (_, i) => ({
      at: `2023-08-02 ${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      kind: 'action',
      text: `Entry ${i} of state ${n}.`,
    })),
  };
}

export function stateNumber(draft: Draft): number {
  const match = /^State (\d+)$/.exec(draft.title ?? '');
  if (!match) throw new Error(`not a state of the series: ${JSON.stringify(draft.title)}`);
  return Number(match[1]);
}
