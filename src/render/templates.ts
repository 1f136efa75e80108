import { existsSync, readFileSync } from 'node:fs';
import { FileReadError, readTextFile } from '../io/read-text-file.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATES } from '../draft/vocabulary.js';
import { TemplateError } from './template-error.js';

/*
 * Which template renders a README. A draft names a built-in layout only (`template: alx`): a
 * draft travels between people, so it must not be able to make anyone read a file. A template
 * file is read only when the person running the command names it (`--template PATH`, or a path
 * in their own settings), and only if it is a regular text file under 1 MB.
 */

/** A template's text and where it came from (for error messages). */
export interface Template {
  name: string;
  source: string;
  text: string;
}

export const DEFAULT_TEMPLATE = 'alx';
/** Far above any layout (the built-in ones are about 3 KB). */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** The package's templates/ folder, found by walking up from this module (src/, dist/ or a bundle). */
function builtInFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, `${DEFAULT_TEMPLATE}.md`))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('The built-in templates are missing from this installation of postmortem-wizard.');
}

export function builtInTemplateNames(): string[] {
  return [...TEMPLATES];
}

export function looksLikePath(nameOrPath: string): boolean {
  return /[\\/]/.test(nameOrPath) || /\.(md|eta|liquid|markdown|txt)$/i.test(nameOrPath);
}

/** A built-in layout by name (`alx`, `sre`). */
export function loadBuiltInTemplate(name: string = DEFAULT_TEMPLATE): Template {
  if (!builtInTemplateNames().includes(name)) {
    throw new TemplateError(name, `is not a built-in template: use ${builtInTemplateNames().join(' or ')}, or name your own template file with --template PATH.`);
  }
  const source = join(builtInFolder(), `${name}.md`);
  return { name, source, text: readFileSync(source, 'utf8') };
}

/** A person's own template file: a regular UTF-8 text file under 1 MB, in Liquid. */
export function loadTemplateFile(path: string): Template {
  const source = resolve(path);
  let text: string;
  try {
    text = readTextFile(source, { limit: MAX_TEMPLATE_BYTES, what: 'a template' });
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new TemplateError(path, error.code === 'ENOENT' ? 'does not exist: no such template file.' : error.problem);
  }
  refuseOldSyntax(path, text);
  return { name: path, source, text };
}

/** Templates were Eta (JavaScript) before; such a file gets a sentence, not a render of its tags. */
function refuseOldSyntax(path: string, text: string): void {
  if (/<%[=~\s_-]/.test(text) && !/\{\{|\{%/.test(text)) {
    throw new TemplateError(
      path,
      'is written for the old template syntax (`<%= … %>`), which could run code; templates are now Liquid (`{{ title }}`, `{% for entry in timeline %}`): start from a copy of the built-in alx.md (see "Templates" in the README).',
    );
  }
}

export interface TemplateChoice {
  /** `--template NAME|PATH` on the command line. */
  flag?: string;
  /** The `template:` the draft names: a built-in layout only. */
  draft?: string;
  /** The person's own default from their settings: a name or a path. */
  settings?: string;
}

/**
 * The template for a render: the command line's, else a template file named in the person's
 * settings, else the draft's layout, else the default. A path in the draft is refused.
 */
export function chooseTemplate(choice: TemplateChoice): Template {
  const own = choice.flag ?? (choice.settings && looksLikePath(choice.settings) ? choice.settings : undefined);
  if (own !== undefined) return looksLikePath(own) ? loadTemplateFile(own) : loadBuiltInTemplate(own);
  // A draft that names no layout takes the one the settings name (the layout new drafts get), else alx.
  const settingsLayout = choice.settings !== undefined && !looksLikePath(choice.settings) && builtInTemplateNames().includes(choice.settings) ? choice.settings : undefined;
  const named = choice.draft ?? settingsLayout ?? DEFAULT_TEMPLATE;
  if (looksLikePath(named) || !builtInTemplateNames().includes(named)) {
    throw new TemplateError(
      named,
      `is not a built-in layout: a draft's \`template:\` names one of ${builtInTemplateNames().join(' or ')}; to use a template file, name it yourself with --template PATH.`,
    );
  }
  return loadBuiltInTemplate(named);
}

/** Kept for callers that take what a person typed: a built-in name, or a path they chose. */
export function loadTemplate(nameOrPath: string = DEFAULT_TEMPLATE): Template {
  return looksLikePath(nameOrPath) ? loadTemplateFile(nameOrPath) : loadBuiltInTemplate(nameOrPath);
}
