/*
 * Node built-ins that are loaded at start-up but used only on paths the first screen never
 * takes: commander's child_process (for executable subcommands), terminal-size's (for a
 * terminal that does not report its size) and ours (git's user name, read after the first
 * frame). Loading child_process also loads dgram and more. Each is loaded on first use.
 * signal-exit 3 loads all of assert for one check of its argument, made here without it.
 * conf (the settings, read and written just after the first frame) loads crypto for encrypted
 * stores and assert to compare its file with its defaults: crypto is never used here (no
 * encryption key), assert only when a settings file exists, so both load on first use.
 * CommonJS users get a proxy; ES modules (terminal-size, ours) name the functions they import:
 * a proxy has no own names for the ES module interop to copy.
 */
const LAZY_BUILTIN_USERS = [
  [/node_modules[\\/]commander[\\/]lib[\\/]command\.js$/, 'node:child_process'],
  [/node_modules[\\/]terminal-size[\\/]index\.js$/, 'node:child_process', ['execFileSync']],
  [/src[\\/]store[\\/]drafts\.ts$/, 'node:child_process', ['spawnSync']],
  [/node_modules[\\/]signal-exit[\\/]index\.js$/, 'assert'],
  [/node_modules[\\/]conf[\\/]dist[\\/]source[\\/]index\.js$/, 'node:crypto'],
  [/node_modules[\\/]conf[\\/]dist[\\/]source[\\/]index\.js$/, 'node:assert'],
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
export const lazyBuiltinsPlugin = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:child_process|node:crypto|node:assert|assert)$/ }, (args) => {
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
