import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completePath, completeToShared, expandPath } from '../../src/ui/sources/complete-path.js';
import { runs } from '../support/property.js';
import { tempDir } from '../support/temp.js';

describe('path completion', () => {
  it('lists the names in the folder typed that start with what follows the last slash, folders with a slash', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'exports'));
    for (const name of ['slack-export.zip', 'slack-copy.txt', '.hidden', 'pager.json']) writeFileSync(join(cwd, name), '');
    writeFileSync(join(cwd, 'exports', 'day.json'), '');
    expect(completePath('sl', cwd)).toEqual(['slack-copy.txt', 'slack-export.zip']);
    expect(completePath('', cwd)).toEqual(['exports/', 'pager.json', 'slack-copy.txt', 'slack-export.zip']);
    expect(completePath('.h', cwd)).toEqual(['.hidden']);
    expect(completePath('exports/', cwd)).toEqual(['exports/day.json']);
    expect(completePath(`${cwd}/pa`)).toEqual([`${cwd}/pager.json`]);
    expect(completePath('~/x', cwd, cwd)).toEqual([]);
    expect(completePath('nowhere/at/all/', cwd)).toEqual([]);
    expect(expandPath(' ~/a.zip ', '/home/me')).toBe('/home/me/a.zip');
  });

  it('Tab takes the start every candidate shares, or the one candidate, never less than typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-c]{0,3}$/), fc.uniqueArray(fc.stringMatching(/^[a-c]{0,4}$/), { maxLength: 5 }), (typed, tails) => {
        const candidates = tails.map((tail) => typed + tail);
        const done = completeToShared(typed, candidates);
        if (candidates.length === 0) {
          expect(done).toBeUndefined();
          return;
        }
        expect(done!.startsWith(typed)).toBe(true);
        for (const candidate of candidates) expect(candidate.startsWith(done!)).toBe(true);
        if (candidates.length === 1) expect(done).toBe(candidates[0]);
      }),
      { numRuns: runs(300) },
    );
    expect(completeToShared('sl', ['slack-copy.txt', 'slack-export.zip'])).toBe('slack-');
  });
});
