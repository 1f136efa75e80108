import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/property.js';
import { loadDraft, newDraftFile, saveDraft } from '../../src/store/draft-file.js';
import { DraftFileError, SaveError } from '../../src/store/errors.js';
import type { Draft } from '../../src/draft/schema.js';
import { fixture, read, tempDir, tempFile } from '../support/temp.js';

async function refusal(path: string): Promise<string> {
  const before = readFileSync(path);
  const error = await loadDraft(path).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DraftFileError);
  // Refusing a file never changes it.
  expect(readFileSync(path).equals(before)).toBe(true);
  return (error as DraftFileError).message;
}

describe('loadDraft refuses what is not a draft, naming file and line', () => {
  it('broken YAML: line and column', async () => {
    const path = tempFile('broken.yaml', 'version: 1\ntitle: "unterminated\nsummary: {\n');
    expect(await refusal(path)).toMatch(/broken\.yaml:2: not valid YAML: a quote opened on this line is never closed\./);
    const flow = tempFile("flow.yaml", "version: 1\ntitle: a: b\n");
    expect(await refusal(flow)).toMatch(/flow\.yaml:2:8: not valid YAML: Nested mappings are not allowed in compact mappings\./);
  });

  it('wrong types: each with its line', async () => {
    const path = tempFile('types.yaml', 'version: 1\ntitle: [a, b]\nsummary:\n  usersAffectedPercent: lots\n');
    const message = await refusal(path);
    expect(message).toContain('types.yaml:2: title must be text.');
    expect(message).toContain('types.yaml:4: summary.usersAffectedPercent must be a number from 0 to 100, like 15.');
  });

  it('a newer version', async () => {
    const path = tempFile('future.yaml', '# from the future\nversion: 2\ntitle: x\n');
    expect(await refusal(path)).toMatch(/future\.yaml:2: was written by a newer postmortem-wizard \(draft format 2; this one reads 1\)/);
  });

  it('an empty file, a comment-only file, a list, a scalar', async () => {
    expect(await refusal(tempFile('empty.yaml', ''))).toMatch(/empty\.yaml: is empty/);
    expect(await refusal(tempFile('comments.yaml', '# nothing\n\n'))).toMatch(/is empty/);
    expect(await refusal(tempFile('list.yaml', '- a\n- b\n'))).toMatch(/list\.yaml:1: holds a list/);
    expect(await refusal(tempFile('scalar.yaml', 'hello\n'))).toMatch(/holds a single value/);
  });

  it('a missing file, a folder, a binary file, an alias bomb, a huge file', async () => {
    const dir = tempDir();
    await expect(loadDraft(join(dir, 'nope.yaml'))).rejects.toThrow(/nope\.yaml: does not exist/);
    await expect(loadDraft(dir)).rejects.toThrow(/is a folder/);
    expect(await refusal(tempFile('bin.yaml', Buffer.from([0x76, 0x00, 0xff, 0x10])))).toMatch(/binary file/);
    const bomb = ['version: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    expect(await refusal(tempFile('bomb.yaml', bomb.join('\n')))).toMatch(/bomb\.yaml: cannot be read: .*alias/i);
    expect(await refusal(tempFile('huge.yaml', `version: 1\nnotes: "${'x'.repeat(11 * 1024 * 1024)}"\n`))).toMatch(/is 11\.0 MB/);
  });
});

describe('loadDraft for reading only (render, check)', () => {
  it('reads the same values as the careful parser, and names lines only when asked', async () => {
    const edit = await loadDraft(fixture('seed-000-payment.yaml'));
    const read = await loadDraft(fixture('seed-000-payment.yaml'), 'read');
    expect(read.draft).toEqual(edit.draft);
    expect(read.lineOf(['summary', 'usersAffectedPercent'])).toBe(edit.lineOf(['summary', 'usersAffectedPercent']));
  });

  it('names the same line for any path as the careful parser, whatever keys the file holds (property)', async () => {
    const keys = ['title', 'authors', 'summary', 'timeline', 'rootCause', 'resolution', 'measures', 'tasks', 'extras'] as const;
    const lines: Record<(typeof keys)[number], string> = {
      title: 'title: T',
      authors: 'authors: [A]',
      summary: 'summary:\n  timezone: UTC\n  # a comment\n  start: "2023-08-02 13:45"',
      timeline: 'timeline:\n  - at: "2023-08-02 13:50"\n    text: one\n  - text: two',
      rootCause: 'rootCause: |\n  Because.',
      resolution: 'resolution: ~',
      measures: 'measures: []',
      tasks: 'tasks:\n  - text: Fix it',
      extras: 'extras: {}',
    };
    const paths = fc.oneof(
      fc.constantFrom(...keys).map((key) => [key]),
      fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.constantFrom('start', 'end', 'text', 'timezone'), fc.nat(3))).map((path) => [...path]),
      fc.tuple(fc.constantFrom('timeline', 'tasks'), fc.nat(3), fc.constantFrom('at', 'text', 'owner')).map((path) => [...path]),
    );
    await fc.assert(
      fc.asyncProperty(fc.subarray([...keys]), fc.array(paths, { minLength: 1, maxLength: 5 }), async (present, asked) => {
        const path = tempFile('d.yaml', `# a draft\nversion: 1\n${present.map((key) => lines[key]).join('\n')}\n`);
        const edit = await loadDraft(path);
        const read = await loadDraft(path, 'read');
        for (const draftPath of asked) {
          const line = read.lineOf(draftPath);
          expect([draftPath, line]).toEqual([draftPath, edit.lineOf(draftPath)]);
          // A key the file holds has its line; one it does not hold has none, nor has anything under it.
          if (!present.includes(draftPath[0] as never)) expect(line).toBeUndefined();
          else expect(line).toBeGreaterThanOrEqual(3);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('refuses the same bad files with the same messages', async () => {
    const bomb = ['version: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const cases = [
      ['broken.yaml', 'version: 1\ntitle: "unterminated\nsummary: {\n'],
      ['types.yaml', 'version: 1\ntitle: [a, b]\nsummary:\n  usersAffectedPercent: lots\n'],
      ['future.yaml', '# from the future\nversion: 2\ntitle: x\n'],
      ['list.yaml', '- a\n- b\n'],
      ['dupe.yaml', 'version: 1\ntitle: a\ntitle: b\n'],
    ];
    for (const [name, content] of cases) {
      const path = tempFile(name!, content!);
      const edit = await loadDraft(path).catch((e: Error) => e.message);
      const read = await loadDraft(path, 'read').catch((e: Error) => e.message);
      expect(read).toBe(edit);
    }
    await expect(loadDraft(tempFile('bomb.yaml', bomb.join('\n')), 'read')).rejects.toThrow(/bomb\.yaml: cannot be read: .*aliases/);
  });
});

describe('saveDraft', () => {
  const draft: Draft = {
    version: 1,
    template: 'alx',
    title: 'Payment service outage',
    summary: { start: '2023-08-02 13:45', end: '2023-08-02 15:30', timezone: 'UTC' },
    timeline: [{ at: '2023-08-02 14:05', kind: 'detection', text: 'Alert fired.' }],
    rootCause: 'First paragraph.\n\nSecond paragraph.',
  };

  it('creates a readable file: header comment, quoted times, paragraphs as blocks', async () => {
    const path = join(tempDir(), 'pm.yaml');
    await saveDraft(newDraftFile(path), draft);
    const text = read(path);
    expect(text).toMatch(/^# postmortem-wizard draft: resume with `[^`\n]+ resume pm\.yaml`\nversion: 1\n/);
    expect(text).toContain('start: "2023-08-02 13:45"');
    expect(text).toContain('  - at: "2023-08-02 14:05"');
    expect(text).toContain('rootCause: |-\n  First paragraph.\n\n  Second paragraph.');
    expect((await loadDraft(path)).draft).toEqual(draft);
    expect(existsSync(`${path}.bak`)).toBe(false);
  });

  it('never replaces an existing file when creating a new draft', async () => {
    const path = tempFile('README.md', '# My notes\n');
    await expect(saveDraft(newDraftFile(path), draft)).rejects.toBeInstanceOf(SaveError);
    expect(read(path)).toBe('# My notes\n');
  });

  it('keeps the previous good copy as .bak and comments, order and unknown keys of the file', async () => {
    const original = [
      '# Written by hand, please keep this comment',
      'version: 1',
      'team: payments # our own key',
      'title: Old title',
      'summary:',
      '  ticket: INC-42',
      '  timezone: UTC',
      '',
    ].join('\n');
    const path = tempFile('hand.yaml', original);
    const loaded = await loadDraft(path);
    const saved = await saveDraft(loaded, { ...loaded.draft, title: 'New title', summary: { ...loaded.draft.summary, impact: 'Slow.' } });
    const text = read(path);
    expect(text).toBe([
      '# Written by hand, please keep this comment',
      'version: 1',
      'team: payments # our own key',
      'title: New title',
      'summary:',
      '  ticket: INC-42',
      '  timezone: UTC',
      '  impact: Slow.',
      '',
    ].join('\n'));
    expect(read(`${path}.bak`)).toBe(original);
    // A second save keeps the first save's state as the previous copy.
    await saveDraft(saved, { ...loaded.draft, title: 'Third title' });
    expect(read(`${path}.bak`)).toBe(text);
  });

  it('refuses to replace a file that stopped being a draft behind its back', async () => {
    const path = tempFile('swap.yaml', 'version: 1\ntitle: x\n');
    const loaded = await loadDraft(path);
    writeFileSync(path, 'not: [a draft\n');
    await expect(saveDraft(loaded, { ...loaded.draft, title: 'y' })).rejects.toThrow(/not a postmortem draft/);
    expect(read(path)).toBe('not: [a draft\n');
  });

  it('says why a save failed and leaves the file as it was', async () => {
    const path = join(tempDir(), 'missing-folder', 'pm.yaml');
    await expect(saveDraft(newDraftFile(path), draft)).rejects.toThrow(/Could not save .*pm\.yaml: the folder does not exist\./);
  });

  it('round-trips any draft through save and load (property)', async () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => s.trim() === s && s !== '' && !/[\n\r\u0000-\u001f\u007f-\u009f\ufeff]/.test(s));
    const arbitraryDraft = fc.record({
      version: fc.constant(1),
      title: line,
      authors: fc.array(line, { maxLength: 3 }),
      summary: fc.record({ start: fc.constant('2023-08-02 13:45'), timezone: fc.constantFrom('UTC', 'Africa/Lagos', '+01:00'), usersAffectedPercent: fc.integer({ min: 0, max: 100 }) }),
      timeline: fc.array(fc.record({ at: fc.constantFrom('2023-08-02 14:05', '14:30'), kind: fc.constantFrom('detection' as const, 'misleading' as const), text: line }), { maxLength: 4 }),
      rootCause: fc.array(line, { maxLength: 4 }).map((lines) => lines.join('\n')),
      measures: fc.array(line, { maxLength: 3 }),
    });
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryDraft, fc.array(arbitraryDraft, { maxLength: 2 }), async (first, later) => {
        const path = join(dir, `d${n++}.yaml`);
        let file = await saveDraft(newDraftFile(path), first);
        for (const next of later) file = await saveDraft(file, next);
        const expected = later.at(-1) ?? first;
        const { draft: loaded } = await loadDraft(path);
        expect(loaded).toEqual({ ...expected, rootCause: expected.rootCause === '' ? '' : expected.rootCause });
      }),
      { numRuns: runs(60) },
    );
  });

  it('reads the seed fixtures', async () => {
    const { draft: seed } = await loadDraft(fixture('seed-000-payment.yaml'));
    expect(seed.timeline).toHaveLength(9);
    expect(seed.summary?.usersAffectedPercent).toBe(15);
  });
});
