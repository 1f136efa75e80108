import { INVISIBLE } from '../draft/clean-text.js';

/*
 * Text from a file (a title, a quote, a file name) on its way to the terminal. Escape
 * sequences and control characters in it could retitle the window, write the clipboard
 * (OSC 52) or fake a prompt, and bidirectional overrides make text read as something else:
 * here each is shown as a visible stand-in, never passed through. Line breaks and tabs stay.
 */

// C0 controls but tab and line feed, DEL, and C1 controls (0x9B is CSI to some terminals).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** C0 controls as their control pictures (ESC as ␛), everything else as ⟨U+XXXX⟩. */
function standIn(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\u27e8${codePoint(char)}\u27e9`;
}

/** The text as a terminal may show it: nothing in it is obeyed as a command. */
export function printable(text: string): string {
  return text.replace(CONTROL, standIn).replace(INVISIBLE, standIn);
}

/** JSON for the terminal or a pipe: the same data, with the characters above written as \u escapes. */
export function printableJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes a command's output; every command prints through these two. */
export function out(text: string): void {
  process.stdout.write(printable(text));
}

export function err(text: string): void {
  process.stderr.write(printable(text));
}
