import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/render/liquid-engine.js';
import { buildViewModel } from '../../src/render/view-model.js';
import { parseDraftText } from '../../src/store/draft-file.js';
import { runs } from '../support/property.js';
import { fixture } from '../support/temp.js';

/*
 * The engine renders synchronous renders without liquidjs's generators (sync-render.ts). It
 * must be the same renderer in all but speed: any template, over any data, gives the same text
 * or the same error as liquidjs's own driver with the same options.
 */

const fast = createEngine();
/** The same engine with liquidjs's own renderTemplates back (the override is the instance's own). */
const generic = createEngine();
delete (generic.renderer as unknown as Record<string, unknown>).renderTemplates;

function outcome(engine: Liquid, template: string, data: object): string {
  try {
    // A copy each: `increment` writes into the data.
    return `ok:${engine.parseAndRenderSync(template, structuredClone(data)) as string}`;
  } catch (error) {
    return `error:${(error as Error).name}:${(error as Error).message}`;
  }
}

const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('x', 'other', 'action', '- item', '1. one', 'a_b', '*', '<b>', ''),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const item = fc.record({ x: value, kind: fc.constantFrom('other', 'action', 'detection'), text: value }, { requiredKeys: [] });
const data = fc.record({ a: value, b: value, n: fc.integer({ min: 0, max: 3 }), list: fc.array(item, { maxLength: 4 }), nested: fc.record({ deep: value }) });

const path = fc.constantFrom(
  'a', 'b', 'n', 'a.size', 'list', 'list.size', 'list.first.x', 'list[0].text', 'list[n].kind', 'nested.deep', 'nested["deep"]', 'missing', 'missing.deep',
  'item', 'item.x', 'item.kind', 'item.text.size', 'forloop.index', 'forloop.last', 'v', "'lit'", '3', 'nil', 'empty', 'blank', 'true', '(1..n)',
);
const filters = fc.constantFrom(
  '', ' | raw', ' | block', ' | inline', ' | downcase', " | default: '\u2013'", " | join: ', '", ' | size', ' | append: a', ' | first', ' | plus: n',
  " | replace: 'x', b", ' | escape', ' | upcase | raw', ' | nosuchfilter', ' | where: "kind", "action" | map: "x"', ' | slice: 0, n',
);
const operator = fc.constantFrom('==', '!=', '>', '<', '>=', '<=', 'contains', 'and', 'or');
const condition = fc.oneof(
  path,
  fc.tuple(path, operator, path).map(([l, op, r]) => `${l} ${op} ${r}`),
  fc.tuple(path, operator, path, fc.constantFrom('and', 'or'), path).map(([l, op, r, join, x]) => `${l} ${op} ${r} ${join} ${x}`),
  fc.tuple(path, filters).map(([p, f]) => `${p}${f.replace(' | nosuchfilter', '')}`),
);
const dash = fc.constantFrom('', '-');

const { template } = fc.letrec<{ template: string; node: string }>((tie) => ({
  template: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', ' ', '\n', '- ', '**', '  \n'),
    fc.tuple(path, filters, dash, dash).map(([p, f, l, r]) => `{{${l} ${p}${f} ${r}}}`),
    fc.tuple(condition, tie('template'), fc.option(fc.tuple(condition, tie('template'))), fc.option(tie('template')), dash)
      .map(([c, t, elsif, otherwise, d]) => `{% if ${c} ${d}%}${t}${elsif ? `{% elsif ${elsif[0]} %}${elsif[1]}` : ''}${otherwise !== null ? `{% else ${d}%}${otherwise}` : ''}{% endif ${d}%}`),
    fc.tuple(condition, tie('template'), fc.option(tie('template'))).map(([c, t, otherwise]) => `{% unless ${c} %}${t}${otherwise !== null ? `{% else %}${otherwise}` : ''}{% endunless %}`),
    fc.tuple(fc.constantFrom('list', 'a', '(1..n)', 'missing', 'list limit: 2', 'list reversed', 'list offset: 1'), tie('template'), fc.option(tie('template')), dash)
      .map(([c, t, otherwise, d]) => `{% for item in ${c} ${d}%}${t}${otherwise !== null ? `{% else %}${otherwise}` : ''}{% endfor ${d}%}`),
    fc.constantFrom('{% break %}', '{% continue %}', '{% if item.x %}{% break %}{% endif %}', '{% unless forloop.first %}, {% endunless %}'),
    fc.tuple(path, filters).map(([p, f]) => `{% assign v = ${p}${f} %}`),
    fc.tuple(tie('template')).map(([t]) => `{% capture v %}${t}{% endcapture %}`),
    fc.tuple(path, tie('template'), tie('template')).map(([p, t, u]) => `{% case ${p} %}{% when 'x', 1 %}${t}{% else %}${u}{% endcase %}`),
    fc.constantFrom('{% if a %}', '{{ a | }}', '{% endfor %}', '{{ a.b.c.d.e }}', '{% increment n %}', '{% cycle "a", "b" %}', '{% raw %}{{ a }}{% endraw %}'),
  ),
}));

describe('rendering without generators', () => {
  it('gives what liquidjs gives, text or error, for any template over any data (property)', () => {
    fc.assert(
      fc.property(template, data, (text, values) => {
        expect(outcome(fast, text, values)).toBe(outcome(generic, text, values));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('renders the built-in layouts as liquidjs does', () => {
    const draft = parseDraftText('d.yaml', readFileSync(fixture('seed-000-payment.yaml'), 'utf8')).draft;
    for (const layout of ['alx', 'sre']) {
      const text = readFileSync(new URL(`../../templates/${layout}.md`, import.meta.url), 'utf8');
      const model = buildViewModel({ ...draft, extras: { ...draft.extras, diagram: true } });
      const rendered = outcome(fast, text, model);
      expect(rendered.startsWith('ok:')).toBe(true);
      expect(rendered).toBe(outcome(generic, text, model));
    }
  });
});
