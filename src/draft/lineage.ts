/*
 * Which list item an edited item was made from. Edits create new objects (`{...old, text}`),
 * so identity alone loses track of an entry once it is edited; saving needs to know, so that
 * comments and hand-added keys stay with the entry they were written on. A WeakMap rather
 * than a symbol on the item: drafts stay plain data that compare equal in tests.
 */
const origins = new WeakMap<object, object>();

/** The first item of the chain `next` was edited from (itself when it was never edited). */
export function originOf(item: object): object {
  return origins.get(item) ?? item;
}

/** Notes that `next` replaces `old` (an edit, not a new item). Returns `next`. */
export function derive<T>(old: unknown, next: T): T {
  if (old !== next && isObject(old) && isObject(next)) origins.set(next, originOf(old));
  return next;
}

/** A list set as a whole with one item replaced (a list editor's edit): that item is derived from the old one. */
export function deriveReplacedItem(old: unknown, next: unknown): void {
  if (!Array.isArray(old) || !Array.isArray(next) || old.length !== next.length) return;
  let changed = -1;
  for (let i = 0; i < next.length; i++) {
    if (old[i] === next[i]) continue;
    if (changed !== -1) return;
    changed = i;
  }
  if (changed !== -1) derive(old[changed], next[changed]);
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
