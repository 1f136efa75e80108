import { readFileSync } from 'node:fs';

/*
 * bin/ reads the bundle as latin1, exact only for ASCII (see build.mjs). esbuild escapes
 * non-ASCII text in strings but leaves it in regular-expression literals, and liquidjs's (and chrono-node's, with its dashes in date ranges)
 * `slugify` filter has accented letters in its patterns: they are written as \u escapes here,
 * which mean the same inside a pattern.
 */
export const asciiLiquidPlugin = {
  name: 'ascii-liquid',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/](?:liquidjs|chrono-node)[\\/]dist[\\/].*\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
      return { contents, loader: 'js' };
    });
  },
};
