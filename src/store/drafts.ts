import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { progressSummary } from '../draft/progress.js';
import type { Draft } from '../draft/schema.js';
import { systemZoneName } from '../time/zone.js';
import type { DraftFile } from './draft-file.js';
import type { LockOwner } from './draft-lock.js';
import { DraftFileError, SaveError } from './errors.js';
import type { Settings } from './settings.js';
import { invocation } from '../process/invocation.js';

/*
 * Finding, creating and opening drafts: what `new`, `resume`, `list` and the home screen
 * share. Nothing here draws anything. The YAML reader and the settings store are imported
 * where they are used, so drawing the first question of `new` waits for neither.
 */

export function shortPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** `postmortem.yaml`, or the first `postmortem-N.yaml` that does not exist yet. */
export function suggestNewPath(cwd = process.cwd()): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'postmortem.yaml' : `postmortem-${n}.yaml`;
    if (!existsSync(resolve(cwd, name))) return name;
  }
}

/**
 * Where to offer saving a draft whose own file cannot be written: the same name in the home
 * folder (which can almost always be written), numbered if that name is taken.
 */
export function suggestElsewhere(path: string, home = homedir()): string {
  const name = basename(path, extname(path)) || 'postmortem';
  for (let n = 1; ; n++) {
    const candidate = join(home, n === 1 ? `${name}.yaml` : `${name}-${n}.yaml`);
    if (candidate !== resolve(path) && !existsSync(candidate)) return candidate;
  }
}

