import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/run-cli.js';
import { fixture, tempDir } from '../support/temp.js';

const FILLER = 'The on-call engineer read the dashboards again, compared the error rates with the deploy log and wrote down what was seen.';

/** The seed draft (about 0.85 MB as Markdown) with 5,000 timeline entries, all the day after its end (one finding each). */
function bigDraft(dir: string): string {
  const entries = Array.from({ length: 5000 }, (_, i) => `  - at: "2023-08-03 14:${String(i % 60).padStart(2, '0')}"\n    kind: action\n    text: Entry number ${i}. ${FILLER}`);
  const text = readFileSync(fixture('seed-000-payment.yaml'), 'utf8').replace(/^timeline:\n(?: {2}.*\n)+/m, `timeline:\n${entries.join('\n')}\n`);
  const path = join(dir, 'big.yaml');
  writeFileSync(path, text);
  return path;
}

/** Runs the built command through the shell, its stdout piped into `reader`; the pipeline's exit codes. */
function piped(dir: string, args: string, reader: string): { codes: number[]; stdout: Buffer } {
  const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args} | ${reader}; echo "\${PIPESTATUS[@]}" >&2`], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const codes = result.stderr.toString().trim().split('\n').at(-1)!.split(' ').map(Number);
  return { codes, stdout: result.stdout };
}

// process.exit before stdout drained used to cut a pipe at 64 KiB, with exit 0.
describe('output to a pipe', () => {
  it('is complete, byte for byte the file render writes', () => {
    const dir = tempDir();
    bigDraft(dir);
    expect(spawnSync(process.execPath, [BIN, 'render', 'big.yaml', '-o', 'out.md'], { cwd: dir }).status).toBe(0);
    const file = readFileSync(join(dir, 'out.md'));
    expect(file.length).toBeGreaterThan(800_000);
    const whole = piped(dir, 'render big.yaml -o -', 'cat');
    expect(whole.codes[0]).toBe(0);
    expect(whole.stdout.equals(file)).toBe(true);
  }, 60_000);

  it('stops quietly with exit 0 when the reader closes early (head)', () => {
    const dir = tempDir();
    bigDraft(dir);
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" render big.yaml -o - 2>err.txt | head -c 100; echo " \${PIPESTATUS[@]}" >&2`], { cwd: dir, timeout: 60_000 });
    expect(result.stdout.length).toBe(100);
    expect(result.stderr.toString().trim().split(' ')[0]).toMatch(/^[01]$/);
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).not.toMatch(/EPIPE|Error/);
  }, 60_000);

  it('gives a JSON parser the whole of check --json', () => {
    const dir = tempDir();
    bigDraft(dir);
    const result = piped(dir, 'check big.yaml --json', 'cat');
    expect(result.codes[0]).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(500_000);
    const report = JSON.parse(result.stdout.toString('utf8'));
    expect(report.problems.length).toBeGreaterThan(4000);
  }, 60_000);
});
