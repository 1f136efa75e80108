import fc from 'fast-check';
import { runs } from '../support/property.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/draft/schema.js';
import { ENTRY_KINDS, TASK_TYPES } from '../../src/draft/vocabulary.js';
import { importPostmortem } from '../../src/import/import-postmortem.js';
import { renderMarkdown } from '../../src/render/render.js';
import { parseZone } from '../../src/time/zone.js';

/*
 * The tool reads its own output: for both built-in layouts, `import` of a rendered README gives
 * back the draft's facts (title, window, zone, share, every entry's time, kind and text, root
 * cause, resolution, measures, tasks with owner, due date and type).
 */

const WORDS = ['server', 'queue', 'cache', 'deploy', 'node', 'team', 'latency', 'config', 'traffic', 'disk', 'router', 'worker', 'shard', 'a*b', 'x_y', '[note]', '<tag>', 'a|b', '`code`', 'R&D', 'C#', 'rate-limit', 'über', 'naïve', 'café'];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 2, maxLength: 9 }).map((w) => `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const name = fc.array(fc.constantFrom('Ada', 'payments team', 'SRE', 'Lin', 'ops'), { minLength: 1, maxLength: 2 }).map((w) => w.join(' '));
const ZONES = ['UTC', 'GMT', 'Europe/Berlin', 'America/Los_Angeles', 'Africa/Lagos', '+03:00', 'Asia/Kolkata', 'Australia/Sydney'];

const draftArbitrary = fc
  .record({
    template: fc.constantFrom('alx', 'sre'),
    title: fc.array(fc.constantFrom('Checkout', 'outage', 'of', 'the', 'payment', 'API', 'Search', 'degraded'), { minLength: 2, maxLength: 6 }).map((w) => w.join(' ')),
    zone: fc.constantFrom(...ZONES),
    start: fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    minutes: fc.integer({ min: 5, max: 40 * 60 }),
    share: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    impact: paragraph,
    oneLine: sentence,
    entries: fc.array(fc.record({ offset: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom(...ENTRY_KINDS), text: sentence }), { minLength: 1, maxLength: 8 }),
    rootCause: fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((p) => p.join('\n\n')),
    resolution: fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((p) => p.join('\n\n')),
    measures: fc.array(sentence, { maxLength: 4 }),
    authors: fc.option(fc.uniqueArray(fc.constantFrom('Jane Doe', 'Ravi Kumar', 'Ada Lovelace', 'Lin'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    diagram: fc.boolean(),
    humor: fc.option(sentence, { nil: undefined }),
    trigger: fc.option(sentence, { nil: undefined }),
    tasks: fc.array(fc.record({ text: sentence, owner: fc.option(name, { nil: undefined }), due: fc.option(fc.date({ min: new Date('2020-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }), { nil: undefined }), type: fc.option(fc.constantFrom(...TASK_TYPES), { nil: undefined }) }), { maxLength: 4 }),
  })
  .map((r) => {
    const zone = r.zone.startsWith('+') ? `UTC${r.zone}` : r.zone;
    const start = DateTime.fromJSDate(r.start, { zone }).startOf('minute');
    const end = start.plus({ minutes: r.minutes });
    const fmt = (d: DateTime) => d.toFormat('yyyy-MM-dd HH:mm');
    const draft: Draft = {
      version: 1,
      template: r.template,
      title: r.title,
      summary: { start: fmt(start), end: fmt(end), timezone: r.zone, impact: r.impact, ...(r.share !== undefined ? { usersAffectedPercent: r.share } : {}), rootCause: r.oneLine },
      timeline: r.entries.map((e) => ({ at: fmt(start.plus({ minutes: Math.round(e.offset * r.minutes) })), kind: e.kind, text: e.text })),
      rootCause: r.rootCause,
      resolution: r.resolution,
      measures: r.measures,
      tasks: r.tasks.map((t) => ({ text: t.text, ...(t.owner ? { owner: t.owner } : {}), ...(t.due ? { due: t.due.toISOString().slice(0, 10) } : {}), ...(t.type && r.template === 'sre' ? { type: t.type } : {}) })),
      ...(r.authors ? { authors: r.authors } : {}),
      ...(r.diagram || r.humor || r.trigger ? { extras: { ...(r.diagram ? { diagram: true } : {}), ...(r.humor ? { humor: r.humor } : {}), ...(r.trigger ? { trigger: r.trigger } : {}) } } : {}),
    };
    return draft;
  });

const flat = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/**
 * What a README says of an entry's kind: its diagram names every kind; without one, the SRE
 * layout names all but action and other, the ALX layout only a misleading path.
 */
const shownKind = (draft: Draft, kind: string | undefined) =>
  draft.extras?.diagram ? kind : draft.template === 'sre' ? (kind === 'other' ? 'action' : kind) : kind === 'misleading' ? 'misleading' : 'not misleading';
const byTime = <T extends { at?: string }>(list: T[]) => [...list].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));

describe('import reads back what render wrote', () => {
  it('for random drafts in both layouts: every fact comes back', () => {
    fc.assert(
      fc.property(draftArbitrary, (draft) => {
        const readme = renderMarkdown(draft);
        const read = importPostmortem(readme);
        const back = read.draft;
        // Our own README is in one timezone, whatever clocks the place shows during the incident (CET, then CEST).
        expect(read.zones.length).toBeLessThanOrEqual(1);
        expect(read.otherZones.filter(Boolean)).toEqual([]);
        expect(back.title).toBe(draft.title);
        expect(back.summary?.start).toBe(draft.summary?.start);
        expect(back.summary?.end).toBe(draft.summary?.end);
        // The zone as the wizard keeps it (ICU's spelling: Asia/Calcutta for Asia/Kolkata).
        const zone = parseZone(draft.summary!.timezone!);
        expect(back.summary?.timezone).toBe(zone.ok ? zone.value.name : undefined);
        expect(back.summary?.usersAffectedPercent).toBe(draft.summary?.usersAffectedPercent);
        expect(flat(back.summary?.impact)).toBe(flat(draft.summary?.impact));
        expect(back.summary?.rootCause).toBe(draft.summary?.rootCause);
        const want = byTime(draft.timeline!).map((e) => ({ at: e.at, kind: shownKind(draft, e.kind), text: e.text }));
        const got = (back.timeline ?? []).map((e) => ({ at: e.at, kind: shownKind(draft, e.kind), text: e.text }));
        expect(byTime(got)).toEqual(want);
        expect(flat(back.rootCause)).toBe(flat(draft.rootCause));
        expect(flat(back.resolution)).toBe(flat(draft.resolution));
        expect(back.measures ?? []).toEqual(draft.measures);
        expect(back.tasks ?? []).toEqual(draft.tasks);
        expect(back.authors).toEqual(draft.authors);
        expect(back.extras?.diagram).toBe(draft.extras?.diagram);
        if (draft.template === 'alx') expect(back.extras?.humor).toBe(draft.extras?.humor);
        expect(back.extras?.trigger).toBe(draft.extras?.trigger);
      }),
      { numRuns: runs(150) },
    );
  });

  it('reads each kind back from a diagram whose times name their clock (an incident across the night clocks go back)', () => {
    const draft: Draft = {
      version: 1,
      template: 'alx',
      title: 'Checkout outage',
      summary: { start: '2023-11-03 09:07', end: '2023-11-05 01:00', timezone: 'America/Los_Angeles', impact: 'Checkout failed.' },
      timeline: [{ at: '2023-11-03 09:07', kind: 'detection', text: 'Checkout page stuck.' }],
      extras: { diagram: true },
    };
    const readme = renderMarkdown(draft);
    expect(readme).toContain('09#58;07 PDT : Detection');
    expect(importPostmortem(readme).draft.timeline).toEqual([{ at: '2023-11-03 09:07', kind: 'detection', text: 'Checkout page stuck.' }]);
  });
});
