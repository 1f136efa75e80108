import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSource } from '../../src/sources/read-source.js';
import { memoryTempDir } from '../support/temp.js';
import { writeBigCsv, writeBigPagerDutyJson } from './big-files.js';
import { UTC } from './support.js';

/*
 * A million-row CSV and a PagerDuty export of hundreds of thousands of entries are streamed:
 * the window's candidates come out, progress is reported along the way, and the heap never
 * holds the file (a file read whole would add its size several times over). Speed is measured
 * by `npm run bench:sources`, not here.
 */

const START = Date.parse('2024-08-14T00:00:00Z');
const HOUR = 3_600_000;

async function readWindow(path: string, from: number, to: number) {
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  const progress: [number, number][] = [];
  let count = 0;
  let first: number | undefined;
  let last: number | undefined;
  for await (const candidate of readSource(path, {
    zone: UTC,
    from,
    to,
    progress: (done, total) => {
      progress.push([done, total]);
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    },
  })) {
    count++;
    first ??= candidate.at;
    last = candidate.at;
  }
  return { count, first, last, progress, peak };
}

describe('big files are streamed', () => {
  // The files go to memory (/dev/shm) where there is one: removed after each test.
  let folder: string | undefined;
  const bigFile = (name: string) => join((folder = memoryTempDir('pmw-big-')), name);
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('a 1,000,000-row CSV read with a ten-minute window', { timeout: 180_000 }, async () => {
    const path = bigFile('events.csv');
    await writeBigCsv(path, 1_000_000, START, 100);
    const size = statSync(path).size;
    const read = await readWindow(path, START + HOUR, START + HOUR + 600_000);
    // Rows 36,000 to 42,000, both ends included.
    expect(read.count).toBe(6001);
    expect([read.first, read.last]).toEqual([START + HOUR, START + HOUR + 600_000]);
    expect(read.progress.length).toBeGreaterThan(10);
    expect(read.progress.map(([done]) => done)).toEqual([...read.progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(read.progress.at(-1)).toEqual([size, size]);
    expect(read.peak).toBeLessThan(Math.min(size, 150 * 1024 * 1024));
  });

  it('a PagerDuty log entries export of 300,000 entries read with a one-hour window', { timeout: 180_000 }, async () => {
    const path = bigFile('log_entries.json');
    await writeBigPagerDutyJson(path, 300_000, START, 1000);
    const size = statSync(path).size;
    const read = await readWindow(path, START + 10 * HOUR, START + 11 * HOUR);
    expect(read.count).toBe(3601);
    expect(read.progress.at(-1)).toEqual([size, size]);
    expect(read.peak).toBeLessThan(Math.min(size, 150 * 1024 * 1024));
  });
});
