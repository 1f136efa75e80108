#!/usr/bin/env node
'use strict';
// Runs many commands of the BUILT CLI in one process, for the corpus score: one Node start and
// one compile of the bundle instead of one per command. `node cli-batch.cjs [BUNDLE]` reads a
// JSON list of { args, cwd } on stdin and writes one JSON line { status, stdout, stderr } per
// command, in order, as each ends. Each command runs as bin/postmortem-wizard.cjs runs it (the
// bundle's main and its exit code); one that takes the process down ends the lines early, and
// the caller runs the rest on their own.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'cli-bundle.js'));

/** Runs a bundle (wrapped as Node wraps a CommonJS module) and returns its exports. */
function runBundle(file, bundleRequire) {
  const script = new vm.Script(fs.readFileSync(file, 'latin1'), { filename: file });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, bundleRequire, module, file, path.dirname(file));
  return module.exports;
}

// The libraries the first screen does not use are a second bundle beside the main one, required
// as `pmw-cold:<name>` (as bin/postmortem-wizard.cjs serves them).
let cold;
function bundleRequire(id) {
  if (!id.startsWith('pmw-cold:')) return require(id);
  cold ??= runBundle(path.join(path.dirname(bundle), 'cli-cold.js'), require);
  return cold(id.slice('pmw-cold:'.length));
}

function loadMain() {
  return runBundle(bundle, bundleRequire).main;
}

/** Runs `work` with everything written to stdout and stderr kept instead of printed. */
async function captured(work) {
  const kept = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const name of ['stdout', 'stderr']) {
    process[name].write = (chunk, encoding, callback) => {
      kept[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
      const done = typeof encoding === 'function' ? encoding : callback;
      if (done) process.nextTick(done);
      return true;
    };
  }
  try {
    return { status: await work(), ...kept };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}

async function run() {
  const requests = JSON.parse(fs.readFileSync(0, 'utf8'));
  const main = loadMain();
  for (const { args, cwd } of requests) {
    process.chdir(cwd);
    const result = await captured(() => main(args, {}));
    // Straight to the descriptor: what the commands print is kept, never mixed in.
    fs.writeSync(1, `${JSON.stringify(result)}\n`);
  }
}

run().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`cli-batch: ${error?.stack ?? error}\n`);
    process.exit(70);
  },
);
