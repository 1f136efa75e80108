import { describe, expect, it } from 'vitest';
import { describePath, validateDraft } from '../../src/draft/schema.js';

function problems(input: unknown): string[] {
  const result = validateDraft(input);
  return result.ok ? [] : result.problems.map((p) => `${describePath(p.path)} ${p.message}`);
}

describe('validateDraft', () => {
  it('accepts a draft with nothing answered yet', () => {
    expect(validateDraft({ version: 1 })).toEqual({ ok: true, draft: { version: 1 } });
  });

  it('names each wrong field by its path in plain words', () => {
    expect(
      problems({
        version: 1,
        title: 42,
        summary: { usersAffectedPercent: 'most' },
        detectedBy: 'psychic',
        timeline: [{ at: '2023-08-02 13:45', kind: 'detection', text: 'ok' }, { at: [], kind: 'lunch' }],
        tasks: [{ text: 'Fix it', owner: { name: 'x' } }],
        extras: { diagram: 'yes' },
      }),
    ).toEqual([
      'title must be text',
      'summary.usersAffectedPercent must be a number from 0 to 100, like 15',
      'detectedBy must be one of monitoring, engineer, customer, other',
      'timeline entry 2: at must be text',
      'timeline entry 2: kind must be one of detection, action, misleading, escalation, resolution, other',
      'tasks entry 1: owner must be text',
      'extras.diagram must be true or false',
    ]);
  });

  it('asks for the version when it is missing', () => {
    expect(problems({ title: 'x' })).toEqual(['version is missing: add `version: 1` at the top of the file']);
  });

  it('reads what people naturally write: "15%", a single author, a task as a line, empty answers', () => {
    const result = validateDraft({
      version: 1,
      title: null,
      authors: 'Jane Doe',
      summary: { usersAffectedPercent: '15%' },
      tasks: ['Patch Nginx server'],
    });
    expect(result.ok && result.draft).toEqual({
      version: 1,
      title: undefined,
      authors: ['Jane Doe'],
      summary: { usersAffectedPercent: 15 },
      tasks: [{ text: 'Patch Nginx server' }],
    });
  });

  it('keeps keys it does not know at every level', () => {
    const result = validateDraft({ version: 1, team: 'payments', summary: { ticket: 'INC-42' }, timeline: [{ text: 'x', slack: '#inc' }] });
    expect(result.ok && result.draft).toMatchObject({ team: 'payments', summary: { ticket: 'INC-42' }, timeline: [{ slack: '#inc' }] });
  });

  it('takes version 1 only: 0, -5, 1.5 or "1" are not a format', () => {
    expect(validateDraft({ version: 1 }).ok).toBe(true);
    for (const version of [0, -5, 1.5, '1', null]) {
      const result = validateDraft({ version });
      expect(result.ok, String(version)).toBe(false);
      if (!result.ok) expect(result.problems[0]).toMatchObject({ path: ['version'], message: expect.stringMatching(/this file format is version 1/) });
    }
  });
});
