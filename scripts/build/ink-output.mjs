import { readFileSync } from 'node:fs';
import { replaceOnce } from './replace-once.mjs';

/*
 * ink turns each frame into text cell by cell: a fresh blank object for every cell of the frame,
 * and, between every two neighbouring characters, the ANSI codes that change (three Sets and
 * five arrays each, even between two characters of the same style). The first frame made about
 * 1 MB of garbage that way (a young-generation scavenge before the first question) and every
 * keystroke's frame does it again. Here unwritten cells share one blank, a run of characters
 * shares its style list, and characters styled alike need no diff (whose result is empty then).
 * The output is the same text (test/build/ink-output.test.ts compares both builds).
 */
const STYLED_CHARS = /node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/;
const INK_OUTPUT = /node_modules[\\/]ink[\\/]build[\\/]output\.js$/;

function patchStyledChars(source, path = 'styledChars.js') {
  let out = replaceOnce(
    source,
    `            ret.push({
                ...token,
                styles: [...codes],
            });`,
    // \`codes\` is replaced, never changed, when a code arrives: the characters until then share it.
    `            ret.push({
                ...token,
                styles: codes,
            });`,
    path,
  );
  out = replaceOnce(
    out,
    `        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`,
    `        else if (!sameStyles(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`,
    path,
  );
  return `${out}
function sameStyles(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false;
    return true;
}
`;
}

function patchInkOutput(source, path = 'output.js') {
  // Cells are replaced when written, never changed: the blank ones can be one object.
  const withBlank = replaceOnce(
    source,
    `            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }`,
    `            for (let x = 0; x < this.width; x++) {
                row.push(BLANK_CELL);
            }`,
    path,
  );
  return replaceOnce(withBlank, 'export default class Output {', `const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });\nexport default class Output {`, path);
}

export const inkOutputPlugin = {
  name: 'ink-output-without-garbage',
  setup(b) {
    b.onLoad({ filter: STYLED_CHARS }, ({ path }) => ({ contents: patchStyledChars(readFileSync(path, 'utf8'), path), loader: 'js' }));
    b.onLoad({ filter: INK_OUTPUT }, ({ path }) => ({ contents: patchInkOutput(readFileSync(path, 'utf8'), path), loader: 'js' }));
  },
};
