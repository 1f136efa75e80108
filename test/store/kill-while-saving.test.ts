import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepStaleTemps } from '../../src/store/atomic-write.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { bundleChild } from '../support/bundle-script.js';
import { savedState, stateNumber } from '../support/children/save-states.js';
import { tempDir } from '../support/temp.js';

/*
 * kill -9 at every point of a save: a process saves a draft in a loop (each save the next of a
 * known series of states) and is killed at one step of its saves, every step in turn: before
 * each file-system call, and halfway through each write. Walked through in fresh folders (a
 * draft's first saves) and over one draft resumed after every kill (saves with a .bak, and the
 * sweep of the temp files killed runs left). After every kill the draft must load and be
 * exactly one of the states saved, and the .bak an earlier one.
 */
/** How many saves of each run are walked through, step by step. */
const SAVES = Number(process.env.KILL_SAVES ?? 2);

let child: string;
beforeAll(() => {
  child = bundleChild('save-loop');
});

interface Kill {
  pid: number;
  /** The last state the run reported saved. */
  reported: number;
  /** How many states it saved. */
  saved: number;
  /** The step it was killed at ("rename draft-temp"). */
  step: string | undefined;
}

/** Runs the saver until the `save`-th step of its saves, or the `sweep`-th of its sweep, where it kills itself (SIGKILL). */
function saveUntilKilled(path: string, at: { save: number; sweep?: number }): Promise<Kill> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path, String(at.save), String(at.sweep ?? 0)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    proc.stderr.on('data', (chunk) => (errors += chunk));
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the saver stopped by itself (${code}): ${errors}`));
      const reported = out.split('\n').filter((line) => /^\d+$/.test(line));
      resolve({ pid: proc.pid!, reported: reported.length ? Number(reported.at(-1)) : 0, saved: reported.length, step: /^kill (.+)$/m.exec(out)?.[1] });
    });
  });
}

interface Tally {
  kills: number;
  states: number;
  withBak: number;
  advanced: number;
  steps: Set<string>;
}

/** What a kill left at `path` is one of the saved states, and the .bak an earlier one. */
async function checkAfterKill(path: string, kill: Kill, last: number, tally: Tally): Promise<number> {
  tally.kills++;
  if (kill.step) tally.steps.add(kill.step);
  if (!existsSync(path)) {
    // Killed before its first save finished: nothing was promised yet.
    expect(kill.reported).toBe(0);
    return last;
  }
  const loaded = await loadDraft(path);
  const n = stateNumber(loaded.draft);
  expect(loaded.draft).toEqual(savedState(n));
  // Every save it reported is on disk (or a newer one that finished just before the kill).
  expect(n).toBeGreaterThanOrEqual(Math.max(kill.reported, last));
  if (existsSync(`${path}.bak`)) {
    const bak = await loadDraft(`${path}.bak`);
    const m = stateNumber(bak.draft);
    expect(bak.draft).toEqual(savedState(m));
    expect(m).toBeLessThanOrEqual(n);
    tally.withBak++;
  }
  if (n > last) tally.advanced++;
  tally.states = Math.max(tally.states, n);
  return n;
}

const newTally = (): Tally => ({ kills: 0, states: 0, withBak: 0, advanced: 0, steps: new Set() });

/** A draft's first saves: each kill in a fresh folder, at step 1, 2, 3 … until a run gets `SAVES` saves through. */
async function firstSaves(tally: Tally): Promise<string[]> {
  const folders: string[] = [];
  const killIn = async (at: { save: number; sweep?: number }) => {
    const folder = tempDir('pmw-kill-');
    folders.push(folder);
    const path = join(folder, 'pm.yaml');
    const kill = await saveUntilKilled(path, at);
    await checkAfterKill(path, kill, 0, tally);
    return kill;
  };
  // The sweep of a fresh folder finds nothing: one step, its readdir.
  await killIn({ save: 0, sweep: 1 });
  for (let step = 1; ; step += 2) {
    // Two at a time: the runs share nothing.
    const runs = await Promise.all([killIn({ save: step }), killIn({ save: step + 1 })]);
    if (runs.some((kill) => kill.saved >= SAVES)) return folders;
  }
}

/**
 * One draft resumed after every kill, each run killed `every` steps of its saves later than the
 * one before (from step `first`); then, with `sweep`, each killed one step later into its sweep
 * of two temp files a killed run left.
 */
async function resumedSaves(tally: Tally, first: number, every: number, sweep: boolean): Promise<string> {
  const folder = tempDir('pmw-kill-');
  const path = join(folder, 'pm.yaml');
  let last = 0;
  let kill: Kill;
  for (let step = first; ; step += every) {
    kill = await saveUntilKilled(path, { save: step });
    last = await checkAfterKill(path, kill, last, tally);
    if (kill.saved >= SAVES) break;
  }
  for (let step = 1; sweep; step++) {
    // Half-written temp files of the draft and of its .bak, as a run killed mid-write leaves them.
    const text = readFileSync(path, 'utf8');
    for (const name of ['pm.yaml', 'pm.yaml.bak']) writeFileSync(join(folder, `.${name}.pmw-${kill.pid}.tmp`), text.slice(0, text.length >> 1));
    kill = await saveUntilKilled(path, { save: 1, sweep: step });
    last = await checkAfterKill(path, kill, last, tally);
    // Killed at the first step of its first save: the sweep was walked through.
    if (kill.step === 'stat bak') break;
  }
  return folder;
}

describe('kill -9 while saving', () => {
  it(`leaves a draft that loads as one of the saved states, and a good .bak, whatever step of ${SAVES} saves it falls on`, async () => {
    const fresh = newTally();
    const resumed = newTally();
    // Three runs at a time: fresh folders two by two, and the resumed draft's odd and even steps.
    const [freshFolders, ...resumedFolders] = await Promise.all([firstSaves(fresh), resumedSaves(resumed, 1, 2, true), resumedSaves(resumed, 2, 2, false)]);
    const folders = [...freshFolders, ...resumedFolders];
    const total = (key: 'kills' | 'states' | 'withBak' | 'advanced') => fresh[key] + resumed[key];
    const kills = total('kills');
    // The kills fell at varied moments: some runs got saves through, others were cut short.
    expect(total('advanced')).toBeGreaterThan(kills / 10);
    expect(total('advanced')).toBeLessThan(kills);
    expect(total('withBak')).toBeGreaterThan(kills / 2);
    // Every step of a save was a kill point: each call of both writes, halfway through each
    // write, and the sweep of the temp files the killed runs left.
    const write = (target: string, chmod: boolean) => [
      'stat', 'open', 'writeFile', 'half-written', ...(chmod ? ['chmod'] : []), 'sync', 'close', 'rename',
    ].map((call) => `${call} ${call === 'stat' ? target : `${target}-temp`}`);
    // (A draft's first .bak is a new file: only later ones keep a mode to set.)
    expect([...fresh.steps].sort()).toEqual(['readdir folder', 'realpath draft', ...write('draft', true), ...write('bak', false)].sort());
    const sweep = ['readdir folder', 'lstat draft-temp', 'unlink draft-temp', 'lstat bak-temp', 'unlink bak-temp'];
    expect([...resumed.steps].sort()).toEqual([...sweep, 'realpath draft', ...write('draft', true), ...write('bak', true)].sort());
    console.info(`kill -9: ${kills} kills, ${total('states')} states saved, ${total('advanced')} runs saved at least once, ${total('withBak')} checks of a .bak`);
    // What a kill leaves half-done is at most the writer's own temp files, never a broken draft,
    // and never more than the last run's: each run sweeps what the killed ones left.
    for (const folder of folders) {
      const temps = readdirSync(folder).filter((name) => !/^pm\.yaml(\.bak)?$/.test(name));
      for (const name of temps) expect(name).toMatch(/^\.pm\.yaml(\.bak)?\.pmw-\d+\.tmp$/);
      expect(temps.length).toBeLessThanOrEqual(2);
      await sweepStaleTemps(folder);
      const left = readdirSync(folder).sort();
      expect(left).toEqual(existsSync(join(folder, 'pm.yaml.bak')) ? ['pm.yaml', 'pm.yaml.bak'] : existsSync(join(folder, 'pm.yaml')) ? ['pm.yaml'] : []);
    }
  }, 240_000);
});
