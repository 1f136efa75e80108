// Production build: one minified bundle of the CLI and everything it uses, so `npx` installs
// nothing else and Node loads one file instead of hundreds of small modules.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const YOGA_BINARY = /node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const YOGA_INDEX = /node_modules[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/;
const INK_RECONCILER = /node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/;
const INK_ERROR_OVERVIEW = /node_modules[\\/]ink[\\/]build[\\/]components[\\/]ErrorOverview\.js$/;

function replaceOnce(source, from, to, file) {
  if (!source.includes(from)) throw new Error(`build: expected to find ${JSON.stringify(from)} in ${file}; the dependency changed.`);
  return source.replace(from, to);
}

/**
 * Yoga (ink's layout engine) ships its WebAssembly as a base64 data: URL that Emscripten
 * decodes through fetch, and starts with a top-level await. The bundle instead keeps the bytes
 * in dist/yoga.wasm and instantiates them synchronously: no fetch, no data: URL to parse.
 */
const yogaPlugin = {
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

/**
 * Ink's reconciler awaits its devtools and package.json only when DEV=true; the bundle has neither.
 * Ink's error screen builds its stack-trace parser at load (a regex per Node built-in, and
 * node:module to list them); it is built here when an error is first shown.
 */
const inkPlugin = {
  name: 'ink-without-devtools',
  setup(b) {
    b.onLoad({ filter: INK_RECONCILER }, ({ path }) => {
      let source = readFileSync(path, 'utf8');
      source = replaceOnce(source, "await import('./devtools.js');", 'void 0;', path);
      source = replaceOnce(source, '? await loadPackageJson()', '? {}', path);
      return { contents: source, loader: 'js' };
    });
    b.onLoad({ filter: INK_ERROR_OVERVIEW }, ({ path }) => {
      let source = readFileSync(path, 'utf8');
      source = replaceOnce(source, "import StackUtils from 'stack-utils';\n", '', path);
      source = replaceOnce(
        source,
        'const stackUtils = new StackUtils({\n    cwd: cwd(),\n    internals: StackUtils.nodeInternals(),\n});',
        `let stackUtilsMade;
const stackUtils = {
    parseLine(line) {
        const StackUtils = require('stack-utils');
        stackUtilsMade ??= new StackUtils({ cwd: cwd(), internals: StackUtils.nodeInternals() });
        return stackUtilsMade.parseLine(line);
    },
};`,
        path,
      );
      return { contents: source, loader: 'js' };
    });
  },
};

/*
 * The first touch of the `performance` global makes Node load nine perf_hooks modules (1.2-1.9 ms
 * here). React's scheduler and ink read it only to time their own work, for which Date's
 * milliseconds do: ink renders synchronously (legacy mode), so nothing is sliced finer.
 */
const SCHEDULER = /node_modules[\\/]scheduler[\\/]cjs[\\/]scheduler\.production\.js$/;
const INK_INSTANCE = /node_modules[\\/]ink[\\/]build[\\/]ink\.js$/;
const noPerformanceGlobalPlugin = {
  name: 'no-performance-global',
  setup(b) {
    b.onLoad({ filter: SCHEDULER }, ({ path }) => ({
      contents: replaceOnce(readFileSync(path, 'utf8'), 'if ("object" === typeof performance && "function" === typeof performance.now) {', 'if (false) {', path),
      loader: 'js',
    }));
    b.onLoad({ filter: INK_INSTANCE }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (source.split('performance.now()').length !== 3) throw new Error(`build: expected two performance.now() calls in ${path}; the dependency changed.`);
      return { contents: source.replaceAll('performance.now()', 'Date.now()'), loader: 'js' };
    });
  },
};

/*
 * conf (settings) imports ajv for JSON-schema validation and semver for migrations; this
 * project passes neither a schema nor migrations, so the bundle leaves both libraries out
 * (a third of its size) and fails loudly should conf ever reach for them.
 */
const unusedByConfPlugin = {
  name: 'conf-without-schema-or-migrations',
  setup(b) {
    const stubs = {
      'ajv/dist/2020.js': 'export class Ajv2020 { constructor() { throw new Error("postmortem-wizard: conf schemas are not part of this build"); } }',
      'ajv-formats': 'export default { default() { throw new Error("postmortem-wizard: conf schemas are not part of this build"); } };',
      semver: 'const fail = () => { throw new Error("postmortem-wizard: conf migrations are not part of this build"); }; export default { eq: fail, clean: fail, satisfies: fail, lte: fail, gt: fail };',
    };
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      args.importer.includes(`node_modules/conf/`) ? { path: args.path, namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: stubs[args.path], loader: 'js' }));
  },
};

