import { readFileSync } from 'node:fs';
import { replaceOnce } from './replace-once.mjs';

/**
 * Unicode-property regexes (\p{RGI_Emoji} and friends) cost milliseconds to create; string-width
 * creates several at load although plain text never reaches them. Each becomes a function that
 * builds its regex on first use.
 */
function lazyUnicodeRegexes(source) {
  const names = [];
  let out = source.replace(/^const (\w+Regex) = (\/(?:\\.|[^/\n])+\/[a-z]*);$/gm, (line, name, literal) => {
    if (!literal.includes('\\p{')) return line;
    names.push(name);
    return `let ${name}__; const ${name} = () => (${name}__ ??= ${literal});`;
  });
  for (const name of names) out = out.replace(new RegExp(`\\b${name}\\b(?!\\s*=)`, 'g'), `${name}()`);
  return out;
}

/*
 * Text of single-width letters, punctuation, arrows and box drawing (everything ink draws for
 * most screens) has the width of its code points: string-width's per-grapheme path, with its
 * emoji regexes, is kept for the rest. The ranges hold no marks, joiners, controls or
 * default-ignorables, so both paths agree (the e2e tests draw wide characters through both).
 */
const SIMPLE_WIDTH = String.raw`/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u27BF]*$/`;
function simpleWidthFastPath(source, path) {
  const fast = (indent) =>
    `${indent}if (${SIMPLE_WIDTH}.test(string)) {\n${indent}\tlet width = 0;\n${indent}\tfor (const character of string) width += eastAsianWidth(character.codePointAt(0), {ambiguousAsWide: !ambiguousIsNarrow});\n${indent}\treturn width;\n${indent}}\n`;
  if (source.includes('// Fast path: printable ASCII')) {
    return replaceOnce(source, '\tlet width = 0;\n\tconst eastAsianWidthOptions', `${fast('\t')}\n\tlet width = 0;\n\tconst eastAsianWidthOptions`, path);
  }
  return replaceOnce(source, '\tif (string.length === 0) {\n\t\treturn 0;\n\t}\n', `\tif (string.length === 0) {\n\t\treturn 0;\n\t}\n${fast('\t')}`, path);
}

/** ink's text measuring creates grapheme segmenters at load; ours creates them when needed (src/ui/graphemes.ts). */
const SEGMENTER_USERS = /node_modules[\\/](string-width|wrap-ansi[\\/]node_modules[\\/]string-width|@alcalzone[\\/]ansi-tokenize[\\/]build|slice-ansi)[\\/][^\\/]+\.js$/;
export const lazySegmenterPlugin = {
  name: 'lazy-segmenter',
  setup(b) {
    const helper = JSON.stringify(new URL('../../src/ui/graphemes.ts', import.meta.url).pathname);
    b.onLoad({ filter: SEGMENTER_USERS }, ({ path }) => {
      let source = lazyUnicodeRegexes(readFileSync(path, 'utf8'));
      if (/string-width[\\/]index\.js$/.test(path)) source = simpleWidthFastPath(source, path);
      if (!source.includes('new Intl.Segmenter(')) return { contents: source, loader: 'js' };
      return {
        contents: `import { createSegmenter as __pmwSegmenter } from ${helper};\n${source.replaceAll('new Intl.Segmenter(', '__pmwSegmenter(')}`,
        loader: 'js',
      };
    });
  },
};
