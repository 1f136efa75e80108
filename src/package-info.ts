import { readFileSync } from 'node:fs';

// Read once from the package's own manifest so `--version` cannot drift from what was published.
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION = manifest.version;
export const PROGRAM = 'postmortem-wizard';
