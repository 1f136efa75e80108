import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeReadme } from '../../src/store/write-readme.js';
import { loadDraft, saveDraft } from '../../src/store/draft-file.js';
import { DraftSession } from '../../src/store/draft-session.js';
import { fixture, read, tempDir } from '../support/temp.js';

/*
 * A full disk and a folder we may not write cannot be made for real here (tests run as root,
 * and /dev/full is not a folder), so the atomic writer fails on request, as the OS would.
 */
const failure = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('../../src/store/atomic-write.js', async (original) => {
  const real = (await original()) as typeof import('../../src/store/atomic-write.js');
  return {
    ...real,
    writeFileAtomically: (...args: Parameters<typeof real.writeFileAtomically>) => {
      if (failure.code) return Promise.reject(Object.assign(new Error(`${failure.code}: simulated`), { code: failure.code }));
      return real.writeFileAtomically(...args);
    },
  };
});

const REASONS: [string, string][] = [
  ['ENOSPC', 'the disk is full'],
  ['EACCES', 'permission denied'],
  ['EROFS', 'the file system is read-only'],
];

beforeEach(() => {
  failure.code = undefined;
});
afterEach(() => {
  failure.code = undefined;
});

describe.each(REASONS)('saving when the OS says %s', (code, reason) => {
  it('leaves the draft file as it was and says why', async () => {
    const path = join(tempDir(), 'pm.yaml');
    copyFileSync(fixture('seed-001-deployment.yaml'), path);
    const before = read(path);
    const loaded = await loadDraft(path);
    failure.code = code;
    await expect(saveDraft(loaded, { ...loaded.draft, title: 'Changed' })).rejects.toThrow(`Could not save ${path}: ${reason}.`);
    expect(read(path)).toBe(before);
  });

  it('keeps the answers in the session and saves them once the disk allows', async () => {
    const path = join(tempDir(), 'pm.yaml');
    copyFileSync(fixture('seed-001-deployment.yaml'), path);
    const loaded = await loadDraft(path);
    const session = new DraftSession(loaded);
    failure.code = code;
    await session.save({ ...loaded.draft, title: 'Changed' }, 1);
    expect(session.status).toMatchObject({ state: 'failed', reason, revision: 1 });
    failure.code = undefined;
    await session.save({ ...loaded.draft, title: 'Changed again' }, 2);
    expect(session.status).toMatchObject({ state: 'saved', revision: 2 });
    expect(read(path)).toContain('title: Changed again');
  });

  it('render exits 1 with the reason and leaves an existing README alone', async () => {
    const dir = tempDir();
    const draft = join(dir, 'pm.yaml');
    copyFileSync(fixture('seed-001-deployment.yaml'), draft);
    const readme = join(dir, 'README.md');
    await writeReadme(readme, 'old text, written by hand\n', true);
    failure.code = code;
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    try {
      const { main } = await import('../../src/cli.js');
      expect(await main(['render', draft, '--force'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('')).toContain(`Could not write ${readme}: ${reason}.`);
    expect(errors.join('')).not.toMatch(/\n\s+at /);
    expect(read(readme)).toBe('old text, written by hand\n');
  });
});
