import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { blamelessRewriter } from '../../src/sources/blameless.js';
import type { Candidate } from '../../src/sources/candidate.js';
import { foldDuplicates } from '../../src/sources/fold.js';
import { guessKind } from '../../src/sources/guess-kind.js';
import { LINE_LIMIT, oneLine } from '../../src/sources/one-line.js';
import { propose } from '../../src/sources/to-entries.js';
import { incidentWindow, inWindow } from '../../src/sources/window.js';
import { parseWhen } from '../../src/time/when.js';
import { parseZone, type IncidentZone } from '../../src/time/zone.js';
import { runs } from '../support/property.js';
import { fixture } from '../support/temp.js';

const zone = (name: string): IncidentZone => {
  const parsed = parseZone(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney', '+05:30', 'America/Los_Angeles'].map(zone);
const words = (text: string) => text.replace(/\u2026/g, ' ').split(/\s+/).filter(Boolean);

// Instants spread over years, and dense around the days clocks change in the zones above.
const DST_DAYS = ['2024-03-10T07:00Z', '2024-11-03T06:00Z', '2024-03-31T01:00Z', '2024-10-27T01:00Z', '2024-04-07T16:00Z', '2024-10-06T16:00Z'].map((iso) => Date.parse(iso));
const instant = fc.oneof(
  fc.integer({ min: Date.parse('2015-01-01T00:00Z'), max: Date.parse('2030-01-01T00:00Z') }),
  fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -4 * 3_600_000, max: 4 * 3_600_000 })).map(([day, offset]) => day + offset),
);

const sentence = fc
  .array(fc.stringMatching(/^[a-z0-9][a-z0-9'/-]{0,11}$/), { minLength: 1, maxLength: 30 })
  .map((ws) => `${ws.join(' ')}.`);

describe('one line from a message', () => {
  it('keeps every word: the line and the rest together are the message', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '\n', '\n\n'), (sentences, joiner) => {
        const message = sentences.join(joiner);
        const { line, rest } = oneLine(message);
        expect(line.length).toBeLessThanOrEqual(LINE_LIMIT);
        expect(line).not.toMatch(/\n/);
        expect([...words(line), ...words(rest)]).toEqual(words(message));
      }),
      { numRuns: runs(300) },
    );
  });

  it('takes the first sentence of chat-style messages', () => {
    expect(oneLine('Rolling back deploy 4312 now. It shipped the new pool config at 14:02, see https://ci.example.com/4312.')).toEqual({
      line: 'Rolling back deploy 4312 now.',
      rest: 'It shipped the new pool config at 14:02, see https://ci.example.com/4312.',
    });
    expect(oneLine('p99 went from 1.2s to 9.8s on api-eu, e.g. checkout')).toEqual({ line: 'p99 went from 1.2s to 9.8s on api-eu, e.g. checkout', rest: '' });
    expect(oneLine('restarted\n- db-1\n- db-2').line).toBe('restarted');
  });
});

describe('blameless rewrite', () => {
  const name = fc
    .tuple(fc.stringMatching(/^[A-Z][a-z]{2,8}$/), fc.option(fc.stringMatching(/^[A-Z][a-z]{2,10}$/), { nil: undefined }))
    .map(([first, last]) => (last ? `${first} ${last}` : first))
    .filter((n) => !/^(The|And|An|Engineer)/.test(n));

  it('leaves no known name or mention of a person, and nothing else changes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 4, selector: (n) => n.split(' ')[0]! }), fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 8 }), fc.boolean(), (people, filler, mention) => {
        const rewrite = blamelessRewriter({ names: people });
        const said = people.map((p) => (mention ? `@${p}` : p));
        const text = [...filler, ...said, 'and', '@db-oncall'].join(' ');
        const out = rewrite(text);
        for (const person of people) for (const part of person.split(' ')) expect(out).not.toMatch(new RegExp(`\\b${part}\\b`));
        expect(out).toContain('@db-oncall');
        expect(out.startsWith(filler.join(' '))).toBe(true);
        // Words that are not names stay as written.
        expect(rewrite(filler.join(' '))).toBe(filler.join(' '));
      }),
      { numRuns: runs(300) },
    );
  });

  it('uses the role when the source gives one, and capitalises at a sentence start', () => {
    const rewrite = blamelessRewriter({ names: ['Alice Smith', 'Bob Jones'], roles: { 'Alice Smith': 'SRE on call' } });
    expect(rewrite('Alice restarted the pool; @Bob Jones is checking the replica.')).toBe('The SRE on call restarted the pool; an engineer is checking the replica.');
    expect(rewrite("I will ask bob's team")).toBe("I will ask bob's team");
    // A message opening on whom it is addressed to loses the address, not its sense.
    expect(rewrite("@Alice Smith I'm looking at the 5xx")).toBe("I'm looking at the 5xx");
    expect(rewrite('@Bob Jones, can you check the pool?')).toBe('Can you check the pool?');
    expect(rewrite('@Alice Smith set the channel topic')).toBe('The SRE on call set the channel topic');
  });

  it('takes the whole name of a mention whose last name is a word an address opens on (found by the property above: "@Aaa How")', () => {
    const rewrite = blamelessRewriter({ names: ['Aaa How'] });
    expect(rewrite('@Aaa How and @db-oncall')).toBe('An engineer and @db-oncall');
    expect(rewrite('@Aaa How can you check?')).toBe('Can you check?');
    expect(blamelessRewriter({ names: ['Ana'] })('@Ana how is the pool?')).toBe('How is the pool?');
  });
});

