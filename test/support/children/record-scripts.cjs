// Preloaded (NODE_OPTIONS=--require) into the wizard: when the first question is written, lists
// the files bin/ has compiled with vm.Script so far into $RECORD_SCRIPTS_FILE, one per line.
const { writeFileSync } = require('node:fs');
const vm = require('node:vm');
const compiled = [];
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    compiled.push(options?.filename ?? '');
  }
};
const write = process.stdout.write;
let recorded = false;
process.stdout.write = function (chunk, ...rest) {
  if (!recorded && String(chunk).includes('Title of the postmortem')) {
    recorded = true;
    writeFileSync(process.env.RECORD_SCRIPTS_FILE, `${compiled.join('\n')}\n`);
  }
  return write.call(this, chunk, ...rest);
};
