import { closeSync, existsSync, linkSync, openSync, readdirSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { processStart } from './process-start.js';

/*
 * One wizard per draft file, whatever name it is opened by. The lock is a file beside the
 * draft's real file (`pm.yaml.lock`, symlinks resolved, so every symlink to it locks the same
 * name), put in place with an operation the OS makes exclusive (link, or O_EXCL create), so of
 * two wizards starting together exactly one gets it.
 * A hard link is another real name of the same file: a draft with more than one link is also
 * compared, by device and inode, with the drafts of the other locks in its folder. The inode is
 * read when asked, not recorded, because every save renames a new file into place.
 * The lock names its owner and when that process started, so a pid reused by a later process is
 * not taken for the owner, and a random token, so the owner can tell it still holds the lock.
 */

export interface LockOwner {
  pid: number;
  host: string;
  /** When the owner opened the draft (ISO 8601). */
  since: string;
  /** Random, the owner's own: a lock with another token is not its lock any more. */
  token?: string;
  /** The owner process's "<boot id>:<start ticks>" (Linux), to tell it from a reused pid. */
  started?: string;
  /** The draft's real path as the owner opened it. */
  draft?: string;
}

export type LockAttempt =
  | { ok: true; lock: DraftLock }
  /** `unverified`: the owner cannot be checked from here (another host, no start time): the user may take over. */
  | { ok: false; owner: LockOwner; unverified: boolean };

export interface LockOptions {
  now?: Date;
  /** The user confirmed: a lock whose owner cannot be verified is taken over. */
  takeOver?: boolean;
  /** This machine's name (a test plays another machine sharing the folder). */
  host?: string;
}

/** The draft's real path: symlinks resolved; a new draft by its folder's real path. */
export function realDraftPath(draftPath: string): string {
  try {
    return realpathSync(draftPath);
  } catch {
    try {
      return join(realpathSync(dirname(draftPath)), basename(draftPath));
    } catch {
      return draftPath;
    }
  }
}

export function lockPathOf(draftPath: string): string {
  return `${realDraftPath(draftPath)}.lock`;
}

/**
 * Only has to differ from every other owner's, not be secret: Math.random, with the pid and the
 * time, spares loading node:crypto before the first question is drawn.
 */
function newToken(): string {
  return `${process.pid.toString(36)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** A lock file with nothing readable in it this long after it was made was left half-written. */
const UNREADABLE_GRACE_MS = 10_000;

export class DraftLock {
  private released = false;
  private readonly onExit = () => this.release();

  constructor(
    /** The lock files this process made (or took over), all holding `text`. */
    readonly paths: string[],
    private readonly text: string | undefined,
  ) {
    // A process that ends without going through quit (an uncaught error) still lets go.
    if (text !== undefined) process.once('exit', this.onExit);
  }

  get path(): string {
    return this.paths[0]!;
  }

  /**
   * Whether every lock file still holds this process's token: false once another wizard took
   * the draft over, so a save then would write over that wizard's answers. A lock file removed
   * by hand is put back, if no one else has.
   */
  stillHeld(): boolean {
    if (this.text === undefined) return true;
    if (this.released) return false;
    return this.paths.every((path) => {
      try {
        return readFileSync(path, 'utf8') === this.text;
      } catch {
        return createQuietly(path, this.text!);
      }
    });
  }

  /** Removes the lock files that are still ours (never one another process has since taken). */
  release(): void {
    if (this.released || this.text === undefined) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    for (const path of this.paths) {
      try {
        if (readFileSync(path, 'utf8') === this.text) unlinkSync(path);
      } catch {
        // Already gone.
      }
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

const isText = (value: unknown) => value === undefined || typeof value === 'string';

/** The owner a lock file names, or undefined for anything else (garbled, half-written, not ours). */
export function parseOwner(text: string): LockOwner | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const owner = value as Record<string, unknown>;
  const valid =
    Number.isSafeInteger(owner.pid) && (owner.pid as number) >= 0 && typeof owner.host === 'string' && typeof owner.since === 'string' &&
    isText(owner.token) && isText(owner.started) && isText(owner.draft);
  return valid ? (value as LockOwner) : undefined;
}

/**
 * What a lock found on disk means here:
 * - live: its owner runs on this machine and is the process that wrote it;
 * - unverified: it may be held, but that cannot be checked (another machine, no start time
 *   to compare, a lock still being written): refused, and offered for takeover;
 * - stale: its owner is gone, or its pid now belongs to a later process: taken over at once.
 */
type Verdict = 'live' | 'unverified' | 'stale';

function judge(path: string, owner: LockOwner | undefined, host: string, now: Date): Verdict {
  if (!owner) {
    try {
      return now.getTime() - statSync(path).mtimeMs > UNREADABLE_GRACE_MS ? 'stale' : 'unverified';
    } catch {
      return 'stale';
    }
  }
  // Another machine's process cannot be asked (a shared folder).
  if (owner.host !== host) return 'unverified';
  if (!processAlive(owner.pid)) return 'stale';
  const started = processStart(owner.pid);
  if (owner.started && started) return owner.started === started ? 'live' : 'stale';
  // No start time to compare (an older lock, or no /proc): only the command line can tell.
  try {
    const command = readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8');
    return /node|postmortem-wizard/i.test(command) ? 'unverified' : 'stale';
  } catch {
    return 'unverified';
  }
}

/**
 * Makes the lock file only if there is none, whole: written to a temp file first and linked
 * into place (link fails if the name exists), so no one ever reads it half-written. Where hard
 * links are not supported (FAT, some network shares), an exclusive create does the same job.
 */
function createExclusive(path: string, text: string): boolean {
  // Named as the tool's temporary files are (`.NAME.pmw-PID.tmp`), so a sweep after kill -9 knows it.
  const temp = join(dirname(path), `.${basename(path)}.pmw-${process.pid}.tmp`);
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

function createQuietly(path: string, text: string): boolean {
  try {
    return createExclusive(path, text);
  } catch {
    return false;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A takeover that has not finished in this long was left by a process that died doing it. */
const TAKEOVER_LIMIT_MS = 5_000;

/** Removes the lock `seen` if this process gets to do it; false if another is at it. */
function removeIfStill(path: string, seen: string, mine: string, now: Date): boolean {
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
    if (readFileSync(path, 'utf8') === seen) unlinkSync(path);
  } catch {
    // Already gone.
  } finally {
    unlinkSync(guard);
  }
  return true;
}

type Taken = { ok: true } | { ok: false; owner: LockOwner; unverified: boolean } | { ok: 'unlockable' };

const unknownOwner = (now: Date): LockOwner => ({ pid: 0, host: 'unknown', since: now.toISOString() });

/** Puts `text` in the lock file `path`, taking over a stale lock (or an unverified one when `takeOver`). */
function take(path: string, text: string, host: string, now: Date, takeOver: boolean): Taken {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      if (createExclusive(path, text)) return { ok: true };
    } catch {
      return { ok: 'unlockable' };
    }
    let found: string;
    try {
      found = readFileSync(path, 'utf8');
    } catch {
      continue; // Released between our create and our read: try again.
    }
    const owner = parseOwner(found);
    const verdict = judge(path, owner, host, now);
    if (verdict === 'live' || (verdict === 'unverified' && !takeOver)) return { ok: false, owner: owner ?? unknownOwner(now), unverified: verdict === 'unverified' };
    // Only one process at a time may remove a lock: the one that made `<lock>.takeover`
    // (exclusively, as above). It checks the lock is still the one judged and removes it;
    // then everyone races for the free name as at the start.
    if (!removeIfStill(path, found, text, now)) pause(25);
  }
  // Round after round of others taking and dropping it: report whoever has it now.
  const owner = existsSync(path) ? parseOwner(readFileSync(path, 'utf8')) : undefined;
  return owner ? { ok: false, owner, unverified: false } : { ok: 'unlockable' };
}

/** The lock files of the folder whose draft is the same file as `real` by another name (a hard link). */
function twinLocks(real: string): string[] {
  let id: { dev: number; ino: number; nlink: number };
  try {
    id = statSync(real);
  } catch {
    return [];
  }
  if (id.nlink < 2) return [];
  let names: string[];
  try {
    names = readdirSync(dirname(real));
  } catch {
    return [];
  }
  const own = `${basename(real)}.lock`;
  return names
    .filter((name) => name.endsWith('.lock') && name !== own)
    .map((name) => join(dirname(real), name))
    .filter((lock) => {
      try {
        const other = statSync(lock.slice(0, -'.lock'.length));
        return other.dev === id.dev && other.ino === id.ino;
      } catch {
        return false;
      }
    });
}

/**
 * Takes the lock for `draftPath`, or says who has it. A folder where no lock can be made
 * (read-only, missing) gives a lock that holds nothing: saving there fails anyway, and says so.
 */
export function acquireDraftLock(draftPath: string, options: LockOptions = {}): LockAttempt {
  const now = options.now ?? new Date();
  const host = options.host ?? hostname();
  const real = realDraftPath(draftPath);
  const mine: LockOwner = { pid: process.pid, host, since: now.toISOString(), token: newToken(), started: processStart(process.pid), draft: real };
  const text = `${JSON.stringify(mine)}\n`;
  const path = `${real}.lock`;
  const first = take(path, text, host, now, options.takeOver ?? false);
  if (first.ok === 'unlockable') return { ok: true, lock: new DraftLock([path], undefined) };
  if (!first.ok) return first;
  const paths = [path];
  // Another name of the same file, locked by its own name: that lock is taken too (so its
  // owner, taken over, stops saving), or its owner keeps the draft.
  for (const twin of twinLocks(real)) {
    let found: string;
    try {
      found = readFileSync(twin, 'utf8');
    } catch {
      continue;
    }
    const owner = parseOwner(found);
    const verdict = judge(twin, owner, host, now);
    if (verdict === 'stale') continue;
    const taken = verdict === 'unverified' && options.takeOver && removeIfStill(twin, found, text, now) && createQuietly(twin, text);
    if (taken) {
      paths.push(twin);
      continue;
    }
    new DraftLock(paths, text).release();
    return { ok: false, owner: owner ?? unknownOwner(now), unverified: verdict === 'unverified' };
  }
  return { ok: true, lock: new DraftLock(paths, text) };
}
