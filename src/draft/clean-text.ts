/*
 * Text typed or pasted by a person may carry terminal escape sequences, control characters
 * and invisible direction changes; none of them may reach the draft, the screen or the README.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-byte escapes (ESC + one char).
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])?|\u009b[0-?]*[ -/]*[@-~]?/g;
// C0 and C1 controls except tab and line feed, plus DEL.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Bidirectional embeddings, overrides and isolates, and invisible characters that hide text:
 * with them a sentence can read as something other than what it is ("Trojan Source"). The
 * joiners some scripts and emoji need (U+200C, U+200D) are not among them.
 */
export const INVISIBLE = /[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Multi-line text: line breaks of any platform become `\n`, tabs become spaces. */
export function cleanBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(/\t/g, '  ');
}

/** One-line text: as cleanBlock, with line breaks folded into single spaces. */
export function cleanLine(text: string): string {
  return cleanBlock(text).replace(/\s*\n\s*/g, ' ');
}
