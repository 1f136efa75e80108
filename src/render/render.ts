import { basename } from 'node:path';
import type { Liquid } from 'liquidjs';
import type { Draft } from '../draft/schema.js';
import { TemplateError } from './template-error.js';
import { chooseTemplate, type Template } from './templates.js';
import { buildViewModel } from './view-model.js';
import { createEngine } from './liquid-engine.js';
import { withMarker } from './marker.js';

let engine: Liquid | undefined;

export interface RenderOptions {
  template?: Template;
  /** The draft's file name, named in the generated-file marker. */
  draftPath?: string;
}

/** The finished README for a draft. Template problems are reported with the template's path. */
export function renderMarkdown(draft: Draft, options: RenderOptions = {}): string {
  const template = options.template ?? chooseTemplate({ draft: draft.template });
  let body: string;
  try {
    engine ??= createEngine();
    body = engine.parseAndRenderSync(template.text, buildViewModel(draft)) as string;
  } catch (error) {
    throw templateProblem(template, error);
  }
  const tidy = body.replace(/\n{3,}/g, '\n\n').trimEnd();
  return withMarker(tidy, options.draftPath ? basename(options.draftPath) : undefined);
}

/** "alx.md:12: template error: …": liquidjs names the line and column in its message. */
function templateProblem(template: Template, error: unknown): TemplateError {
  const message = ((error as Error).message ?? String(error)).split('\n')[0]!;
  const at = /, line:(\d+), col:(\d+)/.exec(message);
  const what = message.replace(/, line:\d+, col:\d+/, '');
  return new TemplateError(at ? `${template.source}:${at[1]}` : template.source, `template error: ${what}.`.replace(/\.\.$/, '.'));
}
