import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/draft/schema.js';
import { validateDraft } from '../../src/draft/schema.js';
import { importPostmortem } from '../../src/import/import-postmortem.js';
import { runs } from '../support/property.js';

/*
 * Never throws, drops nothing: any input gives a valid draft, and every word of every line of
 * the input is in the draft (its fields or notes) — the whole line, not a suffix of it.
 */

// Emphasis and code marks join what they touch ("a`b`" reads "ab"): they are not separators.
const wordsOf = (text: string) => text.normalize('NFC').toLowerCase().replace(/[*_`~]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];

function draftWords(draft: Draft): Set<string> {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(draft);
  return new Set(wordsOf(texts.join(' ')));
}

const FENCE_INFO = /^((?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*)(?:`{3,}(?=[^`]*$)|~{3,}).*$/;

// An address in angle brackets ("<https://x>", "<aa:a>") is a link showing the address.
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;

/**
 * Words markup is made of (and entity names), not the author's text. A tag or a link's brackets
 * part the words either side or, inline ("a<b>b</b>", "[a]()a" read "ab", like emphasis marks),
 * join them: `join` says which.
 */
function authorText(line: string, join = false): string {
  // GitHub emoji codes (":fire:") at a line's start, indented, quoted or emphasised or not, are pictures; a code fence's info string ("```bash") is never shown.
  const text = line.replace(FENCE_INFO, '$1').replace(/^([ \t>]*(?:[-*+] |\d+[.)] )?[*_~]*)(?::[a-z0-9_+-]{1,40}:\s*)+/, '$1').replace(AUTOLINK, '$1');
  if (!join) return text.replace(/&#?\w+;/g, ' ').replace(/<\/?[a-z][^>]*>/gi, ' ');
  // Joined, a character reference is the character it names ("a&#76;" reads "aL").
  const character = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd');
  return text
    .replace(/&#(\d{1,7});/g, (_, n: string) => character(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => character(parseInt(n, 16)))
    .replace(/&\w+;|<\/?[a-z][^>]*>|[[\]()]/gi, '');
}

// What GitHub never shows, however many lines it runs over: comments, declarations ("<!DOCTYPE"),
// processing instructions and CDATA, each to its end or, unclosed, to the end of the text.
const HIDDEN_HTML = /<!--[\s\S]*?(?:-->|$)|<![A-Za-z][^>]*(?:>|$)|<\?[\s\S]*?(?:\?>|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g;

function expectEveryWord(input: string, draft: Draft): void {
  const have = draftWords(draft);
  for (const line of input.replace(HIDDEN_HTML, (hidden) => hidden.replace(/[^\n]/g, ' ')).split('\n')) {
    const missing = (join: boolean) => wordsOf(authorText(line, join)).filter((w) => !have.has(w));
    // Whether a reader takes a tag as one ("a<a<>a", "a`<a>a`" are text) is Markdown's to say: either way will do.
    if (missing(true).length > 0) expect(missing(false), `line: ${line}`).toEqual([]);
  }
}

// Words that name sections, times, zones or kinds are read as structure; the grammar avoids them.
const word = fc.stringMatching(/^[b-df-hj-np-tv-z]{3,7}$/);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const inlineText = fc.oneof(
  words,
  words.map((w) => `**${w}**`),
  words.map((w) => `*${w}*`),
  words.map((w) => `\`${w}\``),
  fc.tuple(words, word).map(([w, u]) => `[${w}](https://example.com/${u})`),
  fc.tuple(words, words).map(([a, b]) => `${a} **${b}**`),
);
const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    inlineText,
    fc.tuple(fc.integer({ min: 1, max: 6 }), inlineText).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
    fc.tuple(inlineText, fc.constantFrom('=', '-')).map(([t, c]) => `${t}\n${c.repeat(5)}`),
    fc.array(inlineText, { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
    fc.array(inlineText, { minLength: 1, maxLength: 4 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
    fc.tuple(inlineText, tie('block')).map(([i, b]) => `- ${i}\n\n${b.split('\n').map((l) => `    ${l}`).join('\n')}`),
    tie('block').map((b) => b.split('\n').map((l) => `> ${l}`).join('\n')),
    fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 4 }).map((rows) => `| ${rows[0]![0]} | ${rows[0]![1]} |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`),
    words.map((w) => `\`\`\`\n${w}\n\`\`\``),
    fc.tuple(words, words).map(([a, b]) => `<div><p>${a}</p><b>${b}</b></div>`),
    fc.tuple(word, inlineText).map(([k, v]) => `${k}: ${v}`),
  ),
})).block;
const markdown = fc.array(block, { minLength: 1, maxLength: 12 }).map((blocks) => blocks.join('\n\n'));

describe('import never throws and drops nothing', () => {
  it('random Markdown from a grammar: a valid draft with every word of every line', () => {
    fc.assert(
      fc.property(markdown, (input) => {
        const { draft } = importPostmortem(input);
        expect(validateDraft(draft).ok).toBe(true);
        expectEveryWord(input, draft);
      }),
      { numRuns: runs(300) },
    );
  });

  it('random text and bytes: a valid draft, every word kept', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: fc.constantFrom(...'ab #*-_>|`[]()<>&;:!\n\t 0123456789.'.split('')), maxLength: 400 })), (input) => {
        const { draft } = importPostmortem(input);
        expect(validateDraft(draft).ok).toBe(true);
        expectEveryWord(input.replace(/\u0000/g, ' '), draft);
      }),
      { numRuns: runs(300) },
    );
  });

  it('an ordered item that opens on a list keeps its number (found by the property above: "7) *")', () => {
    for (const input of ['7) *', '7) * x', '3. - [ ] y', '12) 1. z']) expectEveryWord(input, importPostmortem(input).draft);
  });

  it('a code span keeps the spaces and line ends at its edges (found by the property above: "` a\\n`a")', () => {
    for (const input of ['` a\n`a', '` a\n`b', 'x`\na `b', '` a `b', 'b` a `', '> ` a\n> `b', '- ` a\n  `b', '`` `x` ``y']) expectEveryWord(input, importPostmortem(input).draft);
    expect(importPostmortem('` a\n`b').draft.notes).toBe('a\nb');
  });

  it('an ordered item that opens on a code block, heading, rule or empty quote keeps its number ("1. ```a" lost its 1, found next to the property\'s "```a"; then "4.\\t>")', () => {
    for (const input of ['1. ```a', '12) ~~~', '3) # x', '2. ---', '4. > ```\n> code', '4.\t>', '5. > - x']) expectEveryWord(input, importPostmortem(input).draft);
  });

  it('an HTML comment or declaration is hidden over all its lines (found by the property above: "<!a")', () => {
    for (const input of ['<!a', '<!a\nb', '<!--\na\n-->\nb', 'x <!-- a\nb -->', '<!DOCTYPE html>\nsome text']) expectEveryWord(input, importPostmortem(input).draft);
    expect(importPostmortem('<!--\na\n-->\nb').draft.notes).toBe('b');
  });

  it('an emoji code after a line\'s indent, quote mark or emphasis is a picture too (found by the property above: " :a:;", "_:a:!_", "a\\n>:b:a")', () => {
    for (const input of [' :a:;', '  - :fire: b', '1. :a: c', '_:a:!_', 'a\n>:b:a']) expectEveryWord(input, importPostmortem(input).draft);
    expect(importPostmortem(' :a:;').draft.notes).toBe(';');
  });

  it('an inline tag, link or character reference joins the words it touches, as GitHub shows them (found by the property above: "a<a>a", "[a]()a", "a&#76;")', () => {
    for (const input of ['a<a>a', 'x<b>y</b>z', 'x<div>y', 'a<a<>a', 'a`<a>a`', 'a<a->a', '<aa:a>a', '[a]()a', 'a&#76;']) expectEveryWord(input, importPostmortem(input).draft);
  });

  it('a line of 100,000 spaces, or of tabs, then text', () => {
    for (const pad of [' ', '\t']) {
      const input = `${pad.repeat(100_000)}words after the gap\n${pad.repeat(100_000)}- 10:00 alert: more words`;
      const { draft } = importPostmortem(input);
      expectEveryWord(input, draft);
    }
  });

  it('a million lines, 10 MB on one line, and nesting no one writes', () => {
    const million = 'a line of text\n'.repeat(1_000_000);
    expect(importPostmortem(million).draft.notes?.length).toBeGreaterThan(1_000_000);
    const long = `${'word '.repeat(2_000_000)}end`;
    expect(importPostmortem(long).draft.notes).toContain('end');
    for (const deep of ['>'.repeat(50_000) + ' deep', `${'- '.repeat(20_000)}deep`, `${'  '.repeat(5000)}- deep`, '*'.repeat(100_000) + 'deep', '['.repeat(50_000) + 'deep', `<div>`.repeat(20_000) + 'deep']) {
      expect(JSON.stringify(importPostmortem(deep).draft)).toContain('deep');
    }
    // About 7 s alone on 2 cores: room for a busy machine (no time is asserted; `npm run bench` times it).
  }, 60_000);
});