/** Checks a path for a new draft: adds `.yaml` when there is no extension; never an existing file. */
export function checkNewPath(text: string, cwd = process.cwd()): { ok: true; value: string } | { ok: false; error: string } {
  let typed = text.trim();
  if (typed === '') return { ok: false, error: 'Type a file name for the draft, like postmortem.yaml.' };
  // The shell would have expanded it; a prompt must do the same.
  if (typed === '~' || typed.startsWith('~/')) typed = join(homedir(), typed.slice(1));
  const asTyped = resolve(cwd, typed);
  if (existsSync(asTyped) && statSync(asTyped).isDirectory()) {
    return { ok: false, error: `${text.trim()} is a folder: give a file name for the draft, like ${join(text.trim(), 'postmortem.yaml')}.` };
  }
  const withExtension = extname(typed) === '' ? `${typed}.yaml` : typed;
  const path = resolve(cwd, withExtension);
  if (existsSync(path)) {
    if (isWrittenPostmortem(path)) return { ok: false, error: `${withExtension} is a written postmortem: make a draft of it with \`${invocation()} import ${withExtension}\`, or choose another name.` };
    return { ok: false, error: `${withExtension} already exists: resume it with \`${invocation()} resume ${withExtension}\`, or choose another name.` };
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return { ok: false, error: `The folder ${shortPath(folder, cwd)} does not exist.` };
  return { ok: true, value: path };
}

/** git's user.name, the natural default author; nothing when git is missing or silent. */
export function gitUserName(): string | undefined {
  // child_process (and all it loads) is not needed to draw the first question: the build loads
  // it on this first use (scripts/build.mjs, lazy built-ins).
  const result = spawnSync('git', ['config', '--get', 'user.name'], { encoding: 'utf8', timeout: 2000 });
  const name = result.status === 0 ? result.stdout.trim() : '';
  return name || undefined;
}

/**
 * What a new draft starts with: author, timezone and template from the settings, else git and
 * the system. Asked for after the first frame: it reads the settings, runs git and loads the
 * time zone database, none of which the first question needs.
 */
export async function newDraftDefaults(): Promise<{ authors?: string[]; template: string; timezone: string }> {
  let settings: Settings = {};
  try {
    const { readSettings } = await import('../store/settings.js');
    settings = readSettings();
  } catch {
    // A settings file that cannot be read leaves the system's defaults.
  }
  const author = settings.author ?? gitUserName();
  return { template: settings.template ?? 'alx', timezone: settings.timezone ?? systemZoneName(), ...(author ? { authors: [author] } : {}) };
}

/**
 * A new draft, not yet on disk: its defaults arrive after the first frame, and with them the
 * first save, so the name is taken and `resume` finds it before anything else is typed.
 */
export function prepareNewDraft(path: string, preset: Draft = { version: 1 }): { file: DraftFile; draft: Draft } {
  // The same checks as the home screen's question: refused now, not at the first save.
  const checked = checkNewPath(path);
  if (!checked.ok) throw new Error(checked.error);
  return { file: { path: checked.value }, draft: preset };
}

/** A README, a page or a text: what `import` reads, never a draft (drafts are YAML). */
function isWrittenPostmortem(path: string): boolean {
  return /^\.(?:md|markdown|mdown|html?|txt|text)$/i.test(extname(path));
}

export async function openDraft(path: string): Promise<{ file: DraftFile; draft: Draft }> {
  // Said in terms of what to do next: a document is imported, a draft that is not there is started.
  const shown = shortPath(resolve(path));
  if (isWrittenPostmortem(path) && existsSync(path) && statSync(path).isFile()) {
    throw DraftFileError.at(path, `is a written postmortem, not a draft: \`${invocation()} import ${shown}\` makes a draft of it.`);
  }
  if (!existsSync(path)) throw DraftFileError.at(path, `does not exist: \`${invocation()} new ${shown}\` starts it.`);
  const { loadDraft } = await import('../store/draft-file.js');
  const loaded = await loadDraft(path);
  return { file: loaded, draft: loaded.draft };
}

/** Puts the draft on the recent list, after the first frame (it writes the settings file). */
export function rememberLater(path: string, title: string | undefined): void {
  setTimeout(async () => {
    try {
      const { rememberDraft } = await import('../store/settings.js');
      rememberDraft(path, title);
    } catch {
      // The recent list is a convenience; a settings folder that cannot be written loses nothing.
    }
  }, 0);
}

/** "process 4242, since 14:02 today": who has a draft open, in words. */
export function describeLockOwner(owner: LockOwner, now = new Date()): string {
  const since = DateTime.fromISO(owner.since);
  const today = since.isValid && since.hasSame(DateTime.fromJSDate(now), 'day');
  const when = !since.isValid ? 'since an unknown time' : today ? `since ${since.toFormat('HH:mm')} today` : `since ${since.toFormat('LLL d, HH:mm')}`;
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
  return owner.pid ? `process ${owner.pid}${where}, ${when}` : `a process that did not say which${where}`;
}

export function describeOpenError(error: unknown): string {
  if (error instanceof DraftFileError || error instanceof SaveError) return error.message;
  return (error as Error).message;
}

export interface DraftListing {
  path: string;
  shown: string;
  title?: string;
  progress?: { done: number; total: number };
  editedAt?: Date;
  /** Why the file cannot be opened, when it cannot. */
  problem?: string;
}

/** Recent drafts with what `list` and the home screen show; missing files are left out. */
export async function listRecentDrafts(cwd = process.cwd()): Promise<DraftListing[]> {
  const [{ loadDraft }, { recentDrafts }] = await Promise.all([import('../store/draft-file.js'), import('../store/settings.js')]);
  const listings: DraftListing[] = [];
  for (const recent of recentDrafts()) {
    if (!existsSync(recent.path)) continue;
    const shown = shortPath(recent.path, cwd);
    try {
      const loaded = await loadDraft(recent.path, 'read');
      listings.push({ path: recent.path, shown, title: loaded.draft.title, progress: progressSummary(loaded.draft), editedAt: statSync(recent.path).mtime });
    } catch (error) {
      listings.push({ path: recent.path, shown, problem: (error as Error).message.split('\n')[0] });
    }
  }
  return listings;
}

export function describeAge(date: Date | undefined, now = new Date()): string {
  if (!date) return '';
  return `edited ${DateTime.fromJSDate(date).toRelative({ base: DateTime.fromJSDate(now) }) ?? 'just now'}`;
}