describe('folding duplicates', () => {
  const candidate = fc.record({
    at: fc.integer({ min: 0, max: 10 * 3_600_000 }),
    source: fc.constantFrom('Slack #inc', 'PagerDuty'),
    text: fc.constantFrom('HighErrorRate firing', 'looking', 'rolled back', 'db down'),
    key: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
  });

  it('counts every copy once, keeps one per key, and is in time order', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (candidates) => {
        const folded = foldDuplicates(candidates as Candidate[]);
        expect(folded.reduce((sum, f) => sum + f.times, 0)).toBe(candidates.length);
        const keys = folded.filter((f) => f.candidate.key !== undefined).map((f) => `${f.candidate.source}/${f.candidate.key}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set(candidates.filter((c) => c.key !== undefined).map((c) => `${c.source}/${c.key}`)));
        for (let i = 1; i < folded.length; i += 1) expect(folded[i]!.candidate.at).toBeGreaterThanOrEqual(folded[i - 1]!.candidate.at);
      }),
      { numRuns: runs(300) },
    );
  });

  it('an edited message keeps its first time and its latest words', () => {
    const folded = foldDuplicates([
      { at: 1000, source: 'Slack #inc', key: '1.0', text: 'rollng back' },
      { at: 5000, source: 'Slack #inc', key: '1.0', text: 'rolling back' },
    ]);
    expect(folded).toEqual([{ candidate: { at: 1000, source: 'Slack #inc', key: '1.0', text: 'rolling back' }, times: 2 }]);
  });
});

describe('proposed entries', () => {
  it("land on the message's minute in the draft's timezone, daylight-saving changes included", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (at, incidentZone) => {
        const [proposal] = propose([{ at, source: 'irc', author: 'alice', text: 'looking at the db' }], { zone: incidentZone });
        const read = parseWhen(proposal!.entry.at, { zone: incidentZone });
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.value.toMillis()).toBe(Math.floor(at / 60_000) * 60_000);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('writes the offset only for the hour that happens twice', () => {
    const ny = zone('America/New_York');
    const first = Date.parse('2024-11-03T05:30Z'); // 01:30 EDT
    const second = Date.parse('2024-11-03T06:30Z'); // 01:30 EST
    const entries = propose(
      [
        { at: first, source: 's', text: 'one' },
        { at: second, source: 's', text: 'two' },
      ],
      { zone: ny },
    ).map((p) => p.entry.at);
    expect(entries.filter((at) => at.endsWith('-05:00') || at.endsWith('-04:00'))).toHaveLength(1);
    expect(new Set(entries).size).toBe(2);
  });

  it('guesses kinds, keeps names only when asked, and offers the rest of a long message', () => {
    const candidates: Candidate[] = [
      { at: 0, source: 'Slack #inc', author: 'Alertmanager', bot: true, text: '[FIRING:1] HighErrorRate api-eu' },
      { at: 60_000, source: 'Slack #inc', author: 'Alice Smith', text: 'Thought it was the DNS change but ruled it out. Resolver logs are clean and the TTLs never changed.' },
      { at: 120_000, source: 'Slack #inc', author: 'Bob', people: ['Alice Smith'], text: 'Paging the db team on-call, @Alice Smith can you join?' },
      { at: 180_000, source: 'Slack #inc', author: 'Bob', text: 'Rolled back, error rate back to normal.' },
    ];
    const blameless = propose(candidates, { zone: zone('UTC') });
    expect(blameless.map((p) => p.entry.kind)).toEqual(['detection', 'misleading', 'escalation', 'resolution']);
    expect(blameless[2]!.entry.text).toBe('Paging the db team on-call, an engineer can you join?');
    expect(blameless[1]!.rest).toBe('Resolver logs are clean and the TTLs never changed.');
    // A bot's later sentences, and a few words after the first sentence, are not offered.
    expect(propose([{ at: 0, source: 'PagerDuty', bot: true, text: 'Triggered: checkout errors. Incident #4521 on the payments service, urgency high.' }, { at: 0, source: 'Slack', author: 'Bob', text: 'On it. :eyes: https://grafana.example.com/d/abc' }], { zone: zone('UTC') }).map((p) => p.rest)).toEqual(['', '']);
    expect(blameless.map((p) => p.source)).toEqual(['Slack #inc \u00b7 Alertmanager', 'Slack #inc \u00b7 an engineer', 'Slack #inc \u00b7 an engineer', 'Slack #inc \u00b7 an engineer']);
    const named = propose(candidates, { zone: zone('UTC'), keepNames: true });
    expect(named[3]!.entry.text).toBe('Bob: Rolled back, error rate back to normal.');
    expect(named[0]!.entry.text).toBe('[FIRING:1] HighErrorRate api-eu');
  });

  it('guesses from the words people write in incident channels', () => {
    const table: [string, string][] = [
      ['PagerDuty: triggered #4312 High 5xx rate', 'detection'],
      ['customers are reporting failed payments', 'detection'],
      ['checking the pool metrics', 'action'],
      ['rolling back 4312', 'action'],
      ['not the cause: the CDN is fine', 'misleading'],
      ['escalating to the database team', 'escalation'],
      ['mitigated, watching for 30 min', 'resolution'],
    ];
    for (const [text, kind] of table) expect([text, guessKind(text)]).toEqual([text, kind]);
    expect(guessKind('anything', 'escalation')).toBe('escalation');
  });
});

describe('the incident window', () => {
  it('is the start and end with the margin, open where the draft says nothing', () => {
    const draft = { version: 1, summary: { timezone: 'UTC', start: '2024-08-14 14:00', end: '2024-08-14 15:00' } };
    const w = incidentWindow(draft, 10);
    expect(w).toEqual({ from: Date.parse('2024-08-14T13:50Z'), to: Date.parse('2024-08-14T15:10Z') });
    expect(inWindow(Date.parse('2024-08-14T13:49Z'), w)).toBe(false);
    expect(inWindow(Date.parse('2024-08-14T15:10Z'), w)).toBe(true);
    expect(incidentWindow({ version: 1 })).toEqual({ from: undefined, to: undefined });
    expect(incidentWindow({ version: 1, summary: { timezone: 'UTC', start: '2024-08-14 14:00' } }, 0).to).toBe(Date.parse('2024-08-15T14:00Z'));
    expect(incidentWindow(draft, 10, { from: 5 }).from).toBe(5);
  });
});

// DateTime is imported for the reader of the DST cases above: keep the zones real.
void DateTime;

describe('a Slack export offered as entries', () => {
  it('says the role its profile gives, or "an engineer", never the name', async () => {
    const { readSource } = await import('../../src/sources/read-source.js');
    const utc = zone('UTC');
    const candidates: Candidate[] = [];
    for await (const candidate of readSource(fixture('sources/slack-export'), { zone: utc })) candidates.push(candidate);
    const offered = propose(candidates, { zone: utc });
    const texts = offered.map((p) => p.entry.text).join('\n');
    for (const name of new Set(candidates.flatMap((c) => [...(c.bot ? [] : [c.author ?? '']), ...(c.people ?? [])]).filter(Boolean))) {
      for (const part of name.split(' ')) expect(texts).not.toContain(part);
    }
    expect(texts).toContain('The SRE set the channel topic');
    expect(offered.find((p) => p.entry.text.includes('rollback finished'))?.entry.kind).toBe('resolution');
  });
});

describe('one line per entry', () => {
  it('takes the first sentence, and the next too while the first is a word or two and the next says something', async () => {
    const { oneLine } = await import('../../src/sources/one-line.js');
    expect(oneLine('here. looking at pgbouncer now').line).toBe('here. looking at pgbouncer now');
    expect(oneLine('Ok. Rolling back the deploy. Then we watch.').line).toBe('Ok. Rolling back the deploy.');
    expect(oneLine('On it. :eyes: https://grafana.example.com/d/abc').line).toBe('On it.');
    expect(oneLine('The pool is full again. Restarting.').line).toBe('The pool is full again.');
    expect(oneLine('Rolling back v2.3 now').line).toBe('Rolling back v2.3 now');
  });
});
