/*
 * esbuild gives every ES module that imports a CommonJS one (React, Node's built-ins) its own
 * copy of the exports, one getter per name: before the first screen that was about 3,200
 * getters (React's 60 names for each of 43 importers). One copy per module and kind of import
 * serves every importer; the getters read the live exports, so sharing them changes nothing.
 * A module that gained exports since (a require cycle) gets a fresh copy.
 */
const COPY_ONCE = `((copyEach, copies) => (mod, isNodeMode) => {
  if (mod === null || (typeof mod !== "object" && typeof mod !== "function")) return copyEach(mod, isNodeMode);
  const kind = isNodeMode || !mod.__esModule ? 1 : 0;
  const names = Object.getOwnPropertyNames(mod).length;
  const held = copies.get(mod) ?? [];
  copies.set(mod, held);
  if (held[kind]?.names !== names) held[kind] = { names, copy: copyEach(mod, isNodeMode) };
  return held[kind].copy;
})`;
export function copyEsmExportsOnce(code) {
  // The helper, minified or not: var NAME = (mod, isNodeMode, target) => (target = mod != null ? ...
  const helper = /var ([\w$]+) ?= ?\(([\w$]+), ?([\w$]+), ?([\w$]+)\) ?=> ?\(\s*\4 ?= ?\2 ?!= ?null ?\?/.exec(code);
  if (!helper) throw new Error("build: esbuild's __toESM helper changed; update copyEsmExportsOnce in scripts/build.mjs.");
  // The end of its `var` statement: the first `;` outside brackets (the helpers hold no `;` in strings).
  let depth = 0;
  let end = helper.index;
  for (; end < code.length; end++) {
    const char = code[end];
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ';' && depth === 0) break;
  }
  if (depth !== 0 || end === code.length) throw new Error('build: could not find the end of the __toESM helper.');
  const name = helper[1];
  return `${code.slice(0, end + 1)}${name}=${COPY_ONCE.replace(/\n\s*/g, ' ')}(${name}, new WeakMap());${code.slice(end + 1)}`;
}
