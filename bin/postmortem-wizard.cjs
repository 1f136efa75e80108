#!/usr/bin/env node
'use strict';
// Loads the bundled CLI with a V8 code cache: the first run compiles the bundle as usual and
// keeps the compiled code in the user's cache folder; later runs skip most of the compiling.
// (Node 22 does this with module.enableCompileCache(); Node 20 has no such switch.)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

// dist/cli-bundle.js and dist/cli-cold.js are bundles wrapped as Node wraps a CommonJS module
// (scripts/build.mjs). The cold one holds the libraries the wizard's first screen does not use;
// the main bundle requires them as `pmw-cold:<name>` and it is loaded then.
const bundle = path.join(__dirname, '..', 'dist', 'cli-bundle.js');
const coldBundle = path.join(__dirname, '..', 'dist', 'cli-cold.js');
const args = process.argv.slice(2);

// Each command compiles a different part of the bundle: one cache each (the wizard's is shared).
const kind = args.length === 0 || args[0] === 'new' || args[0] === 'resume' ? 'wizard' : /^(render|check|list|import|timeline)$/.test(args[0]) ? args[0] : 'other';

function cacheFile(file, stat) {
  if (process.env.POSTMORTEM_WIZARD_NO_CODE_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const cold = file === coldBundle ? '-cold' : '';
  const key = `${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}-${kind}${cold}`;
  return path.join(base, 'postmortem-wizard', `${key}.v8cache`);
}

/**
 * Each build of the bundle (an upgrade) gets new cache files: the ones this Node.js version kept
 * for older builds of the same command are removed when the new one is written, so the folder
 * does not grow with every upgrade. Other Node.js versions' caches stay (nvm users switch back).
 */
function forgetOlderBuilds(cache) {
  const name = path.basename(cache);
  const [, prefix, suffix] = /^(v[\d.]+-[^-]+)-\d+-\d+(-.+)$/.exec(name);
  for (const other of fs.readdirSync(path.dirname(cache))) {
    if (other === name || !other.startsWith(`${prefix}-`) || !other.endsWith(suffix)) continue;
    // The same command and bundle: `-render.v8cache` is not `-render-cold.v8cache`.
    if (!/^\d+-\d+$/.test(other.slice(prefix.length + 1, other.length - suffix.length))) continue;
    try {
      fs.unlinkSync(path.join(path.dirname(cache), other));
    } catch {
      // Removed by another run at the same moment, or not ours to remove.
    }
  }
}

/** Runs a bundle with its code cache; `save` writes the cache if it was missing or outdated. */
function load(file, bundleRequire) {
  // The build checks the bundle is ASCII, for which latin1 is the same text and faster to read.
  const source = fs.readFileSync(file, 'latin1');
  const cache = cacheFile(file, fs.statSync(file));
  let cachedData;
  try {
    if (cache) cachedData = fs.readFileSync(cache);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, bundleRequire, module, file, path.dirname(file));
  // The cache holds the functions compiled so far, so it is written when a run has done the work
  // worth keeping: the wizard once its first screen is drawn (what runs after that compiles as
  // needed, and a smaller cache loads faster), other commands when they succeed. Only a missing
  // or outdated cache is written: making one takes longer than the start-up it saves.
  let wanted = cache !== undefined && (!cachedData || script.cachedDataRejected);
  const save = () => {
    if (!wanted) return;
    wanted = false;
    try {
      const data = script.createCachedData();
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      const temp = `${cache}.${process.pid}.tmp`;
      fs.writeFileSync(temp, data);
      fs.renameSync(temp, cache);
      forgetOlderBuilds(cache);
    } catch {
      // A cache folder that cannot be written only costs speed.
    }
  };
  return { exports: module.exports, save };
}

let cold;
/**
 * What the main bundle requires: Node's built-ins (this file's own require serves), and the
 * cold bundle's libraries. The cold bundle's cache is kept when the command succeeds, or, for
 * the wizard, which needs it only after its first screen, when the process ends.
 */
function bundleRequire(id) {
  if (!id.startsWith('pmw-cold:')) return require(id);
  if (!cold) {
    cold = load(coldBundle, require);
    if (kind === 'wizard') process.once('exit', cold.save);
  }
  return cold.exports(id.slice('pmw-cold:'.length));
}

function loadMain() {
  const { exports, save } = load(bundle, bundleRequire);
  return {
    main: exports.main,
    save: () => {
      save();
      if (kind !== 'wizard') cold?.save();
    },
  };
}

// A closed reader (`head`, a pager quit early: EPIPE) or a closed terminal (EIO) is not an error
// of ours: stop writing quietly, as Unix tools do. The wizard watches for a closed terminal itself
// (it saves and ends with 129); nothing here may throw, or Node aborts mid-unmount.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', () => {});
}

/** Resolves once everything written to `stream` has left the process (or the stream is gone). */
function drained(stream) {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}

/**
 * A terminal that hung up (a closed window) is closed here: on exit Node restores the terminal's
 * modes and aborts when that fails (EIO), but it skips a descriptor that is no longer open.
 */
function closeHungUpTerminal() {
  const tty = require('node:tty');
  // Only the wizard reads stdin; other commands never make its stream.
  const streams = [[1, process.stdout], [2, process.stderr], ...(kind === 'wizard' ? [[0, process.stdin]] : [])];
  for (const [fd, stream] of streams) {
    if (!stream.isTTY || tty.isatty(fd)) continue;
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}

const { main, save } = loadMain();
main(args, { startupDone: save }).then(async (code) => {
  if (kind !== 'wizard' && code === 0) save();
  // main chose the code; the launcher only waits for piped output to drain (process.exit would
  // cut it at the pipe's 64 KiB), then exits: the wizard's listeners would hold the process open.
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  closeHungUpTerminal();
  process.exit(code);
});
