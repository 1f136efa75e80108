import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDraftLock, lockPathOf, type DraftLock } from '../../src/store/draft-lock.js';
import { bundleChild } from '../support/bundle-script.js';
import { tempDir } from '../support/temp.js';

let child: string;
beforeAll(() => {
  child = bundleChild('take-lock');
});

const held: DraftLock[] = [];
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
});

function ownerFile(draft: string, pid: number, host = hostname()): void {
  writeFileSync(lockPathOf(draft), `${JSON.stringify({ pid, host, since: '2026-11-22T10:00:00.000Z' })}\n`);
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('the draft lock', () => {
  it('is a file beside the draft naming this process, removed on release', () => {
    const draft = join(tempDir(), 'pm.yaml');
    const attempt = acquireDraftLock(draft, new Date('2026-11-22T10:00:00Z'));
    expect(attempt.ok).toBe(true);
    const owner = JSON.parse(readFileSync(`${draft}.lock`, 'utf8'));
    expect(owner).toEqual({ pid: process.pid, host: hostname(), since: '2026-11-22T10:00:00.000Z' });
    if (attempt.ok) attempt.lock.release();
    expect(existsSync(`${draft}.lock`)).toBe(false);
  });

  it('is refused while another running wizard has it, naming which and since when', () => {
    const draft = join(tempDir(), 'pm.yaml');
    // The test runner's parent is a running Node process: a live owner.
    ownerFile(draft, process.ppid);
    const attempt = acquireDraftLock(draft);
    expect(attempt).toEqual({ ok: false, owner: { pid: process.ppid, host: hostname(), since: '2026-11-22T10:00:00.000Z' } });
  });

  it('is taken over from a process that has ended (kill -9, a crash)', () => {
    const draft = join(tempDir(), 'pm.yaml');
    ownerFile(draft, deadPid());
    const attempt = acquireDraftLock(draft);
    expect(attempt.ok).toBe(true);
    if (attempt.ok) held.push(attempt.lock);
    expect(JSON.parse(readFileSync(`${draft}.lock`, 'utf8')).pid).toBe(process.pid);
  });

  it('is taken over when its pid now belongs to a program that is not a wizard', async () => {
    const draft = join(tempDir(), 'pm.yaml');
    const sleeper = spawn('sleep', ['30']);
    try {
      ownerFile(draft, sleeper.pid!);
      const attempt = acquireDraftLock(draft);
      expect(attempt.ok).toBe(process.platform === 'linux');
      if (attempt.ok) held.push(attempt.lock);
    } finally {
      sleeper.kill();
    }
  });

  it('stands when it belongs to another machine (a shared folder)', () => {
    const draft = join(tempDir(), 'pm.yaml');
    ownerFile(draft, deadPid(), 'another-machine');
    expect(acquireDraftLock(draft)).toMatchObject({ ok: false, owner: { host: 'another-machine' } });
  });

  it('is never removed by a former owner once another has taken it', () => {
    const draft = join(tempDir(), 'pm.yaml');
    const attempt = acquireDraftLock(draft);
    expect(attempt.ok).toBe(true);
    ownerFile(draft, process.ppid);
    if (attempt.ok) attempt.lock.release();
    expect(JSON.parse(readFileSync(`${draft}.lock`, 'utf8')).pid).toBe(process.ppid);
  });

  it('holds nothing, and stops nothing, where no file can be made (a missing folder)', () => {
    const attempt = acquireDraftLock(join(tempDir(), 'gone', 'pm.yaml'));
    expect(attempt.ok).toBe(true);
  });

  it.each(['no lock', 'a stale lock'])('goes to exactly one of eight processes starting at the same moment (%s)', async (before) => {
    const draft = join(tempDir(), 'pm.yaml');
    if (before === 'a stale lock') ownerFile(draft, deadPid());
    const go = Date.now() + 1500;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => {
        const proc = spawn(process.execPath, [child, draft, String(go), '1500'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        proc.stdout.on('data', (chunk) => (out += chunk));
        return new Promise<{ ok: boolean; pid?: number; owner?: { pid: number } }>((resolve) => proc.on('exit', () => resolve(JSON.parse(out))));
      }),
    );
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => !result.ok)) expect(loser.owner?.pid).toBe(winners[0]!.pid);
    // The winner released it on its way out.
    expect(existsSync(`${draft}.lock`)).toBe(false);
  }, 20_000);
});
