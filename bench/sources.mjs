// `npm run bench:sources`: how fast big incident exports are read, and how much memory it takes.
// Not part of `npm test` (test/sources/big-files.test.ts checks the same files are streamed).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'pmw-bench-sources-'));
const helper = join(work, 'sources.cjs');
await build({ entryPoints: [join(root, 'bench', 'sources-in-process.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: helper, logLevel: 'error' });
const { timeRead, writeBigCsv, writeBigPagerDutyJson } = await import(helper);

const START = Date.parse('2024-08-14T00:00:00Z');
const HOUR = 3_600_000;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const report = (name, path, result) =>
  console.log(
    `${name.padEnd(44)} ${mb(statSync(path).size).padStart(7)}  ${(result.ms / 1000).toFixed(2)} s  ${(statSync(path).size / 2 ** 20 / (result.ms / 1000)).toFixed(0)} MB/s  ` +
      `${result.count} in window  heap +${result.peakHeapMB.toFixed(0)} MB  rss ${result.peakRssMB.toFixed(0)} MB`,
  );

try {
  const csv = join(work, 'events.csv');
  await writeBigCsv(csv, 1_000_000, START, 100);
  report('CSV, 1,000,000 rows, 10-minute window', csv, await timeRead(csv, START + HOUR, START + HOUR + 600_000));
  const local = join(work, 'events-local.csv');
  await writeBigCsv(local, 1_000_000, START, 100, { offsetMinutes: -240 });
  report('same, wall times read in America/New_York', local, await timeRead(local, START + HOUR, START + HOUR + 600_000, 'America/New_York'));
  const json = join(work, 'log_entries.json');
  await writeBigPagerDutyJson(json, 500_000, START, 1000);
  report('PagerDuty log entries, 500,000, 1-hour window', json, await timeRead(json, START + 10 * HOUR, START + 11 * HOUR));
} finally {
  rmSync(work, { recursive: true, force: true });
}
