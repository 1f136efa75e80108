/** Patches a dependency's source, failing the build if the text to patch is gone (the dependency changed). */
export function replaceOnce(source, from, to, file) {
  if (!source.includes(from)) throw new Error(`build: expected to find ${JSON.stringify(from)} in ${file}; the dependency changed.`);
  return source.replace(from, to);
}
