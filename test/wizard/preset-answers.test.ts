import { describe, expect, it } from 'vitest';
import { presetDraft } from '../../src/wizard/preset-answers.js';

describe('answers given to `new` as options', () => {
  it('are read as the wizard reads them when typed: zone first, times in it, the end against the start', () => {
    expect(presetDraft({ title: '  Payment outage ', author: 'Jane Doe, Sam Lee', timezone: 'Africa/Lagos', start: 'Aug 2 2023 1:45 PM', end: '15:30', template: 'sre' })).toEqual({
      ok: true,
      draft: {
        version: 1,
        title: 'Payment outage',
        authors: ['Jane Doe', 'Sam Lee'],
        summary: { timezone: 'Africa/Lagos', start: '2023-08-02 13:45', end: '2023-08-02 15:30' },
        template: 'sre',
      },
    });
  });

  it('a bad one gets the wizard\'s sentence, with its option', () => {
    expect(presetDraft({ start: 'soon' })).toEqual({ ok: false, error: expect.stringMatching(/^--start "soon": soon is not a time/) });
    expect(presetDraft({ end: '15:30' })).toEqual({ ok: false, error: '--end "15:30": Give the start first: the end is read against it.' });
    expect(presetDraft({ start: '2023-08-02 13:45', end: '2023-08-02 13:00' })).toEqual({ ok: false, error: expect.stringMatching(/^--end "2023-08-02 13:00": The end must be after the start/) });
    expect(presetDraft({ template: 'fancy' })).toEqual({ ok: false, error: '--template "fancy": Use alx or sre.' });
    expect(presetDraft({ timezone: 'Mars/Olympus' }).ok).toBe(false);
  });
});
