import { readFileSync } from 'node:fs';

declare const __PMW_VERSION__: string | undefined;

/**
 * The version, from the package's own manifest so `--version` cannot drift from what was
 * published: the build writes it in; run from source (tests), the manifest is read.
 */
export const VERSION: string =
  typeof __PMW_VERSION__ === 'string'
    ? __PMW_VERSION__
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export { PROGRAM } from './program-name.js';
