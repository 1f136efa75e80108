// Preloaded (NODE_OPTIONS=--require) into the wizard: when the first question is written, lists
// the Node built-ins loaded so far into $RECORD_BUILTINS_FILE, one per line.
const { writeFileSync } = require('node:fs');
const write = process.stdout.write;
let recorded = false;
process.stdout.write = function (chunk, ...rest) {
  if (!recorded && String(chunk).includes('Title of the postmortem')) {
    recorded = true;
    const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length));
    writeFileSync(process.env.RECORD_BUILTINS_FILE, `${builtins.join('\n')}\n`);
  }
  return write.call(this, chunk, ...rest);
};
