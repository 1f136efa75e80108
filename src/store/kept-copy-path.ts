import { readFileSync } from 'node:fs';

/**
 * Where to keep a copy (`DRAFT.theirs`, `DRAFT.mine`) without replacing an earlier one: the
 * base name, or `.2`, `.3`… after it. A copy already holding exactly `text` is reused.
 */
export function keptCopyPath(base: string, text?: string): string {
  for (let n = 1; ; n++) {
    const path = n === 1 ? base : `${base}.${n}`;
    let held: string;
    try {
      held = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
      continue;
    }
    if (text !== undefined && held === text) return path;
  }
}
