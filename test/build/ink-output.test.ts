import { build } from 'esbuild';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { inkOutputPlugin } from '../../scripts/build/ink-output.mjs';
import { runs } from '../support/property.js';
import { tempDir } from '../support/temp.js';

/*
 * scripts/build/ink-output.mjs changes how ink turns a frame into text (shared blank cells, no
 * style diff between characters styled alike). The bundle built with it must write exactly what
 * ink writes without it, for any styled text, wide characters, overlaps and clips.
 */
interface Output {
  write(x: number, y: number, text: string, options: { transformers: unknown[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
interface Built {
  Output: new (options: { width: number; height: number }) => Output;
  tokenize(text: string): unknown[];
  styledCharsFromTokens(tokens: unknown[]): unknown[];
  styledCharsToString(chars: unknown[]): string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(patched: boolean): Promise<Built> {
  const outfile = join(tempDir('pmw-ink-output-'), 'output.cjs');
  const result = await build({
    stdin: {
      contents: `export { tokenize, styledCharsFromTokens, styledCharsToString } from '@alcalzone/ansi-tokenize';
export { default as Output } from './node_modules/ink/build/output.js';`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error',
    plugins: patched ? [inkOutputPlugin] : [],
  });
  writeFileSync(outfile, result.outputFiles[0]!.text);
  return createRequire(import.meta.url)(outfile) as Built;
}

const SGR = ['0', '1', '2', '3', '4', '7', '9', '22', '23', '24', '27', '29', '31', '32', '36', '39', '90', '41', '49', '38;5;208', '48;2;10;20;30'];
const styledText = fc
  .array(fc.oneof(fc.constantFrom(...SGR).map((code) => `\u001b[${code}m`), fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', 'é', '界', '─', '›', '😀'), maxLength: 8 })), { maxLength: 12 })
  .map((parts) => parts.join(''));
const operation = fc.oneof(
  fc.record({ type: fc.constant('write' as const), x: fc.nat(12), y: fc.nat(5), text: fc.array(styledText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) }),
  fc.record({ type: fc.constant('clip' as const), x1: fc.nat(10), width: fc.nat(12), y1: fc.nat(4), height: fc.nat(4) }),
  fc.constant({ type: 'unclip' as const }),
);

describe("ink's frame output, as the build patches it", () => {
  let original: Built;
  let patched: Built;
  beforeAll(async () => {
    [original, patched] = await Promise.all([bundle(false), bundle(true)]);
  });

  it('turns any styled text into the same string', () => {
    fc.assert(
      fc.property(styledText, (text) => {
        const render = (built: Built) => built.styledCharsToString(built.styledCharsFromTokens(built.tokenize(text)));
        expect(render(patched)).toBe(render(original));
      }),
      { numRuns: runs(500) },
    );
  });

  it('writes any frame (overlapping writes, clips, wide characters) as ink does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 6 }), fc.array(operation, { maxLength: 10 }), (width, height, operations) => {
        const frame = (built: Built) => {
          const output = new built.Output({ width, height });
          let clips = 0;
          for (const op of operations) {
            if (op.type === 'write') output.write(op.x, op.y, op.text, { transformers: [] });
            else if (op.type === 'clip') {
              output.clip({ x1: op.x1, x2: op.x1 + op.width, y1: op.y1, y2: op.y1 + op.height });
              clips++;
            } else if (clips > 0) {
              output.unclip();
              clips--;
            }
          }
          return output.get();
        };
        expect(frame(patched)).toEqual(frame(original));
      }),
      { numRuns: runs(300) },
    );
  });

  it('is applied: the patched build shares one blank cell and skips equal-style diffs', async () => {
    const result = await build({
      stdin: { contents: `export { default } from './node_modules/ink/build/output.js'; export * from '@alcalzone/ansi-tokenize';`, resolveDir: root, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'error',
      plugins: [inkOutputPlugin],
    });
    const text = result.outputFiles[0]!.text;
    expect(text).toContain('row.push(BLANK_CELL)');
    expect(text).toContain('!sameStyles(chars[i - 1].styles, char.styles)');
  });
});
