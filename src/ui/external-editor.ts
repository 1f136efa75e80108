import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** $VISUAL, then $EDITOR, then an editor most systems have. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.VISUAL?.trim() || env.EDITOR?.trim();
  if (chosen) return chosen;
  for (const candidate of ['nano', 'vi']) {
    if (spawnSync('sh', ['-c', `command -v ${candidate}`], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return 'vi';
}

function quote(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the editor on a file with the terminal handed over (stdio inherited); resolves when it
 * closes. The command may carry arguments ("code --wait"), so it runs through the shell.
 */
export function runEditor(file: string): { ok: true } | { ok: false; error: string } {
  const command = editorCommand();
  const result = spawnSync(`${command} ${quote(file)}`, { shell: true, stdio: 'inherit' });
  if (result.error) return { ok: false, error: `Could not start the editor (${command}): ${result.error.message}.` };
  if (result.status !== 0) return { ok: false, error: `The editor (${command}) exited with code ${result.status}; the text was not changed.` };
  return { ok: true };
}

/** Edits a piece of text in a temporary Markdown file; undefined when the editor failed. */
export function editText(text: string): { ok: true; text: string } | { ok: false; error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-wizard-'));
  const file = join(dir, 'answer.md');
  try {
    writeFileSync(file, text);
    const result = runEditor(file);
    if (!result.ok) return result;
    return { ok: true, text: readFileSync(file, 'utf8').replace(/\s+$/, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
