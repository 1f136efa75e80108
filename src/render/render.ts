import { basename } from 'node:path';
import { Eta } from 'eta';
import type { Draft } from '../draft/schema.js';
import { TemplateError } from './template-error.js';
import { loadTemplate, type Template } from './templates.js';
import { buildViewModel } from './view-model.js';
import { escapeInline } from './escape.js';
import { GENERATED_MARKER } from './marker.js';


const eta = new Eta({
  autoEscape: true,
  escapeFunction: (value: unknown) => escapeInline(value === undefined || value === null ? '' : String(value)),
  // Line breaks after tags are kept unless a tag ends in `-%>`: a Markdown template reads as it renders.
  autoTrim: [false, false],
  cache: false,
});

export interface RenderOptions {
  template?: Template;
  /** The draft's file name, named in the generated-file marker. */
  draftPath?: string;
}

/** The finished README for a draft. Template problems are reported with the template's path. */
export function renderMarkdown(draft: Draft, options: RenderOptions = {}): string {
  const template = options.template ?? loadTemplate(draft.template ?? undefined);
  let body: string;
  try {
    body = eta.renderString(template.text, buildViewModel(draft));
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unknown error';
    throw new TemplateError(template.source, `template error: ${message}`);
  }
  const from = options.draftPath ? ` from ${basename(options.draftPath).replace(/-->|--/g, "-")}` : '';
  const tidy = body.replace(/\n{3,}/g, '\n\n').trimEnd();
  return `${tidy}\n\n${GENERATED_MARKER}${from}: edit the draft and render again. -->\n`;
}
