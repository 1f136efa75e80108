import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp.js';

/**
 * Bundles a helper program (test/support/children/NAME.ts) to one CommonJS file that plain
 * `node` can run, for tests that need other processes: lock races, kill -9 while saving.
 */
export function bundleChild(name: string): string {
  const entry = fileURLToPath(new URL(`./children/${name}.ts`, import.meta.url));
  const outfile = join(tempDir('pmw-child-'), `${name}.cjs`);
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', define: { 'import.meta.url': '__filename' } });
  return outfile;
}
