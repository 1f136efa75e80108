import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * Our own atomic write: a temp file beside the target, named so the tool knows its own
 * (`.<name>.pmw-<pid>.tmp`), created exclusively so nothing already at that path (a symlink
 * a person or an attacker left) is ever opened, flushed, then renamed over the target. The
 * rename replaces whatever is at the target's name (a symlink or FIFO at `.bak` included)
 * rather than writing through it.
 */

const OWN_TEMP = /^\.(.+)\.pmw-(\d+)\.tmp$/;

export function tempPathFor(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.pmw-${pid}.tmp`);
}

/** Writes to one temp path run one after another (two saves of one file in this process). */
const queues = new Map<string, Promise<unknown>>();

export interface AtomicWriteOptions {
  /** Write to the file a symlink at `path` points to (the draft, a README), keeping the link. */
  followSymlink?: boolean;
}

export async function writeFileAtomically(path: string, data: string, options: AtomicWriteOptions = {}): Promise<void> {
  const target = options.followSymlink ? await realpathOrSelf(path) : path;
  const temp = tempPathFor(target);
  const previous = queues.get(temp) ?? Promise.resolve();
  const run = previous.then(() => writeThroughTemp(target, temp, data), () => writeThroughTemp(target, temp, data));
  queues.set(temp, run);
  try {
    await run;
  } finally {
    if (queues.get(temp) === run) queues.delete(temp);
  }
}

async function realpathOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

async function writeThroughTemp(target: string, temp: string, data: string): Promise<void> {
  const mode = await modeOf(target);
  const handle = await openExclusive(temp);
  try {
    await handle.writeFile(data, 'utf8');
    // A draft that was not world-readable stays so (open's mode goes through the umask).
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A leftover of ours at the temp path (our pid reused, a kill) is removed, never opened. */
async function openExclusive(temp: string) {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  try {
    return await open(temp, flags, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await unlink(temp);
    return await open(temp, flags, 0o666);
  }
}

async function modeOf(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** True while a process of that id exists (EPERM: it exists, under another user). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files of ours in `folder` whose process is gone (a crash or kill -9 mid-save).
 * Only names of our own pattern: a person's `pm.yaml.20231105` is never touched. Returns
 * how many were removed.
 */
export async function sweepStaleTemps(folder: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = OWN_TEMP.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    const path = join(folder, name);
    try {
      // lstat: a symlink of that name is removed itself, never followed.
      const info = await lstat(path);
      if (info.isDirectory()) continue;
      await unlink(path);
      removed++;
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
  return removed;
}
