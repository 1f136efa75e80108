import { Liquid } from 'liquidjs';
import { escapeBlock, escapeInline } from './escape.js';
import { renderWithoutGenerators } from './sync-render.js';

/*
 * Templates are Liquid: a language with no access to JavaScript, files or the network, so a
 * template or a draft from someone else's repository can only arrange text. Every `{{ … }}`
 * is escaped for Markdown unless its last filter says otherwise (`block` for paragraphs, `raw`
 * for text the template's own author vouches for); `include`, `render` and `layout` find
 * nothing (no file is ever read from a template), and the limits stop a template that loops
 * or grows without end.
 */

function asText(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  return Array.isArray(value) ? value.map(asText).join(', ') : String(value);
}

/** Far above a 10,000-entry README (about 1.5 MB), far below what hurts. */
const LIMITS = { parseLimit: 2_000_000, renderLimit: 5_000, memoryLimit: 200_000_000 } as const;

export function createEngine(): Liquid {
  const engine = new Liquid({
    // Nothing is looked up on disk: partials and layouts come from this empty map only.
    templates: {},
    relativeReference: false,
    dynamicPartials: false,
    ownPropertyOnly: true,
    strictFilters: true,
    // `-%}` drops the line break after a tag, and only that, so a template reads as it renders.
    greedy: false,
    // A README reads the same whoever renders it: `date` writes English month names. (Left
    // unsaid, liquidjs asks the system for its locale, which loads ICU's data: 18 ms, 8 MB.)
    locale: 'en-US',
    outputEscape: (value: unknown) => escapeInline(asText(value)),
    ...LIMITS,
  });
  engine.registerFilter('block', { handler: (value: unknown) => escapeBlock(asText(value)), raw: true });
  engine.registerFilter('inline', { handler: (value: unknown) => escapeInline(asText(value)), raw: true });
  renderWithoutGenerators(engine);
  return engine;
}
