// Big source files read in one process, bundled by sources.mjs from the sources.
import { performance } from 'node:perf_hooks';
import { readSource } from '../src/sources/read-source.js';
import { parseZone } from '../src/time/zone.js';

export { writeBigCsv, writeBigPagerDutyJson } from '../test/sources/big-files.js';

export async function timeRead(path: string, from: number, to: number, zoneName = 'UTC') {
  const parsed = parseZone(zoneName);
  if (!parsed.ok) throw new Error(parsed.error);
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed - baseline.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  };
  const started = performance.now();
  let count = 0;
  for await (const _ of readSource(path, { zone: parsed.value, from, to, progress: sample })) count++;
  sample();
  return { ms: performance.now() - started, count, peakHeapMB: peakHeap / 2 ** 20, peakRssMB: peakRss / 2 ** 20 };
}
