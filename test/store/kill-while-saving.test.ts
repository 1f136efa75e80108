import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepStaleTemps } from '../../src/store/atomic-write.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { bundleChild } from '../support/bundle-script.js';
import { savedState, stateNumber } from '../support/children/save-states.js';
import { tempDir } from '../support/temp.js';

/*
 * kill -9 at any moment of a save: a process saves a draft in a loop (each save the next of a
 * known series of states) and is killed at a random moment, 200 times over. After every kill
 * the draft must load and be exactly one of the states saved, and the .bak an earlier one.
 */
const KILLS = Number(process.env.KILL_POINTS ?? 200);
const LANES = 4;

let child: string;
beforeAll(() => {
  child = bundleChild('save-loop');
});

/** Starts the saver, lets it run a random 0–120 ms after it is ready, kills it; resolves with the last state it reported. */
function saveUntilKilled(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    proc.stderr.on('data', (chunk) => (errors += chunk));
    proc.stdout.on('data', (chunk) => {
      const started = out.includes('ready\n');
      out += chunk;
      if (!started && out.includes('ready\n')) setTimeout(() => proc.kill('SIGKILL'), Math.random() * 120);
    });
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the saver stopped by itself (${code}): ${errors}`));
      const reported = out.split('\n').filter((line) => /^\d+$/.test(line));
      resolve(reported.length ? Number(reported.at(-1)) : 0);
    });
  });
}

async function lane(folder: string, kills: number): Promise<{ states: number; withBak: number; advanced: number }> {
  const path = join(folder, 'pm.yaml');
  let last = 0;
  let withBak = 0;
  let advanced = 0;
  for (let k = 0; k < kills; k++) {
    const reported = await saveUntilKilled(path);
    if (!existsSync(path)) {
      // Killed before its first save finished: nothing was promised yet.
      expect(reported).toBe(0);
      continue;
    }
    const loaded = await loadDraft(path);
    const n = stateNumber(loaded.draft);
    expect(loaded.draft).toEqual(savedState(n));
    // Every save it reported is on disk (or a newer one that finished just before the kill).
    expect(n).toBeGreaterThanOrEqual(Math.max(reported, last));
    if (existsSync(`${path}.bak`)) {
      const bak = await loadDraft(`${path}.bak`);
      const m = stateNumber(bak.draft);
      expect(bak.draft).toEqual(savedState(m));
      expect(m).toBeLessThanOrEqual(n);
      withBak++;
    }
    if (n > last) advanced++;
    last = n;
  }
  return { states: last, withBak, advanced };
}

describe('kill -9 while saving', () => {
  it(`leaves a draft that loads as one of the saved states, and a good .bak (${KILLS} kills)`, async () => {
    const folders = Array.from({ length: LANES }, () => tempDir('pmw-kill-'));
    const results = await Promise.all(folders.map((folder) => lane(folder, Math.ceil(KILLS / LANES))));
    const total = (key: 'states' | 'withBak' | 'advanced') => results.reduce((sum, result) => sum + result[key], 0);
    // The kills fell at varied moments: some runs got saves through, others were cut short.
    expect(total('advanced')).toBeGreaterThan(KILLS / 10);
    expect(total('advanced')).toBeLessThan(KILLS);
    expect(total('withBak')).toBeGreaterThan(KILLS / 2);
    console.info(`kill -9: ${KILLS} kills, ${total('states')} states saved, ${total('advanced')} runs saved at least once, ${total('withBak')} checks of a .bak`);
    // What a kill leaves half-done is at most the writer's own temp files, never a broken draft,
    // and never more than the last run's: each run sweeps what the killed ones left.
    const temps = folders.flatMap((folder) => readdirSync(folder).filter((name) => !/^pm\.yaml(\.bak)?$/.test(name)));
    for (const name of temps) expect(name).toMatch(/^\.pm\.yaml(\.bak)?\.pmw-\d+\.tmp$/);
    expect(temps.length).toBeLessThanOrEqual(2 * LANES);
    console.info(`kill -9: ${temps.length} temp files left by the last kills`);
    for (const folder of folders) {
      await sweepStaleTemps(folder);
      expect(readdirSync(folder).sort()).toEqual(existsSync(join(folder, 'pm.yaml.bak')) ? ['pm.yaml', 'pm.yaml.bak'] : ['pm.yaml']);
    }
  }, 240_000);
});
