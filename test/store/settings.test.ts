import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSettings, recentDrafts, rememberDraft, forgetDraft, resetSettingsStore, settingsPath, writeSettings } from '../../src/store/settings.js';
import { tempDir } from '../support/temp.js';

describe('settings', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    process.env.POSTMORTEM_WIZARD_CONFIG_DIR = dir;
    resetSettingsStore();
  });

  it('live in the folder the environment names, never the real one', () => {
    writeSettings({ author: 'Jane Doe', timezone: 'Africa/Lagos' });
    expect(settingsPath()).toBe(join(dir, 'config.json'));
    expect(JSON.parse(readFileSync(settingsPath(), 'utf8')).settings).toEqual({ author: 'Jane Doe', timezone: 'Africa/Lagos' });
    expect(readSettings()).toEqual({ author: 'Jane Doe', timezone: 'Africa/Lagos' });
  });

  it('clear a setting given as empty', () => {
    writeSettings({ author: 'Jane Doe', template: 'alx' });
    expect(writeSettings({ author: '' })).toEqual({ template: 'alx' });
  });

  it('keep recent drafts newest first, once each, as absolute paths', () => {
    rememberDraft('a.yaml', 'A', new Date('2024-01-01T00:00:00Z'));
    rememberDraft('b.yaml', undefined, new Date('2024-01-02T00:00:00Z'));
    rememberDraft('a.yaml', 'A again', new Date('2024-01-03T00:00:00Z'));
    expect(recentDrafts().map((d) => [d.path, d.title])).toEqual([
      [join(process.cwd(), 'a.yaml'), 'A again'],
      [join(process.cwd(), 'b.yaml'), undefined],
    ]);
    forgetDraft('b.yaml');
    expect(recentDrafts()).toHaveLength(1);
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
  });
});
