import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeBlock, escapeInline } from '../../src/render/escape.js';
import { renderMarkdown } from '../../src/render/render.js';
import { chooseTemplate, loadTemplateFile } from '../../src/render/templates.js';
import { runCli } from '../support/run-cli.js';
import { runs } from '../support/property.js';
import { fixture, tempDir } from '../support/temp.js';

/*
 * Templates and drafts travel in repositories: a template can only arrange text, and a draft
 * can only name a built-in layout. Nothing a template says reads a file, runs code or reaches
 * JavaScript objects behind the data.
 */

const render = (text: string, draft = { version: 1, title: 'T' }) => renderMarkdown(draft, { template: { name: 't', source: 't.md', text } });

describe('a template cannot reach outside its data', () => {
  it('include, render and layout read no file', () => {
    for (const tag of ["{% include '/etc/passwd' %}", "{% render '/etc/passwd' %}", "{% layout '/etc/passwd' %}", '{% include "../../package.json" %}']) {
      let out = '';
      try {
        out = render(tag);
      } catch (error) {
        expect((error as Error).message).toMatch(/^t\.md(:\d+)?: template error: /);
      }
      expect(out).not.toContain('root:');
      expect(out).not.toContain('postmortem-wizard');
    }
  });

  it('no prototype, constructor or function is reachable', () => {
    const probes = [
      '{{ title.constructor }}', '{{ draft.constructor.name }}', '{{ draft.__proto__ }}', '{{ timeline.constructor.constructor }}',
      '{{ summary.hasOwnProperty }}', "{{ draft['constructor'] }}", '{{ authors.push }}', '{{ title.toString }}',
    ];
    for (const probe of probes) expect(render(probe).split('\n')[0]).toBe('');
  });

  it('filters that do not exist are an error, not a silent pass', () => {
    expect(() => render('{{ title | eval }}')).toThrow(/template error: undefined filter: eval/);
  });

  it('a template that grows without end is stopped (a loop that only runs long stops at 5 s)', () => {
    expect(() => render('{% for i in (1..1000000000) %}x{% endfor %}')).toThrow(/t\.md:1: template error: memory alloc limit exceeded/);
    expect(() => render("{% assign s = 'xx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}")).toThrow(/template error: memory alloc limit exceeded/);
  });

  it('any text in any field is escaped the same way through Liquid (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        // The author's words are data: never read as Liquid, always escaped as Markdown.
        const md = render('{{ draft.notes }}\u0000{{ draft.notes | block }}\u0000', { version: 1, notes: text } as never);
        const [inline, block] = md.split('\u0000');
        expect(inline).toBe(escapeInline(text));
        expect(block).toBe(escapeBlock(text));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('which template files are read', () => {
  const dir = tempDir('pmw-templates-');

  it('a regular Liquid file under 1 MB', () => {
    const path = join(dir, 'mine.md');
    writeFileSync(path, '# {{ title }}\n');
    expect(loadTemplateFile(path).text).toBe('# {{ title }}\n');
  });

  it('refuses folders, FIFOs, devices, huge and binary files at once, with the path', () => {
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const big = join(dir, 'big.md');
    writeFileSync(big, `{{ title }}${'x'.repeat(1024 * 1024 + 1)}`);
    const binary = join(dir, 'bin.md');
    writeFileSync(binary, Buffer.from([0x7b, 0x7b, 0x00, 0x7d]));
    mkdirSync(join(dir, 'folder.md'));
    expect(() => loadTemplateFile(fifo)).toThrow(/pipe\.md: is not a regular file/);
    expect(() => loadTemplateFile('/dev/zero')).toThrow(/\/dev\/zero: is not a regular file/);
    expect(() => loadTemplateFile(big)).toThrow(/big\.md: is 1\.0 MB; a template is at most 1 MB, so this is not one\./);
    expect(() => loadTemplateFile(binary)).toThrow(/bin\.md: is a binary file/);
    expect(() => loadTemplateFile(join(dir, 'folder.md'))).toThrow(/folder\.md: is a folder/);
    expect(() => loadTemplateFile(join(dir, 'none.md'))).toThrow(/none\.md: does not exist/);
  });

  it('a template in the old (code-running) syntax gets a sentence', () => {
    const path = join(dir, 'old.md');
    writeFileSync(path, '# <%= it.title %>\n<% process.exit(1) %>\n');
    expect(() => loadTemplateFile(path)).toThrow(/old\.md: is written for the old template syntax .* templates are now Liquid/);
  });

  it("a draft names a built-in layout only; the person's flag or settings may name a file", () => {
    expect(chooseTemplate({ draft: 'sre' }).name).toBe('sre');
    expect(() => chooseTemplate({ draft: './layout.md' })).toThrow(/\.\/layout\.md: is not a built-in layout: a draft's `template:` names one of alx or sre/);
    expect(() => chooseTemplate({ draft: '/etc/passwd' })).toThrow(/is not a built-in layout/);
    const path = join(dir, 'own.md');
    writeFileSync(path, 'own {{ title }}\n');
    expect(chooseTemplate({ flag: path, draft: './layout.md' }).text).toBe('own {{ title }}\n');
    expect(chooseTemplate({ settings: path, draft: 'sre' }).text).toBe('own {{ title }}\n');
    // A built-in name in the settings is the default layout: the draft's own layout wins, and a
    // draft that names none takes it.
    expect(chooseTemplate({ settings: 'alx', draft: 'sre' }).name).toBe('sre');
    expect(chooseTemplate({ settings: 'sre' }).name).toBe('sre');
    expect(chooseTemplate({}).name).toBe('alx');
  });
});

describe('the commands with a draft that names a file as its template', () => {
  const dir = tempDir('pmw-template-cli-');
  const draftText = readFileSync(fixture('seed-000-payment.yaml'), 'utf8').replace(/^template: .*$/m, 'template: ./layout.md');
  const draft = join(dir, 'd.yaml');
  writeFileSync(draft, draftText.includes('template: ./layout.md') ? draftText : `${draftText}template: ./layout.md\n`);
  writeFileSync(join(dir, 'layout.md'), '# {{ title }}\n{{ draft.notes }}\n');

  it('render refuses with the draft line and writes nothing; check reports it and uses alx', () => {
    const rendered = runCli(['render', draft], { cwd: dir });
    expect(rendered.status).toBe(2);
    expect(rendered.stderr).toMatch(/d\.yaml:\d+: template: "\.\/layout\.md" is not a built-in layout: .* --template PATH/);
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
    const checked = runCli(['check', draft, '--json'], { cwd: dir });
    const report = JSON.parse(checked.stdout) as { problems: { section: string; message: string }[] };
    expect(report.problems.some((finding) => finding.section === 'Template' && /default layout \(alx\) was used/.test(finding.message))).toBe(true);
  });

  it('the person running render may name the file', () => {
    const rendered = runCli(['render', draft, '--template', './layout.md', '-o', '-'], { cwd: dir });
    expect(rendered.status).toBe(0);
    expect(rendered.stdout.startsWith('# Payment service outage\n')).toBe(true);
  });
});
