import { readFileSync } from 'node:fs';
import { replaceOnce } from './replace-once.mjs';

/*
 * ink wraps text with wrap-ansi's `trim: false` (so a line's own indentation stays), which also
 * leaves the space it broke at at the start of the next row: a wrapped sentence reads
 * " the next day." Here that one space is dropped from rows that continue a line; a line's
 * own leading spaces are kept.
 */
const INK_WRAP = /node_modules[\\/]ink[\\/]build[\\/]wrap-text\.js$/;

export const inkWrapPlugin = {
  name: 'ink-wrap-without-leading-space',
  setup(b) {
    b.onLoad({ filter: INK_WRAP }, ({ path }) => {
      const source = replaceOnce(
        readFileSync(path, 'utf8'),
        `wrappedText = wrapAnsi(text, maxWidth, {
            trim: false,
            hard: true,
        });`,
        `wrappedText = text
            .split('\\n')
            .map((line) => wrapAnsi(line, maxWidth, { trim: false, hard: true })
                .split('\\n')
                .map((row, index) => (index === 0 ? row : row.replace(/^((?:\\u001b\\[[0-9;]*m)*) /, '$1')))
                .join('\\n'))
            .join('\\n');`,
        path,
      );
      return { contents: source, loader: 'js' };
    });
  },
};
