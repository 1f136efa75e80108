import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A shell script to stand in for $EDITOR: it gets the file as $1 and does what `script` says, as a person would in vi. */
export function fakeEditor(dir: string, script: string): string {
  const path = join(dir, 'editor.sh');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}
