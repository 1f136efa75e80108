import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNewPath, prepareNewDraft, suggestNewPath } from '../../src/store/drafts.js';
import { tempDir } from '../support/temp.js';

describe('starting a new draft', () => {
  it('suggests postmortem.yaml, then the first free postmortem-N.yaml', () => {
    const dir = tempDir();
    expect(suggestNewPath(dir)).toBe('postmortem.yaml');
    writeFileSync(join(dir, 'postmortem.yaml'), 'version: 1\n');
    expect(suggestNewPath(dir)).toBe('postmortem-2.yaml');
  });

  it('adds .yaml, and refuses an existing file or a missing folder before anything is written', () => {
    const dir = tempDir();
    expect(checkNewPath('outage', dir)).toEqual({ ok: true, value: join(dir, 'outage.yaml') });
    writeFileSync(join(dir, 'taken.yaml'), 'version: 1\n');
    expect(checkNewPath('taken.yaml', dir)).toEqual({ ok: false, error: expect.stringMatching(/^taken\.yaml already exists: resume it with `[^`]+ resume taken\.yaml`, or choose another name\.$/) });
    expect(checkNewPath('nowhere/pm.yaml', dir)).toEqual({ ok: false, error: 'The folder nowhere does not exist.' });
    // A folder is never quietly turned into folder.yaml.
    mkdirSync(join(dir, 'adir'));
    expect(checkNewPath('adir', dir)).toEqual({ ok: false, error: 'adir is a folder: give a file name for the draft, like adir/postmortem.yaml.' });
    expect(() => prepareNewDraft(join(dir, 'nowhere', 'pm.yaml'))).toThrow(/does not exist/);
    const { file, draft } = prepareNewDraft(join(dir, 'fresh.yaml'));
    expect(draft).toEqual({ version: 1 });
    expect(file.text).toBeUndefined();
    expect(existsSync(join(dir, 'fresh.yaml'))).toBe(false);
  });
});
