import { closeSync, existsSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/*
 * One wizard per draft. The lock is a file beside the draft (`pm.yaml.lock`) put in place with
 * an operation the OS makes exclusive (link, or O_EXCL create), so of two wizards starting
 * together exactly one gets it.
 * It names its owner; a lock whose owner process is gone (kill -9, a crash, a closed laptop)
 * is taken over.
 */

export interface LockOwner {
  pid: number;
  host: string;
  /** When the owner opened the draft (ISO 8601). */
  since: string;
}

export type LockAttempt = { ok: true; lock: DraftLock } | { ok: false; owner: LockOwner };

export function lockPathOf(draftPath: string): string {
  return `${draftPath}.lock`;
}

/** A lock file with nothing readable in it this long after it was made was left half-written. */
const UNREADABLE_GRACE_MS = 10_000;

export class DraftLock {
  private released = false;
  private readonly onExit = () => this.release();

  constructor(
    readonly path: string,
    private readonly text: string | undefined,
  ) {
    // A process that ends without going through quit (an uncaught error) still lets go.
    if (text !== undefined) process.once('exit', this.onExit);
  }

  /** Removes the lock file if it is still ours (never one another process has since taken). */
  release(): void {
    if (this.released || this.text === undefined) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    try {
      if (readFileSync(this.path, 'utf8') === this.text) unlinkSync(this.path);
    } catch {
      // Already gone.
    }
  }
}

/** Is a process with this pid running here? (EPERM: it runs, as another user.) */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The pid runs, but is it the wizard that wrote the lock? After a reboot the number may belong
 * to anything. Where /proc tells (Linux), a process that is not Node is not the owner.
 */
function ownerStillRuns(owner: LockOwner): boolean {
  if (!processAlive(owner.pid)) return false;
  try {
    const command = readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8');
    return /node|postmortem-wizard/i.test(command);
  } catch {
    return true;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string') return value as LockOwner;
  } catch {
    // Not ours, or half-written.
  }
  return undefined;
}

function isStale(path: string, text: string, owner: LockOwner | undefined, now: Date): boolean {
  if (!owner) {
    try {
      return now.getTime() - statSync(path).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return true;
    }
  }
  // Another machine's process cannot be asked (a shared folder): its lock stands.
  return owner.host === hostname() && owner.pid !== process.pid && !ownerStillRuns(owner);
}

/**
 * Makes the lock file only if there is none, whole: written to a temp file first and linked
 * into place (link fails if the name exists), so no one ever reads it half-written. Where hard
 * links are not supported (FAT, some network shares), an exclusive create does the same job.
 */
function createExclusive(path: string, text: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o644 });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to tidy.
    }
  }
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A takeover that has not finished in this long was left by a process that died doing it. */
const TAKEOVER_LIMIT_MS = 5_000;

/** Removes the stale lock `stale` if this process gets to do it; false if another is at it. */
function takeOver(path: string, stale: string, mine: string, now: Date): boolean {
  const guard = `${path}.takeover`;
  let made: boolean;
  try {
    made = createExclusive(guard, mine);
  } catch {
    return false;
  }
  if (!made) {
    try {
      if (now.getTime() - statSync(guard).mtimeMs > TAKEOVER_LIMIT_MS) unlinkSync(guard);
    } catch {
      // Finished meanwhile.
    }
    return false;
  }
  try {
    if (readFileSync(path, 'utf8') === stale) unlinkSync(path);
  } catch {
    // Already gone.
  } finally {
    unlinkSync(guard);
  }
  return true;
}

/**
 * Takes the lock for `draftPath`, or says who has it. A folder where no lock can be made
 * (read-only, missing) gives a lock that holds nothing: saving there fails anyway, and says so.
 */
export function acquireDraftLock(draftPath: string, now = new Date()): LockAttempt {
  const path = lockPathOf(draftPath);
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      if (createExclusive(path, text)) return { ok: true, lock: new DraftLock(path, text) };
    } catch {
      return { ok: true, lock: new DraftLock(path, undefined) };
    }
    let found: string;
    try {
      found = readFileSync(path, 'utf8');
    } catch {
      continue; // Released between our create and our read: try again.
    }
    const owner = parseOwner(found);
    if (owner && owner.pid === process.pid && owner.host === mine.host) return { ok: true, lock: new DraftLock(path, found) };
    if (!isStale(path, found, owner, now)) return { ok: false, owner: owner ?? { pid: 0, host: 'unknown', since: now.toISOString() } };
    // Take the stale lock over. Only one process at a time may remove a stale lock: the one
    // that made `<lock>.takeover` (exclusively, as above). It checks the lock is still the stale
    // one and removes it; then everyone races for the free name as at the start.
    if (!takeOver(path, found, text, now)) pause(25);
  }
  // Round after round of others taking and dropping it: report whoever has it now.
  const owner = existsSync(path) ? parseOwner(readFileSync(path, 'utf8')) : undefined;
  return owner ? { ok: false, owner } : { ok: true, lock: new DraftLock(path, undefined) };
}
