// Loaded with `node --require` into the built command: the first look at README.md throws,
// as a bug would, so a test can see how the wizard ends when something it did not expect fails.
const fs = require('node:fs');
const existsSync = fs.existsSync;
fs.existsSync = (path) => {
  if (String(path).endsWith('README.md')) throw new Error('injected failure: README.md could not be looked at');
  return existsSync(path);
};
