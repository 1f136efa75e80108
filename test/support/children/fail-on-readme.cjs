// Loaded with `node --require` into the built command: working out where README.md goes
// throws, as a bug would, while the review screen is drawn. A test sees how the wizard ends
// when something it did not expect fails.
const path = require('node:path');
const join = path.join;
path.join = (...parts) => {
  if (parts.at(-1) === 'README.md') throw new Error('injected failure: no place for README.md');
  return join(...parts);
};
