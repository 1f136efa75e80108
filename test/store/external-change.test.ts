import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft-file.js';
import { DraftSession } from '../../src/store/draft-session.js';
import { fixture, read, tempDir } from '../support/temp.js';

/* A draft changed by hand while the wizard has it open is never overwritten without asking. */

async function openWithHandEdit() {
  const path = join(tempDir(), 'pm.yaml');
  copyFileSync(fixture('seed-001-deployment.yaml'), path);
  const loaded = await loadDraft(path);
  const session = new DraftSession(loaded);
  const theirs = read(path).replace(/^title: .*$/m, 'title: Their title # fixed by hand');
  writeFileSync(path, theirs);
  await session.save({ ...loaded.draft, rootCause: 'Our root cause.' }, 1);
  return { path, session, theirs, loaded };
}

describe('a draft changed outside the wizard', () => {
  it('is detected before the next save: nothing is written, the status says so', async () => {
    const { path, session, theirs, loaded } = await openWithHandEdit();
    expect(session.status).toMatchObject({ state: 'conflict', revision: 1, theirsPath: `${path}.theirs` });
    expect(read(path)).toBe(theirs);
    // Later answers wait too.
    await session.save({ ...loaded.draft, rootCause: 'Our root cause, longer.' }, 2);
    expect(session.status).toMatchObject({ state: 'conflict' });
    expect(read(path)).toBe(theirs);
  });

  it('keep mine: theirs is kept as .theirs, ours is saved', async () => {
    const { path, session, theirs } = await openWithHandEdit();
    expect(await session.keepMine()).toMatchObject({ state: 'saved', revision: 1 });
    expect(read(`${path}.theirs`)).toBe(theirs);
    expect((await loadDraft(path)).draft.rootCause).toBe('Our root cause.');
  });

  it('reload theirs: their file becomes the draft, ours is kept as .mine', async () => {
    const { path, session, theirs, loaded } = await openWithHandEdit();
    const reloaded = await session.reloadTheirs();
    expect(reloaded.draft.title).toBe('Their title');
    expect(read(path)).toBe(theirs);
    expect((await loadDraft(`${path}.mine`)).draft).toEqual({ ...loaded.draft, rootCause: 'Our root cause.' });
    // Saving their draft again keeps their comment; later answers save as usual.
    await session.save({ ...reloaded.draft, resolution: 'Rolled back.' }, 2);
    expect(session.status).toMatchObject({ state: 'saved', revision: 2 });
    expect(read(path)).toContain('title: Their title # fixed by hand');
    expect(existsSync(`${path}.theirs`)).toBe(false);
  });
});

describe('a second change outside the wizard', () => {
  it('keeps both of their versions: .theirs, then .theirs.2', async () => {
    const { path, session, loaded } = await openWithHandEdit();
    await session.keepMine();
    const second = read(path).replace(/^title: .*$/m, 'title: Second hand edit');
    writeFileSync(path, second);
    await session.save({ ...loaded.draft, rootCause: 'Ours, again.' }, 2);
    expect(session.status).toMatchObject({ state: 'conflict', theirsPath: `${path}.theirs.2` });
    await session.keepMine();
    expect(read(`${path}.theirs`)).toContain('Their title');
    expect(read(`${path}.theirs.2`)).toContain('Second hand edit');
  });
});
