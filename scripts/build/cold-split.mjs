/*
 * The libraries that only other commands use (the import's HTML and Markdown parsers, the
 * template engine, the YAML libraries, the settings store: about 700 KB) go to a second file,
 * dist/cli-cold.js, which bin/ loads the first time one of them is required. The wizard's first
 * question then reads and deserializes less (1.3 MB of text and 834 KB of code cache before).
 *
 * "Cold" is computed, not listed: every package the bundle holds that no module loaded before
 * the first screen imports statically (scripts/build.mjs builds once to read that graph).
 * The main bundle requires each as `pmw-cold:<specifier>`; the cold bundle exports one function
 * that evaluates the package asked for, once, as the main bundle would have.
 */
const COLD_PREFIX = 'pmw-cold:';

/** The folder of the package a file belongs to (the innermost node_modules/<name>), or undefined. */
const packageOf = (path) => /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(path.replace(/\\/g, '/'))?.[1]?.replace(/^.*?(node_modules\/)/, '$1');

/** Package folders in the bundle that none of `entries` reaches through static imports. */
export function coldPackages(metafile, entries) {
  const reached = new Set();
  const queue = [...entries];
  while (queue.length) {
    const path = queue.pop();
    if (reached.has(path)) continue;
    reached.add(path);
    for (const imported of metafile.inputs[path]?.imports ?? []) if (imported.kind !== 'dynamic-import' && !imported.external) queue.push(imported.path);
  }
  const warm = new Set([...reached].map(packageOf).filter(Boolean));
  const all = new Set(Object.keys(metafile.inputs).map(packageOf).filter(Boolean));
  return [...all].filter((name) => !warm.has(name)).sort();
}

/**
 * The cold packages' specifiers the wizard's own modules import, each with how to import it: an
 * ES module's export names (read by bundling it alone), or null for a CommonJS one.
 */
export async function coldImports(build, metafile, cold, options) {
  const folders = new Set(cold);
  const found = new Map();
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    if (packageOf(importer)) continue;
    for (const imported of input.imports) {
      const folder = packageOf(imported.path);
      if (imported.original && folder && folders.has(folder)) found.set(imported.original, metafile.inputs[imported.path]?.format);
    }
  }
  const exportsOf = async (contents) => {
    const result = await build({ ...options, stdin: { contents, resolveDir: '.' }, format: 'esm', write: false, outdir: 'dist', logLevel: 'silent' }).catch(() => undefined);
    return result ? Object.values(result.metafile.outputs).find((output) => output.entryPoint === '<stdin>')?.exports ?? [] : [];
  };
  const entries = await Promise.all(
    [...found].map(async ([specifier, format]) => {
      if (format !== 'esm') return [specifier, null];
      const [named, withDefault] = await Promise.all([exportsOf(`export * from ${JSON.stringify(specifier)};`), exportsOf(`export { default } from ${JSON.stringify(specifier)};`)]);
      return [specifier, [...named, ...withDefault]];
    }),
  );
  return new Map(entries);
}

/**
 * Main bundle: a cold package is required as `pmw-cold:<specifier>`. A CommonJS one is imported
 * as esbuild imports any CommonJS module; an ES module gets a small ES module that takes its
 * exports from the required namespace (importing a CommonJS module from this package's ES
 * modules would make the whole namespace its default, as Node does).
 */
export function coldExternalPlugin(cold, imports) {
  const folders = new Set(cold);
  return {
    name: 'cold-external',
    setup(b) {
      b.onResolve({ filter: /^[@a-z]/ }, async (args) => {
        if (args.pluginData?.coldCheck || args.kind === 'entry-point' || args.namespace === 'cold-esm') return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { coldCheck: true } });
        const folder = !resolved.errors.length && !resolved.external ? packageOf(resolved.path) : undefined;
        if (!folder || !folders.has(folder)) return undefined;
        // Only the wizard's own modules import cold packages; a warm library doing so would load them early.
        if (packageOf(args.importer)) throw new Error(`build: ${args.importer} (loaded before the first screen) imports ${args.path}, which is in dist/cli-cold.js.`);
        if (!imports.has(args.path)) throw new Error(`build: ${args.importer} imports ${args.path}, which the first pass did not see.`);
        // import() of something outside the bundle stays import(), which bin/'s vm.Script cannot run.
        if (imports.get(args.path) || args.kind === 'dynamic-import') return { path: args.path, namespace: 'cold-esm' };
        return { path: `${COLD_PREFIX}${args.path}`, external: true };
      });
      b.onResolve({ filter: /.*/, namespace: 'cold-esm' }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: 'cold-esm' }, (args) => {
        const names = imports.get(args.path);
        const required = `require(${JSON.stringify(`${COLD_PREFIX}${args.path}`)})`;
        if (!names) return { contents: `module.exports = ${required};`, loader: 'js' };
        const named = names.filter((name) => name !== 'default');
        const lines = [`const cold = ${required};`];
        if (names.includes('default')) lines.push('export default cold.default;');
        if (named.length) lines.push(`export const { ${named.join(', ')} } = cold;`);
        return { contents: lines.join('\n'), loader: 'js' };
      });
    },
  };
}

/** The cold bundle's entry: each specifier evaluated when first asked for, once. */
export function coldEntry(specifiers) {
  const table = [...specifiers].sort().map((specifier) => `  ${JSON.stringify(specifier)}: () => require(${JSON.stringify(specifier)}),`);
  return `const load = {\n${table.join('\n')}\n};\nconst loaded = new Map();\nmodule.exports = (specifier) => {\n  if (!loaded.has(specifier)) loaded.set(specifier, load[specifier]());\n  return loaded.get(specifier);\n};\n`;
}

/**
 * The main bundle imported these packages (ES modules import them), so the cold bundle resolves
 * its entry's require() calls as imports: the same files, not a package's CommonJS build.
 */
export const resolveAsImportPlugin = {
  name: 'cold-entry-as-import',
  setup(b) {
    b.onResolve({ filter: /^[@a-z]/ }, async (args) => {
      if (args.kind !== 'require-call' || args.importer !== '<stdin>') return undefined;
      const resolved = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
      if (resolved.errors.length) return { errors: resolved.errors };
      return { path: resolved.path };
    });
  },
};
