import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/property.js';
import { INVISIBLE } from '../../src/draft/clean-text.js';
import { escapeBlock, escapeInline, escapeInlineFully } from '../../src/render/escape.js';
import { parseMarkdown, plainText } from '../support/markdown.js';

/** What a reader sees of a one-line answer: the words, with runs of space as Markdown shows them. */
function asRead(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])?|\u009b[0-?]*[ -/]*[@-~]?/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    // Direction overrides and invisible characters are left out of the README.
    .replace(INVISIBLE, '')
    .replace(/\t/g, '  ')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(
    fc.constantFrom('#', '|', '- [x]', '`', '```', '<script>', '</b>', '*', '_', '[a](b)', '![i](x)', '\\', '&amp;', '>', '1.', '---', '~~', '\n', ' ', 'text', 'x_y', '<!--', ':', '+', '=', '\t', '\u001b[31m'),
    { maxLength: 12 },
  ).map((parts) => parts.join('')),
);

describe('escapeInline', () => {
  it('keeps the words and never makes structure (property, parsed as GitHub does)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const line = `- **Impact:** ${escapeInline(text)}`;
        const tree = parseMarkdown(line);
        expect(tree.children).toHaveLength(1);
        const list = tree.children[0]!;
        expect(list.type).toBe('list');
        if (list.type !== 'list') return;
        expect(list.children).toHaveLength(1);
        expect(list.children[0]!.checked ?? null).toBeNull();
        const blocks = list.children[0]!.children;
        expect(blocks).toHaveLength(1);
        expect(blocks[0]!.type).toBe('paragraph');
        const inline = blocks[0]!.type === 'paragraph' ? blocks[0]!.children : [];
        // Only the template's own bold, then plain text.
        for (const node of inline.slice(1)) expect(node.type).toBe('text');
        expect(plainText(list).replace(/\s+/g, ' ').replace(/^Impact: ?/, '').trim()).toBe(asRead(text).replace(/\s+/g, ' '));
      }),
      { numRuns: runs(500) },
    );
  });

  it('takes the short way only where the long way changes nothing (property)', () => {
    // Sentences of the characters the short way knows, and each character that could matter in any place.
    const plainish = fc
      .array(fc.constantFrom(...'aZ09 ,.;:!?\'"()/%@$=+#-_*`[]|~&<>\\\t\n\r\u00e9\u200b\u001b'.split(''), 'word', 'Step 12', 'Aug 2, 09:30 UTC'), { maxLength: 10 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(plainish, hostile), (text) => {
        expect(escapeInline(text)).toBe(escapeInlineFully(text));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('leaves web addresses readable (GitHub links them)', () => {
    expect(escapeInline('see https://status.example.com/incidents/42 now')).toBe('see https://status.example.com/incidents/42 now');
  });

  it.each([
    ['# Not a heading', '\\# Not a heading'],
    ['a | b', 'a \\| b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['line one\nline two', 'line one line two'],
    ['connection_pool and _emphasis_', 'connection_pool and \\_emphasis\\_'],
    ['1. first', '1\\. first'],
    ['- [x] done', '\\- \\[x\\] done'],
    ['\u001b[31mred\u001b[0m text\u0007', 'red text'],
  ])('escapes %j', (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });
});

describe('escapeBlock', () => {
  it('keeps paragraphs and the author\'s lists, escapes headings and HTML', () => {
    const text = 'First paragraph with <b>bold</b>.\n\n# Not a heading\n- item one\n* item two\n1. step\n\n\n\nLast.';
    expect(escapeBlock(text)).toBe(
      'First paragraph with &lt;b&gt;bold&lt;/b&gt;.\n\n\\# Not a heading\n- item one\n- item two\n1. step\n\nLast.',
    );
  });

  it('never produces a heading, table, HTML or code block (property)', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const tree = parseMarkdown(`## Root cause\n\n${escapeBlock(`${a}\n${b}`)}\n\n## Next`);
        const kinds = new Set<string>();
        const walk = (node: { type: string; children?: unknown[] }) => {
          kinds.add(node.type);
          for (const child of (node.children ?? []) as { type: string }[]) walk(child);
        };
        walk(tree);
        for (const forbidden of ['html', 'table', 'code', 'inlineCode', 'thematicBreak', 'blockquote', 'image', 'emphasis', 'strong', 'delete']) {
          expect(kinds.has(forbidden)).toBe(false);
        }
        const headings = tree.children.filter((node) => node.type === 'heading');
        expect(headings.map((h) => plainText(h))).toEqual(['Root cause', 'Next']);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('stars', () => {
  it('are left as written where they cannot start emphasis, escaped where they could', () => {
    expect(escapeInline('GET /api/v2/products/* failed')).toBe('GET /api/v2/products/* failed');
    expect(escapeInline('load was 5 * 3 times normal')).toBe('load was 5 * 3 times normal');
    expect(escapeInline('the *pool* leaked')).toBe('the \\*pool* leaked');
    expect(escapeInline('* not a list')).toBe('\\* not a list');
    expect(escapeInline('**bold** here')).toBe('\\*\\*bold** here');
    expect(escapeInline('ends with a star *')).toBe('ends with a star \\*');
  });
});
