// Production build: one minified bundle of the CLI and everything it uses, so `npx` installs
// nothing else and Node loads one file instead of hundreds of small modules.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { asciiLiquidPlugin } from './build/ascii-liquid.mjs';
import { unusedByConfPlugin } from './build/conf-stubs.mjs';
import { copyEsmExportsOnce } from './build/esm-copies.mjs';
import { inkPlugin, noPerformanceGlobalPlugin } from './build/ink.mjs';
import { inkOutputPlugin } from './build/ink-output.mjs';
import { inkWrapPlugin } from './build/ink-wrap.mjs';
import { lazyBuiltinsPlugin } from './build/lazy-builtins.mjs';
import { builtinDefaultPlugin, oneSignalExitPlugin } from './build/shared-modules.mjs';
import { coldEntry, coldExternalPlugin, coldImports, coldPackages, resolveAsImportPlugin } from './build/cold-split.mjs';
import { lazySegmenterPlugin } from './build/string-width.mjs';
import { yogaPlugin } from './build/yoga.mjs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const plugins = [asciiLiquidPlugin, yogaPlugin, inkPlugin, inkWrapPlugin, inkOutputPlugin, noPerformanceGlobalPlugin, unusedByConfPlugin, lazySegmenterPlugin, lazyBuiltinsPlugin, oneSignalExitPlugin, builtinDefaultPlugin];
const options = {
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
  logLevel: 'warning',
};

// What loads before the first screen (and commander, which every other command needs first).
const WARM = ['src/cli.ts', 'src/cli-program.ts', 'src/commands/interactive.ts', 'src/ui/run.tsx'];
const whole = await build({ ...options, entryPoints: ['src/cli.ts'], outdir: 'dist', write: false, plugins });
const cold = coldPackages(whole.metafile, WARM);
const imports = await coldImports(build, whole.metafile, cold, { ...options, plugins });
const result = await build({ ...options, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, plugins: [coldExternalPlugin(cold, imports), ...plugins] });
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
const coldResult = await build({
  ...options,
  stdin: { contents: coldEntry(imports.keys()), resolveDir: '.', sourcefile: 'cold-entry.js' },
  outfile: 'dist/cli-cold.cjs',
  plugins: [resolveAsImportPlugin, ...plugins],
});
writeFileSync('dist/meta-cold.json', JSON.stringify(coldResult.metafile));

/*
 * What bin/ runs: each bundle wrapped as Node wraps a CommonJS module, so the launcher compiles
 * the file's text as it is (joining a wrapper to 720 KB of text made V8 copy it all before
 * compiling). The cold bundle's licences join the main bundle's.
 */
const LEGAL = 'dist/cli-bundle.LEGAL.txt';
const wrap = (from, to, body) => {
  writeFileSync(to, `/* postmortem-wizard: a CommonJS module wrapped as Node wraps one; bin/postmortem-wizard.cjs compiles it. */(function (exports, require, module, __filename, __dirname) {${body}\n})`, 'latin1');
  rmSync(from);
};
wrap('dist/cli.cjs', 'dist/cli-bundle.js', copyEsmExportsOnce(readFileSync('dist/cli.cjs', 'latin1')).replace('cli.cjs.LEGAL.txt', 'cli-bundle.LEGAL.txt'));
wrap('dist/cli-cold.cjs', 'dist/cli-cold.js', readFileSync('dist/cli-cold.cjs', 'latin1').replace(/\/\*! For license information please see cli-cold\.cjs\.LEGAL\.txt \*\/\n?/, ''));
const legal = ['dist/cli.cjs.LEGAL.txt', 'dist/cli-cold.cjs.LEGAL.txt'].filter((file) => existsSync(file));
writeFileSync(LEGAL, legal.map((file) => readFileSync(file, 'utf8')).join('\n'));
for (const file of legal) rmSync(file);

for (const file of ['dist/cli-bundle.js', 'dist/cli-cold.js']) {
  // bin/ runs the bundles in a vm.Script, where import() of anything left outside it (a Node
  // built-in) throws: built-ins must be required.
  const bundled = readFileSync(file, 'latin1');
  const dynamicImport = /\bimport\(\s*["'`]/.exec(bundled);
  if (dynamicImport) throw new Error(`build: ${file} imports a module at run time near offset ${dynamicImport.index}; use require for Node built-ins.`);

  // bin/ reads the bundles as latin1 (a third faster than UTF-8 decoding), which is exact only for
  // ASCII. (A profiling build keeps comments, which may not be ASCII; only they would read wrong.)
  const nonAscii = /[^\x00-\x7f]/.exec(bundled);
  if (nonAscii && !process.env.BUILD_PROFILE) throw new Error(`build: ${file} must be ASCII; found ${JSON.stringify(nonAscii[0])} at offset ${nonAscii.index} (write it as a \\u escape).`);
}
