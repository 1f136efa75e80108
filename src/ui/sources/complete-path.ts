import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Tab completion for a path being typed, as a shell does it: the names in its folder that
 * start with what follows the last `/`, folders with a `/` added. Hidden files only when a
 * `.` is typed. Unreadable folders complete to nothing.
 */
export function completePath(text: string, cwd = process.cwd(), home = homedir()): string[] {
  const slash = text.lastIndexOf('/');
  const folderTyped = slash === -1 ? '' : text.slice(0, slash + 1);
  const prefix = text.slice(slash + 1);
  const expanded = folderTyped.startsWith('~/') ? join(home, folderTyped.slice(2)) : folderTyped;
  const folder = expanded === '' ? cwd : expanded.startsWith('/') ? expanded : join(cwd, expanded);
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.name.startsWith(prefix) && (prefix.startsWith('.') || !entry.name.startsWith('.')))
    .map((entry) => `${folderTyped}${entry.name}${entry.isDirectory() ? '/' : ''}`)
    .sort((a, b) => a.localeCompare(b));
}

/** A typed path as the file system reads it (`~/` is the home folder). */
export function expandPath(text: string, home = homedir()): string {
  const trimmed = text.trim();
  return trimmed === '~' ? home : trimmed.startsWith('~/') ? join(home, trimmed.slice(2)) : trimmed;
}

/** Tab on a path: the one candidate, or the start all candidates share (as a shell completes). */
export function completeToShared(text: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  let shared = candidates[0]!;
  for (const candidate of candidates) {
    let i = 0;
    while (i < shared.length && shared[i] === candidate[i]) i += 1;
    shared = shared.slice(0, i);
  }
  return shared.length > text.length ? shared : candidates.length === 1 ? candidates[0] : text;
}
