import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDraftLock, lockPathOf, parseOwner, type DraftLock, type LockAttempt } from '../../src/store/draft-lock.js';
import { processStart } from '../../src/store/process-start.js';
import { loadDraft } from '../../src/store/draft-file.js';
import { DraftSession } from '../../src/store/draft-session.js';
import { runs } from '../support/property.js';
import { fixture } from '../support/temp.js';
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

function ownerFile(draft: string, pid: number, host = hostname(), more: Record<string, string> = {}): void {
  writeFileSync(lockPathOf(draft), `${JSON.stringify({ pid, host, since: '2026-11-22T10:00:00.000Z', ...more })}\n`);
}

/** The lock, kept to be let go after the test; fails the test if it was refused. */
function taken(attempt: LockAttempt): DraftLock {
  if (!attempt.ok) throw new Error(`refused: ${JSON.stringify(attempt.owner)}`);
  held.push(attempt.lock);
  return attempt.lock;
}

const onLinux = process.platform === 'linux';

/** The pid of a process that has ended. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('the draft lock', () => {
  it('is a file beside the draft naming this process, removed on release', () => {
    const draft = join(tempDir(), 'pm.yaml');
    const attempt = acquireDraftLock(draft, { now: new Date('2026-11-22T10:00:00Z') });
    expect(attempt.ok).toBe(true);
    const owner = JSON.parse(readFileSync(`${draft}.lock`, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), since: '2026-11-22T10:00:00.000Z', token: expect.stringMatching(/^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/) });
    if (onLinux) expect(owner.started).toBe(processStart(process.pid));
    // Its temporary file is gone: only the lock stands beside the (not yet written) draft.
    expect(readdirSync(dirname(draft))).toEqual(['pm.yaml.lock']);
    if (attempt.ok) attempt.lock.release();
    expect(existsSync(`${draft}.lock`)).toBe(false);
  });

  it('is refused while another running wizard has it, naming which and since when', () => {
    const draft = join(tempDir(), 'pm.yaml');
    // The test runner's parent is a running Node process, and the lock names its start: a live owner.
    ownerFile(draft, process.ppid, hostname(), { started: processStart(process.ppid) ?? '' });
    const attempt = acquireDraftLock(draft);
    expect(attempt).toMatchObject({ ok: false, owner: { pid: process.ppid, host: hostname(), since: '2026-11-22T10:00:00.000Z' } });
    // A verified owner is never offered for takeover, even when asked.
    expect(acquireDraftLock(draft, { takeOver: true }).ok).toBe(!onLinux);
  });

  it('is refused, but may be taken over, when a running Node process left it without a start time (an older lock)', () => {
    const draft = join(tempDir(), 'pm.yaml');
    ownerFile(draft, process.ppid);
    expect(acquireDraftLock(draft)).toMatchObject({ ok: false, unverified: true, owner: { pid: process.ppid } });
    taken(acquireDraftLock(draft, { takeOver: true }));
    expect(JSON.parse(readFileSync(`${draft}.lock`, 'utf8')).pid).toBe(process.pid);
  });

  it.runIf(onLinux)('is taken over without asking when its pid runs but started at another time (a reused pid)', () => {
    const draft = join(tempDir(), 'pm.yaml');
    const [boot, start] = processStart(process.ppid)!.split(':');
    ownerFile(draft, process.ppid, hostname(), { started: `${boot}:${Number(start) + 1}` });
    taken(acquireDraftLock(draft));
    // Or in another boot: the same pid and ticks after a reboot are another process.
    const other = join(tempDir(), 'pm.yaml');
    ownerFile(other, process.ppid, hostname(), { started: `00000000-0000-0000-0000-000000000000:${start}` });
    taken(acquireDraftLock(other));
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
    expect(acquireDraftLock(draft)).toMatchObject({ ok: false, unverified: true, owner: { host: 'another-machine' } });
  });

  it('is taken over from another machine when the user confirms, and that owner\'s next save is refused', async () => {
    const draft = join(tempDir(), 'pm.yaml');
    copyFileSync(fixture('seed-001-deployment.yaml'), draft);
    // The first wizard, as another machine sharing the folder would lock it.
    const theirs = taken(acquireDraftLock(draft, { host: 'another-machine' }));
    const loaded = await loadDraft(draft);
    const session = new DraftSession(loaded, { lock: theirs });
    expect(theirs.stillHeld()).toBe(true);

    expect(acquireDraftLock(draft)).toMatchObject({ ok: false, unverified: true, owner: { host: 'another-machine' } });
    const ours = taken(acquireDraftLock(draft, { takeOver: true }));
    expect(theirs.stillHeld()).toBe(false);
    expect(ours.stillHeld()).toBe(true);

    const before = readFileSync(draft, 'utf8');
    await session.save({ ...loaded.draft, title: 'Written after the takeover' }, 1);
    expect(await session.flush()).toMatchObject({ state: 'failed', reason: 'another postmortem-wizard took it over' });
    expect(readFileSync(draft, 'utf8')).toBe(before);
    // Letting go on the way out leaves the new owner's lock alone.
    session.close();
    expect(ours.stillHeld()).toBe(true);
  });

  it('is put back when removed by hand while held, unless another wizard took the name', () => {
    const draft = join(tempDir(), 'pm.yaml');
    const lock = taken(acquireDraftLock(draft));
    unlinkSync(`${draft}.lock`);
    expect(lock.stillHeld()).toBe(true);
    expect(existsSync(`${draft}.lock`)).toBe(true);
    unlinkSync(`${draft}.lock`);
    ownerFile(draft, process.ppid);
    expect(lock.stillHeld()).toBe(false);
  });

  it('is never removed by a former owner once another has taken it', () => {
    const draft = join(tempDir(), 'pm.yaml');
    const attempt = acquireDraftLock(draft);
    expect(attempt.ok).toBe(true);
    ownerFile(draft, process.ppid);
    if (attempt.ok) expect(attempt.lock.stillHeld()).toBe(false);
    if (attempt.ok) attempt.lock.release();
    expect(JSON.parse(readFileSync(`${draft}.lock`, 'utf8')).pid).toBe(process.ppid);
  });

  it('holds nothing, and stops nothing, where no file can be made (a missing folder)', () => {
    const attempt = acquireDraftLock(join(tempDir(), 'gone', 'pm.yaml'));
    expect(attempt.ok).toBe(true);
  });

  it('goes by the real file: a symlink to a held draft, or to its folder, is refused', () => {
    const dir = tempDir();
    const draft = join(dir, 'pm.yaml');
    writeFileSync(draft, 'version: 1\n');
    symlinkSync(draft, join(dir, 'link.yaml'));
    symlinkSync(dir, join(tempDir(), 'folder'));
    taken(acquireDraftLock(join(dir, 'link.yaml')));
    expect(existsSync(`${draft}.lock`)).toBe(true);
    expect(acquireDraftLock(draft)).toMatchObject({ ok: false, owner: { pid: process.pid, draft } });
    expect(acquireDraftLock(join(dir, 'link.yaml')).ok).toBe(false);
    expect(lockPathOf(join(dir, 'link.yaml'))).toBe(`${draft}.lock`);
  });

  it('goes by the real file for a new draft too: a symlinked folder locks the folder it points to', () => {
    const dir = tempDir();
    const alias = join(tempDir(), 'alias');
    symlinkSync(dir, alias);
    taken(acquireDraftLock(join(alias, 'new.yaml')));
    expect(acquireDraftLock(join(dir, 'new.yaml')).ok).toBe(false);
  });

  it.each(['before', 'after'])('refuses a hard link to a held draft (the link made %s the draft was locked)', (when) => {
    const dir = tempDir();
    const draft = join(dir, 'pm.yaml');
    writeFileSync(draft, 'version: 1\n');
    if (when === 'before') linkSync(draft, join(dir, 'other.yaml'));
    taken(acquireDraftLock(draft));
    if (when === 'after') linkSync(draft, join(dir, 'other.yaml'));
    expect(acquireDraftLock(join(dir, 'other.yaml'))).toMatchObject({ ok: false, owner: { pid: process.pid, draft } });
    // The refused attempt leaves no lock of its own behind.
    expect(existsSync(join(dir, 'other.yaml.lock'))).toBe(false);
  });

  it('takes a hard link\'s other lock over too, so its owner stops saving', () => {
    const dir = tempDir();
    const draft = join(dir, 'pm.yaml');
    writeFileSync(draft, 'version: 1\n');
    linkSync(draft, join(dir, 'other.yaml'));
    const theirs = taken(acquireDraftLock(draft, { host: 'another-machine' }));
    expect(acquireDraftLock(join(dir, 'other.yaml'))).toMatchObject({ ok: false, unverified: true });
    taken(acquireDraftLock(join(dir, 'other.yaml'), { takeOver: true }));
    expect(theirs.stillHeld()).toBe(false);
  });

  it('treats a hard link that is no longer the same file (the draft was saved, renamed into place) as another draft', () => {
    const dir = tempDir();
    const draft = join(dir, 'pm.yaml');
    writeFileSync(draft, 'version: 1\n');
    linkSync(draft, join(dir, 'other.yaml'));
    taken(acquireDraftLock(draft));
    unlinkSync(draft);
    writeFileSync(draft, 'version: 1\n');
    taken(acquireDraftLock(join(dir, 'other.yaml')));
  });

  it('never throws on a lock file of any contents: unreadable ones are held for a grace period, then taken over', () => {
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')), fc.json()), (contents) => {
        fc.pre(parseOwner(contents) === undefined);
        const draft = join(dir, `d${n++}.yaml`);
        writeFileSync(`${draft}.lock`, contents, 'latin1');
        // Asked at the moment it was written: within the grace period whatever the machine's load.
        expect(acquireDraftLock(draft, { now: statSync(`${draft}.lock`).mtime })).toMatchObject({ ok: false, unverified: true });
        const old = new Date(Date.now() - 60_000);
        utimesSync(`${draft}.lock`, old, old);
        const attempt = acquireDraftLock(draft);
        expect(attempt.ok).toBe(true);
        if (attempt.ok) attempt.lock.release();
      }),
      { numRuns: runs(100) },
    );
  });

  it('reads only well-formed owners from lock files', () => {
    expect(parseOwner('null')).toBeUndefined();
    expect(parseOwner('{"pid":"1","host":"h","since":"s"}')).toBeUndefined();
    expect(parseOwner('{"pid":-1,"host":"h","since":"s"}')).toBeUndefined();
    expect(parseOwner('{"pid":1,"host":"h","since":"s","token":5}')).toBeUndefined();
    expect(parseOwner('{"pid":1,"host":"h","since":"s"}')).toEqual({ pid: 1, host: 'h', since: 's' });
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
