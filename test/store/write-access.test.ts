import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whyReadOnly } from '../../src/store/write-access.js';
import { tempDir } from '../support/temp.js';

function draftIn(dir: string, mode = 0o644): string {
  const path = join(dir, 'pm.yaml');
  writeFileSync(path, 'version: 1\n');
  chmodSync(path, mode);
  return path;
}

describe('whether a draft can be saved', () => {
  it('can, for a writable file in a writable folder, and for one not made yet', () => {
    const dir = tempDir();
    expect(whyReadOnly(draftIn(dir))).toBeUndefined();
    expect(whyReadOnly(join(dir, 'new.yaml'))).toBeUndefined();
  });

  it('cannot, for a file with no write bit, even as root (whom access() lets write)', () => {
    expect(whyReadOnly(draftIn(tempDir(), 0o444))).toBe('is read-only (mode 444)');
  });

  it('cannot, through a symlink to a read-only file', () => {
    const dir = tempDir();
    const path = draftIn(dir, 0o444);
    symlinkSync(path, join(dir, 'link.yaml'));
    expect(whyReadOnly(join(dir, 'link.yaml'))).toBe('is read-only (mode 444)');
  });

  it('cannot, in a folder with no write bit (a save renames a new file into it)', () => {
    const folder = tempDir();
    const draft = draftIn(folder);
    chmodSync(folder, 0o555);
    try {
      expect(whyReadOnly(draft)).toMatch(/^is in a folder that cannot be written \(pmw-\w+, mode 555\)$/);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});
