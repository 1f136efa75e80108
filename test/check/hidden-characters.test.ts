import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/check/rubric.js';
import { renderMarkdown } from '../../src/render/render.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp.js';

describe('direction overrides and invisible characters', () => {
  const draft = {
    version: 1,
    title: 'Outage \u202eevil\u202c report',
    tasks: [{ text: 'Patch\u200b the server' }],
    summary: { impact: 'Slow\ufeff pages' },
  };

  it('the README leaves them out and keeps ordinary Unicode', () => {
    const md = renderMarkdown({ ...draft, measures: ['Café 漢字 👩‍👩‍👧 مرحبا'] });
    expect(md).not.toMatch(/[\u202a-\u202e\u200b\ufeff]/);
    expect(md).toContain('# Outage evil report');
    expect(md).toContain('- Café 漢字 👩‍👩‍👧 مرحبا');
  });

  it('check names each, with its place in the draft', () => {
    const findings = checkDraft(draft).findings.filter((finding) => finding.section === 'Hidden characters');
    expect(findings.map((finding) => finding.path)).toEqual([['title'], ['tasks', 0, 'text'], ['summary', 'impact']]);
    expect(findings[0]!.message).toMatch(/^title holds U\+202E right-to-left override, U\+202C pop directional formatting, which can make text read differently/);
  });

  it('the check command gives the line, and prints no control character', () => {
    const path = join(tempDir(), 'd.yaml');
    writeFileSync(path, 'version: 1\ntitle: "Outage \\u202Eevil\\u202C \\e]52;c;SGk=\\a report"\n');
    const result = runCli(['check', path]);
    expect(result.stdout).toMatch(/d\.yaml:2: Hidden characters: title holds U\+202E/);
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
