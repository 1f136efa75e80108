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
    // A written postmortem there: it is imported, not resumed.
    writeFileSync(join(dir, 'README.md'), '# Outage\n');
    expect(checkNewPath('README.md', dir)).toEqual({ ok: false, error: expect.stringMatching(/^README\.md is a written postmortem: make a draft of it with `[^`]+ import README\.md`, or choose another name\.$/) });
    // A folder is never quietly turned into folder.yaml.
    mkdirSync(join(dir, 'adir'));
    expect(checkNewPath('adir', dir)).toEqual({ ok: false, error: 'adir is a folder: give a file name for the draft, like adir/postmortem.yaml.' });
    expect(() => prepareNewDraft(join(dir, 'nowhere', 'pm.yaml'))).toThrow(/does not exist/);
    const { file, draft } = prepareNewDraft(join(dir, 'fresh.yaml'));
    expect(draft).toEqual({ version: 1 });
    expect(file.text).toBeUndefined();
    expect(existsSync(join(dir, 'fresh.yaml'))).toBe(false);
  });

  it('opening a draft that is not there says how to start it, and a written postmortem how to import it', async () => {
    const { openDraft } = await import('../../src/store/drafts.js');
    const dir = tempDir();
    await expect(openDraft(join(dir, 'nope.yaml'))).rejects.toThrow(/nope\.yaml: does not exist: `[^`]+ new \S*nope\.yaml` starts it\./);
    writeFileSync(join(dir, 'notes.md'), '# Outage\n\nThe API was down.\n');
    await expect(openDraft(join(dir, 'notes.md'))).rejects.toThrow(/notes\.md: is a written postmortem, not a draft: `[^`]+ import \S*notes\.md` makes a draft of it\./);
  });
});
