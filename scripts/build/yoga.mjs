import { readFileSync, writeFileSync } from 'node:fs';

const YOGA_BINARY = /node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const YOGA_INDEX = /node_modules[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/;

/**
 * Yoga (ink's layout engine) ships its WebAssembly as a base64 data: URL that Emscripten
 * decodes through fetch, and starts with a top-level await. The bundle instead keeps the bytes
 * in dist/yoga.wasm and instantiates them synchronously: no fetch, no data: URL to parse.
 */
export const yogaPlugin = {
  name: 'yoga-sync',
  setup(b) {
    b.onLoad({ filter: YOGA_BINARY }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const match = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(source);
      if (!match) throw new Error('build: the yoga binary no longer embeds a base64 data: URL.');
      writeFileSync('dist/yoga.wasm', Buffer.from(match[1], 'base64'));
      return { contents: source.replace(match[0], '""'), loader: 'js' };
    });
    b.onLoad({ filter: YOGA_INDEX }, () => ({
      resolveDir: 'node_modules/yoga-layout/dist/src',
      loader: 'js',
      contents: `
        import { readFileSync } from 'node:fs';
        import { join } from 'node:path';
        import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
        import wrapAssembly from './wrapAssembly.js';
        const module = {
          instantiateWasm(imports, receive) {
            const compiled = new WebAssembly.Module(readFileSync(join(__dirname, 'yoga.wasm')));
            const instance = new WebAssembly.Instance(compiled, imports);
            receive(instance, compiled);
            return instance.exports;
          },
        };
        loadYoga(module);
        const Yoga = wrapAssembly(module);
        export default Yoga;
        export * from './generated/YGEnums.js';
      `,
    }));
  },
};
