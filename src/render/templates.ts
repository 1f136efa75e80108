import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATES } from '../draft/vocabulary.js';
import { TemplateError } from './template-error.js';

/** A template's text and where it came from (for error messages). */
export interface Template {
  name: string;
  source: string;
  text: string;
}

export const DEFAULT_TEMPLATE = 'alx';

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

function looksLikePath(nameOrPath: string): boolean {
  return /[\\/]/.test(nameOrPath) || /\.(md|eta|markdown|txt)$/i.test(nameOrPath);
}

/** A built-in template by name (`alx`) or a person's template file by path. */
export function loadTemplate(nameOrPath: string = DEFAULT_TEMPLATE): Template {
  if (!looksLikePath(nameOrPath)) {
    if (!builtInTemplateNames().includes(nameOrPath)) {
      throw new TemplateError(
        nameOrPath,
        `is not a built-in template: use ${builtInTemplateNames().join(' or ')}, or a path to your own template file.`,
      );
    }
    const source = join(builtInFolder(), `${nameOrPath}.md`);
    return { name: nameOrPath, source, text: readFileSync(source, 'utf8') };
  }
  const source = resolve(nameOrPath);
  try {
    return { name: nameOrPath, source, text: readFileSync(source, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemplateError(nameOrPath, code === 'ENOENT' ? 'does not exist: no such template file.' : `cannot be read (${code ?? 'error'}).`);
  }
}