/*
 * Node built-ins that are loaded at start-up but used only on paths the first screen never
 * takes: commander's child_process (for executable subcommands), terminal-size's (for a
 * terminal that does not report its size) and ours (git's user name, read after the first
 * frame). Loading child_process also loads dgram and more. Each is loaded on first use.
 * signal-exit 3 loads all of assert for one check of its argument, made here without it.
 * CommonJS users get a proxy; ES modules (terminal-size, ours) name the functions they import:
 * a proxy has no own names for the ES module interop to copy.
 */
const LAZY_BUILTIN_USERS = [
  [/node_modules[\\/]commander[\\/]lib[\\/]command\.js$/, 'node:child_process'],
  [/node_modules[\\/]terminal-size[\\/]index\.js$/, 'node:child_process', ['execFileSync']],
  [/src[\\/]commands[\\/]drafts\.ts$/, 'node:child_process', ['spawnSync']],
  [/node_modules[\\/]signal-exit[\\/]index\.js$/, 'assert'],
];
const SIGNAL_EXIT_ASSERT = `module.exports = { equal(actual, expected, message) { if (actual != expected) throw new Error(message); } };`;
function lazyBuiltin(name, esmNames) {
  const load = `let loaded; const load = () => (loaded ??= require(${JSON.stringify(name)}));\n`;
  if (esmNames) return `${load}${esmNames.map((fn) => `export function ${fn}(...args) { return load().${fn}(...args); }`).join('\n')}`;
  return `${load}module.exports = new Proxy(function () {}, {
  get: (_, key) => load()[key],
  apply: (_, self, argv) => load().apply(self, argv),
  has: (_, key) => key in load(),
});`;
}
const lazyBuiltinsPlugin = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:child_process|assert)$/ }, (args) => {
      const user = LAZY_BUILTIN_USERS.find(([importer, name]) => importer.test(args.importer) && name === args.path);
      if (!user) return undefined;
      return { path: user[2] ? `${args.path}#${user[2].join(',')}` : args.path, namespace: 'lazy-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      if (args.path === 'assert') return { loader: 'js', contents: SIGNAL_EXIT_ASSERT };
      const [name, names] = args.path.split('#');
      return { loader: 'js', contents: lazyBuiltin(name, names?.split(',')) };
    });
  },
};

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
const lazySegmenterPlugin = {
  name: 'lazy-segmenter',
  setup(b) {
    const helper = JSON.stringify(new URL('../src/ui/graphemes.ts', import.meta.url).pathname);
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

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist', { recursive: true, force: true });
const { mkdirSync } = await import('node:fs');
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
  plugins: [yogaPlugin, inkPlugin, noPerformanceGlobalPlugin, unusedByConfPlugin, lazySegmenterPlugin, lazyBuiltinsPlugin],
  logLevel: 'warning',
});
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));

/*
 * esbuild gives every ES module that imports a CommonJS one (React, Node's built-ins) its own
 * copy of the exports, one getter per name: before the first screen that was about 3,200
 * getters (React's 60 names for each of 43 importers). One copy per module and kind of import
 * serves every importer; the getters read the live exports, so sharing them changes nothing.
 * A module that gained exports since (a require cycle) gets a fresh copy.
 */
const COPY_ONCE = `((copyEach, copies) => (mod, isNodeMode) => {
  if (mod === null || (typeof mod !== "object" && typeof mod !== "function")) return copyEach(mod, isNodeMode);
  const kind = isNodeMode || !mod.__esModule ? 1 : 0;
  const names = Object.getOwnPropertyNames(mod).length;
  const held = copies.get(mod) ?? [];
  copies.set(mod, held);
  if (held[kind]?.names !== names) held[kind] = { names, copy: copyEach(mod, isNodeMode) };
  return held[kind].copy;
})`;
function copyEsmExportsOnce(code) {
  // The helper, minified or not: var NAME = (mod, isNodeMode, target) => (target = mod != null ? ...
  const helper = /var ([\w$]+) ?= ?\(([\w$]+), ?([\w$]+), ?([\w$]+)\) ?=> ?\(\s*\4 ?= ?\2 ?!= ?null ?\?/.exec(code);
  if (!helper) throw new Error("build: esbuild's __toESM helper changed; update copyEsmExportsOnce in scripts/build.mjs.");
  // The end of its `var` statement: the first `;` outside brackets (the helpers hold no `;` in strings).
  let depth = 0;
  let end = helper.index;
  for (; end < code.length; end++) {
    const char = code[end];
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ';' && depth === 0) break;
  }
  if (depth !== 0 || end === code.length) throw new Error('build: could not find the end of the __toESM helper.');
  const name = helper[1];
  return `${code.slice(0, end + 1)}${name}=${COPY_ONCE.replace(/\n\s*/g, ' ')}(${name}, new WeakMap());${code.slice(end + 1)}`;
}
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
