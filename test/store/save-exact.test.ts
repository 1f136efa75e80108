import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadDraft, saveDraft, type DraftFile } from '../../src/store/draft-file.js';
import { sweepStaleTemps, tempPathFor } from '../../src/store/atomic-write.js';
import { initialState, wizardReducer, type WizardAction, type WizardState } from '../../src/wizard/reducer.js';
import { read, tempDir, tempFile } from '../support/temp.js';

/*
 * The file is a function of the draft: what a save writes loads as exactly the draft, and
 * comments and hand-added keys stay on the entry they were written on.
 */

async function open(text: string) {
  const path = tempFile('pm.yaml', text);
  const loaded = await loadDraft(path);
  let file: DraftFile = loaded;
  let state: WizardState = initialState(loaded.draft);
  return {
    path,
    async act(...actions: WizardAction[]) {
      for (const action of actions) state = wizardReducer(state, action);
      file = await saveDraft(file, state.draft);
      expect((await loadDraft(path)).draft).toEqual(state.draft);
      return read(path);
    },
    get draft() {
      return state.draft;
    },
  };
}

/** The comment written above each item of a list, in order. */
function commentsOn(text: string, list: string): (string | undefined)[] {
  const seq = parseDocument(text).get(list, true) as { commentBefore?: string; items: { commentBefore?: string }[] };
  return seq.items.map((item, i) => [i === 0 ? seq.commentBefore : undefined, item.commentBefore].filter(Boolean).join('\n').trim() || undefined);
}

describe('saving writes exactly the draft', () => {
  it('deleting a task takes its owner and due date with it (issue 11)', async () => {
    const wizard = await open('version: 1\ntasks:\n  # about A\n  - text: A\n    owner: alice\n    due: "2023-08-16"\n  - text: B\n');
    const text = await wizard.act({ type: 'set', path: ['tasks'], value: [wizard.draft.tasks![1]] });
    expect(text).toBe('version: 1\ntasks:\n  - text: B\n');
  });

  it('clearing an owner removes it from the file; an edited task keeps its comment', async () => {
    const wizard = await open('version: 1\ntasks:\n  - text: A\n  # mine\n  - text: B # b\n    owner: bob\n    ticket: INC-1\n');
    const [a, b] = wizard.draft.tasks!;
    const { owner: _gone, ...rest } = b!;
    const text = await wizard.act({ type: 'set', path: ['tasks'], value: [a, { ...rest, text: 'B2' }] });
    expect(text).toBe('version: 1\ntasks:\n  - text: A\n  # mine\n  - text: B2 # b\n    ticket: INC-1\n');
  });

  it('comments and hand-added keys follow timeline entries through delete, insert, edit and re-sort', async () => {
    const wizard = await open([
      'version: 1',
      'summary:',
      '  timezone: UTC',
      'timeline:',
      '  # first',
      '  - at: "2023-08-02 13:00"',
      '    text: one',
      '  # second',
      '  - at: "2023-08-02 14:00"',
      '    text: two',
      '    ticket: INC-2',
      '  # third',
      '  - at: "2023-08-02 15:00"',
      '    text: three',
      '',
    ].join('\n'));
    let text = await wizard.act({ type: 'removeEntry', index: 0 });
    expect(commentsOn(text, 'timeline')).toEqual(['second', 'third']);
    text = await wizard.act({ type: 'addEntry', entry: { at: '2023-08-02 14:30', kind: 'action', text: 'new' } });
    expect(commentsOn(text, 'timeline')).toEqual(['second', undefined, 'third']);
    // Edited to a later time: it moves to the end, with its comment and its ticket.
    const second = wizard.draft.timeline![0]!;
    text = await wizard.act({ type: 'replaceEntry', index: 0, entry: { ...second, at: '2023-08-02 16:00', text: 'two, later' } });
    expect(commentsOn(text, 'timeline')).toEqual([undefined, 'third', 'second']);
    expect(text).toContain('  # second\n  - at: "2023-08-02 16:00"\n    text: two, later\n    ticket: INC-2\n');
  });

  it('an emptied answer a person left stays; a key deleted in memory goes', async () => {
    const wizard = await open('version: 1\ntitle:\nteam: payments\nrootCause: x\n');
    const { team: _team, ...rest } = wizard.draft as Record<string, unknown>;
    const text = await wizard.act({ type: 'set', path: [], value: { ...rest, rootCause: undefined } } as WizardAction);
    expect(text).toBe('version: 1\ntitle:\n');
  });

  it('an edited measure keeps its comment', async () => {
    const wizard = await open('version: 1\nmeasures:\n  - one\n  # why two\n  - two\n');
    const text = await wizard.act({ type: 'set', path: ['measures'], value: ['one', 'two, sharper'] });
    expect(text).toBe('version: 1\nmeasures:\n  - one\n  # why two\n  - two, sharper\n');
  });
});

describe('temp files and the .bak', () => {
  it('a symlink at the .bak or temp path is replaced, never written through', async () => {
    const dir = tempDir();
    const path = join(dir, 'pm.yaml');
    writeFileSync(path, 'version: 1\ntitle: a\n');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, `${path}.bak`);
    symlinkSync(victim, tempPathFor(path));
    const loaded = await loadDraft(path);
    await saveDraft(loaded, { ...loaded.draft, title: 'b' });
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(`${path}.bak`).isSymbolicLink()).toBe(false);
    expect(read(`${path}.bak`)).toBe('version: 1\ntitle: a\n');
    expect(read(path)).toBe('version: 1\ntitle: b\n');
  });

  it('sweeps temp files of dead processes only, never a person\'s own files', async () => {
    const dir = tempDir();
    const path = join(dir, 'pm.yaml');
    const dead = tempPathFor(path, 2 ** 22 + 12345);
    const alive = tempPathFor(path, process.ppid);
    for (const name of [dead, alive, join(dir, 'pm.yaml.20231105'), join(dir, '.pm.yaml.pmw-x.tmp')]) writeFileSync(name, 'x');
    expect(await sweepStaleTemps(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([`.pm.yaml.pmw-${process.ppid}.tmp`, '.pm.yaml.pmw-x.tmp', 'pm.yaml.20231105']);
  });
});
