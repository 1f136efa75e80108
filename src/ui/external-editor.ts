import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/**
 * The shell line that runs the editor on "$1". The command may carry arguments ("code --wait"),
 * so the shell reads it; `exec` makes the editor the process the wizard started, so a signal
 * passed on reaches the editor itself and not only a shell that would leave it running.
 */
function shellLine(command: string): string {
  // `exec` cannot take a leading assignment (`TERM=xterm vim`); such a line runs as it is.
  return /^\s*[A-Za-z_][A-Za-z0-9_]*=/.test(command) ? `${command} "$1"` : `exec ${command} "$1"`;
}

export type EditorResult = { ok: true } | { ok: false; error: string };

/** Told of the editor's process once it runs, so a signal for the wizard can be passed on to it. */
export type OnEditorStart = (editor: ChildProcess) => void;

type ReadHandle = { reading?: boolean; readStart?(): number; readStop?(): number };

/**
 * While the editor has the terminal the wizard must not read it: ink's unmount only drops its
 * listener and leaves the handle reading, which would steal the editor's keys. Returns how to
 * start again (the stream still counts a read as pending, so it would not restart by itself).
 */
function stopReading(stdin: NodeJS.ReadStream): () => void {
  const handle = (stdin as unknown as { _handle?: ReadHandle })._handle;
  if (!handle?.reading || !handle.readStop || !handle.readStart) return () => undefined;
  handle.readStop();
  handle.reading = false;
  return () => {
    if (handle.reading || stdin.destroyed) return;
    handle.readStart!();
    handle.reading = true;
  };
}

/**
 * Runs the editor on a file with the terminal handed over (stdio inherited, raw mode off) and
 * resolves when it closes. Asynchronous, so the wizard still hears SIGTERM/SIGHUP meanwhile.
 * The command may carry arguments ("code --wait"), so it runs through the shell.
 */
export function runEditor(file: string, onStart?: OnEditorStart): Promise<EditorResult> {
  const command = editorCommand();
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  const readAgain = stopReading(process.stdin);
  return new Promise<EditorResult>((resolve) => {
    const editor = spawn('/bin/sh', ['-c', shellLine(command), 'sh', file], { stdio: 'inherit' });
    let settled = false;
    const settle = (result: EditorResult) => {
      if (settled) return;
      settled = true;
      readAgain();
      resolve(result);
    };
    editor.once('error', (error) => settle({ ok: false, error: `Could not start the editor (${command}): ${error.message}.` }));
    editor.once('exit', (status, signal) => {
      if (status === 0) settle({ ok: true });
      else if (signal) settle({ ok: false, error: `The editor (${command}) was ended by ${signal}; the text was not changed.` });
      else settle({ ok: false, error: `The editor (${command}) exited with code ${status}; the text was not changed.` });
    });
    onStart?.(editor);
  });
}

/** Edits a piece of text in a temporary Markdown file (readable by this user only). */
export async function editText(text: string, onStart?: OnEditorStart): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-wizard-'));
  const file = join(dir, 'answer.md');
  try {
    writeFileSync(file, text, { mode: 0o600 });
    const result = await runEditor(file, onStart);
    if (!result.ok) return result;
    return { ok: true, text: readFileSync(file, 'utf8').replace(/\s+$/, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
