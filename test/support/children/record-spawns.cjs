// Loaded with `node --require` into the built command: every child process it starts is
// written to $PMW_SPAWN_LOG, so a test can assert that opening a file starts none.
const childProcess = require('node:child_process');
const { appendFileSync } = require('node:fs');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function (...args) {
    appendFileSync(process.env.PMW_SPAWN_LOG, `${name} ${JSON.stringify(args[0])}\n`);
    return original.apply(this, args);
  };
}
