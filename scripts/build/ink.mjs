import { readFileSync } from 'node:fs';
import { replaceOnce } from './replace-once.mjs';

const INK_RECONCILER = /node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/;
const INK_ERROR_OVERVIEW = /node_modules[\\/]ink[\\/]build[\\/]components[\\/]ErrorOverview\.js$/;

/**
 * Ink's reconciler awaits its devtools and package.json only when DEV=true; the bundle has neither.
 * Ink's error screen builds its stack-trace parser at load (a regex per Node built-in, and
 * node:module to list them); it is built here when an error is first shown.
 */
export const inkPlugin = {
  name: 'ink-without-devtools',
  setup(b) {
    b.onLoad({ filter: INK_RECONCILER }, ({ path }) => {
      let source = readFileSync(path, 'utf8');
      source = replaceOnce(source, "await import('./devtools.js');", 'void 0;', path);
      source = replaceOnce(source, '? await loadPackageJson()', '? {}', path);
      return { contents: source, loader: 'js' };
    });
    b.onLoad({ filter: INK_ERROR_OVERVIEW }, ({ path }) => {
      let source = readFileSync(path, 'utf8');
      source = replaceOnce(source, "import StackUtils from 'stack-utils';\n", '', path);
      source = replaceOnce(
        source,
        'const stackUtils = new StackUtils({\n    cwd: cwd(),\n    internals: StackUtils.nodeInternals(),\n});',
        `let stackUtilsMade;
const stackUtils = {
    parseLine(line) {
        const StackUtils = require('stack-utils');
        stackUtilsMade ??= new StackUtils({ cwd: cwd(), internals: StackUtils.nodeInternals() });
        return stackUtilsMade.parseLine(line);
    },
};`,
        path,
      );
      return { contents: source, loader: 'js' };
    });
  },
};

/*
 * The first touch of the `performance` global makes Node load nine perf_hooks modules (1.2-1.9 ms
 * here). React's scheduler and ink read it only to time their own work, for which Date's
 * milliseconds do: ink renders synchronously (legacy mode), so nothing is sliced finer.
 */
const SCHEDULER = /node_modules[\\/]scheduler[\\/]cjs[\\/]scheduler\.production\.js$/;
const INK_INSTANCE = /node_modules[\\/]ink[\\/]build[\\/]ink\.js$/;
export const noPerformanceGlobalPlugin = {
  name: 'no-performance-global',
  setup(b) {
    b.onLoad({ filter: SCHEDULER }, ({ path }) => ({
      contents: replaceOnce(readFileSync(path, 'utf8'), 'if ("object" === typeof performance && "function" === typeof performance.now) {', 'if (false) {', path),
      loader: 'js',
    }));
    b.onLoad({ filter: INK_INSTANCE }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (source.split('performance.now()').length !== 3) throw new Error(`build: expected two performance.now() calls in ${path}; the dependency changed.`);
      return { contents: source.replaceAll('performance.now()', 'Date.now()'), loader: 'js' };
    });
  },
};
