import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * Two copies of signal-exit 3 reach the first screen (ink's and restore-cursor's), and each
 * installs its own handler for every signal it watches. restore-cursor is given ink's copy when
 * both are the same version (the build fails should they part).
 */
export const oneSignalExitPlugin = {
  name: 'one-signal-exit',
  setup(b) {
    b.onResolve({ filter: /^signal-exit$/ }, async (args) => {
      if (!/node_modules[\\/]restore-cursor[\\/]/.test(args.importer)) return undefined;
      const ink = await b.resolve('signal-exit', { kind: args.kind, resolveDir: join('node_modules', 'ink', 'build') });
      const own = await b.resolve('signal-exit', { kind: args.kind, resolveDir: args.resolveDir });
      const version = (path) => JSON.parse(readFileSync(join(dirname(path), 'package.json'), 'utf8')).version;
      if (ink.errors.length || own.errors.length) throw new Error('build: signal-exit no longer resolves from ink or restore-cursor; update scripts/build/shared-modules.mjs.');
      if (version(ink.path) !== version(own.path)) throw new Error(`build: ink and restore-cursor now use signal-exit ${version(ink.path)} and ${version(own.path)}; update scripts/build/shared-modules.mjs.`);
      return { path: ink.path };
    });
  },
};

/*
 * `import fs from 'node:fs'` in an ES module that esbuild turns into CommonJS copies every
 * property of the built-in onto a new object: before the first screen that was about 100 getters
 * for fs and 160 for process. A module that imports only the default of a built-in gets the
 * built-in itself (from a small ES module, which needs no copy); one that imports names from it
 * is left as it is.
 */
const escape = (name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
export const builtinDefaultPlugin = {
  name: 'builtin-default-without-copy',
  setup(b) {
    const defaultOnly = new Map();
    b.onResolve({ filter: /^[a-z_/:]+$/ }, (args) => {
      if (args.kind !== 'import-statement' || !isBuiltin(args.path) || !args.importer) return undefined;
      const key = `${args.importer}\0${args.path}`;
      if (!defaultOnly.has(key)) {
        const source = readFileSync(args.importer, 'utf8');
        const from = `from ['"]${escape(args.path)}['"]`;
        defaultOnly.set(key, new RegExp(`^import \\w+ ${from};?$`, 'm').test(source) && !new RegExp(`^import (?:\\w+, *)?(?:\\{[^}]*\\}|\\* as \\w+) ${from}`, 'm').test(source));
      }
      return defaultOnly.get(key) ? { path: args.path, namespace: 'builtin-default' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin-default' }, (args) => ({ contents: `export default require(${JSON.stringify(args.path)});\n`, loader: 'js' }));
  },
};
