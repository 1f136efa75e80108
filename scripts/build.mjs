// Production build: one minified bundle of the CLI and everything it uses, so `npx` installs
// nothing else and Node loads one file instead of hundreds of small modules.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { asciiLiquidPlugin } from './build/ascii-liquid.mjs';
import { unusedByConfPlugin } from './build/conf-stubs.mjs';
import { copyEsmExportsOnce } from './build/esm-copies.mjs';
import { inkPlugin, noPerformanceGlobalPlugin } from './build/ink.mjs';
import { inkOutputPlugin } from './build/ink-output.mjs';
import { inkWrapPlugin } from './build/ink-wrap.mjs';
import { lazyBuiltinsPlugin } from './build/lazy-builtins.mjs';
import { builtinDefaultPlugin, oneSignalExitPlugin } from './build/shared-modules.mjs';
import { lazySegmenterPlugin } from './build/string-width.mjs';
import { yogaPlugin } from './build/yoga.mjs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const result = await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !process.env.BUILD_PROFILE,
  keepNames: Boolean(process.env.BUILD_PROFILE),
  legalComments: 'linked',
  metafile: true,
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    // The bundle's own place, asked for only by the template loader: computed when first read.
    'import.meta': '__pmwImportMeta',
    __PMW_VERSION__: JSON.stringify(manifest.version),
  },
  banner: { js: 'var __pmwImportMeta={get url(){return require("url").pathToFileURL(__filename).href}};' },
  plugins: [asciiLiquidPlugin, yogaPlugin, inkPlugin, inkWrapPlugin, inkOutputPlugin, noPerformanceGlobalPlugin, unusedByConfPlugin, lazySegmenterPlugin, lazyBuiltinsPlugin, oneSignalExitPlugin, builtinDefaultPlugin],
  logLevel: 'warning',
});
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));

/*
 * What bin/ runs: the bundle wrapped as Node wraps a CommonJS module, so the launcher compiles the
 * file's text as it is (joining a wrapper to 720 KB of text made V8 copy it all before compiling).
 */
const BUNDLE = 'dist/cli-bundle.js';
const LEGAL = 'dist/cli-bundle.LEGAL.txt';
const body = copyEsmExportsOnce(readFileSync('dist/cli.cjs', 'latin1')).replace('cli.cjs.LEGAL.txt', 'cli-bundle.LEGAL.txt');
writeFileSync(
  BUNDLE,
  `/* postmortem-wizard: a CommonJS module wrapped as Node wraps one; bin/postmortem-wizard.cjs compiles it. */(function (exports, require, module, __filename, __dirname) {${body}\n})`,
  'latin1',
);
renameSync('dist/cli.cjs.LEGAL.txt', LEGAL);
rmSync('dist/cli.cjs');

// bin/ runs the bundle in a vm.Script, where import() of anything left outside it (a Node
// built-in) throws: built-ins must be required.
const bundled = readFileSync(BUNDLE, 'latin1');
const dynamicImport = /\bimport\(\s*["'`]/.exec(bundled);
if (dynamicImport) throw new Error(`build: ${BUNDLE} imports a module at run time near offset ${dynamicImport.index}; use require for Node built-ins.`);

// bin/ reads the bundle as latin1 (a third faster than UTF-8 decoding), which is exact only for
// ASCII. (A profiling build keeps comments, which may not be ASCII; only they would read wrong.)
const nonAscii = /[^\x00-\x7f]/.exec(bundled);
if (nonAscii && !process.env.BUILD_PROFILE) throw new Error(`build: ${BUNDLE} must be ASCII; found ${JSON.stringify(nonAscii[0])} at offset ${nonAscii.index} (write it as a \\u escape).`);
