import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * What each way in evaluates before it draws or prints anything, read from the production
 * bundle's import graph (dist/meta.json, written by `npm run build`, which `npm test` runs
 * first). Modules reached only through `import()` are evaluated when that code runs.
 */
interface Meta {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
}

function readMeta(name: string): Meta {
  const file = new URL(`../../${name}`, import.meta.url);
  if (!existsSync(file)) throw new Error(`${name} is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Meta;
}

function loadedAtStart(entry: string): Set<string> {
  const meta = readMeta('dist/meta.json');
  if (!meta.inputs[entry]) throw new Error(`${entry} is not in the bundle.`);
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imported of meta.inputs[path]?.imports ?? []) if (imported.kind !== 'dynamic-import' && !imported.external) queue.push(imported.path);
  }
  return seen;
}

function packages(paths: Set<string>): string[] {
  const names = new Set<string>();
  for (const path of paths) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

describe('what start-up loads', () => {
  it('the command line loads no package before it knows the command; its argument parser loads only commander', () => {
    expect(packages(loadedAtStart('src/cli.ts'))).toEqual([]);
    expect(packages(loadedAtStart('src/cli-program.ts'))).toEqual(['commander']);
  });

  it('render, check, list and import never load ink or React', () => {
    for (const command of ['src/commands/render.ts', 'src/commands/check.ts', 'src/commands/list.ts', 'src/commands/import.ts']) {
      const loaded = packages(loadedAtStart(command));
      expect(loaded, command).not.toContain('ink');
      expect(loaded, command).not.toContain('react');
      expect(loaded, command).not.toContain('yoga-layout');
    }
  });

  it('the libraries only other commands and later screens use are in the cold bundle, not the main one', () => {
    const main = packages(new Set(Object.keys(readMeta('dist/meta.json').inputs)));
    const cold = packages(new Set(Object.keys(readMeta('dist/meta-cold.json').inputs)));
    for (const later of ['yaml', 'js-yaml', 'conf', 'valibot', 'liquidjs', 'parse5', 'chrono-node', 'micromark']) {
      expect(cold, later).toContain(later);
      expect(main, later).not.toContain(later);
    }
    // The two bundles share no library.
    expect(cold.filter((name) => main.includes(name))).toEqual([]);
  });

  it('the wizard loads one copy of signal-exit (ink and restore-cursor share it) and no copy of a built-in it imports whole', () => {
    const modules = [...loadedAtStart('src/ui/run.tsx')];
    expect(modules.filter((path) => /signal-exit\/index\.js$/.test(path))).toHaveLength(1);
    // `import process from 'node:process'` is served the built-in itself (scripts/build/shared-modules.mjs).
    expect(modules).toContain('builtin-default:node:process');
  });

  it('the wizard draws its first question before loading YAML, the settings store, file writing or the template engine', () => {
    const modules = loadedAtStart('src/ui/run.tsx');
    const loaded = packages(modules);
    expect(loaded).toContain('ink');
    for (const later of ['yaml', 'js-yaml', 'conf', 'valibot', 'liquidjs']) expect(loaded).not.toContain(later);
    expect(modules).not.toContain('src/store/atomic-write.ts');
  });
});
