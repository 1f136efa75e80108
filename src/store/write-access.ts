import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const octal = (mode: number) => (mode & 0o777).toString(8);

/** No write bit for anyone: read-only as the user meant it, even for root (whom access() lets write). */
function refusesWrites(path: string): number | undefined {
  const { mode } = statSync(path);
  if ((mode & 0o222) === 0) return mode;
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch {
    return mode;
  }
}

/**
 * Why the draft at `path` cannot be saved, as the rest of a sentence starting with its name
 * ("is read-only (mode 444)"), or undefined when it can. A save renames a new file over the
 * draft, so the folder must be writable too; without this check a 444 draft in a writable folder
 * would be silently replaced.
 */
export function whyReadOnly(path: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined; // Not there (yet): saving will say what is wrong.
  }
  try {
    const file = refusesWrites(real);
    if (file !== undefined) return (file & 0o222) === 0 ? `is read-only (mode ${octal(file)})` : `cannot be written by this user (mode ${octal(file)})`;
    const folder = refusesWrites(dirname(real));
    if (folder !== undefined) return `is in a folder that cannot be written (${basename(dirname(real)) || '/'}, mode ${octal(folder)})`;
  } catch {
    return undefined;
  }
  return undefined;
}
