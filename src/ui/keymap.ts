import type { Key } from 'ink';

/*
 * Keys by meaning. Views ask "is this `back`?" and the footer shows each meaning's keys
 * from this one table, so what the footer says is what the screen does.
 */

export type KeyMeaning =
  | 'submit' | 'back' | 'quit' | 'newline' | 'openEditor'
  | 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'
  | 'add' | 'edit' | 'delete' | 'done' | 'complete' | 'yes' | 'no' | 'saveElsewhere'
  | 'reloadTheirs' | 'keepMine' | 'letter' | 'takePlaceholder'
  | 'fromFile' | 'toggle' | 'toggleAll' | 'nextKind' | 'wider' | 'narrower' | 'names' | 'zone';

interface Binding {
  label: string;
  matches(input: string, key: Key): boolean;
}

const letter = (c: string) => (input: string, key: Key) => !key.ctrl && !key.meta && input.toLowerCase() === c;

export const KEYMAP: Record<KeyMeaning, Binding> = {
  submit: { label: 'Enter', matches: (_, key) => key.return && !key.meta },
  back: { label: 'Esc', matches: (_, key) => key.escape },
  quit: { label: 'Ctrl+C', matches: (input, key) => key.ctrl && input === 'c' },
  // Ctrl+J arrives as a bare "\n"; Alt+Enter as return with meta.
  newline: { label: 'Ctrl+J', matches: (input, key) => input === '\n' || (key.return && key.meta) },
  openEditor: { label: 'Ctrl+X', matches: (input, key) => key.ctrl && input === 'x' },
  up: { label: '↑', matches: (_, key) => key.upArrow },
  down: { label: '↓', matches: (_, key) => key.downArrow },
  pageUp: { label: 'PgUp', matches: (_, key) => key.pageUp },
  pageDown: { label: 'PgDn', matches: (_, key) => key.pageDown },
  home: { label: 'Home', matches: (_, key) => key.home },
  end: { label: 'End', matches: (_, key) => key.end },
  add: { label: 'a', matches: letter('a') },
  edit: { label: 'e', matches: (input, key) => letter('e')(input, key) || (key.return && !key.meta) },
  delete: { label: 'd', matches: letter('d') },
  done: { label: 'Tab', matches: (_, key) => key.tab && !key.shift },
  complete: { label: 'Tab', matches: (_, key) => key.tab && !key.shift },
  yes: { label: 'y', matches: letter('y') },
  no: { label: 'n', matches: (input, key) => letter('n')(input, key) || key.escape },
  saveElsewhere: { label: 'Ctrl+S', matches: (input, key) => key.ctrl && input === 's' },
  // Only while the draft was changed outside the wizard; the screen's keys wait meanwhile.
  reloadTheirs: { label: 'r', matches: letter('r') },
  keepMine: { label: 'k', matches: letter('k') },
  // An empty field's placeholder (a default, an example) becomes its text, as in fish and @clack.
  takePlaceholder: { label: 'Tab/→', matches: (_, key) => (key.tab && !key.shift) || key.rightArrow },
  // The timeline from a file (a chat export, a pager log) and its pick list.
  fromFile: { label: 'f', matches: letter('f') },
  toggle: { label: 'Space', matches: (input, key) => input === ' ' && !key.ctrl && !key.meta },
  toggleAll: { label: 'a', matches: letter('a') },
  nextKind: { label: 'k', matches: letter('k') },
  wider: { label: '+', matches: (input) => input === '+' || input === '=' },
  narrower: { label: '-', matches: (input) => input === '-' || input === '_' },
  names: { label: 'n', matches: letter('n') },
  zone: { label: 'z', matches: letter('z') },
  // A pick list picked by an item's first letter (see Choice).
  letter: { label: 'a–z', matches: (input, key) => !key.ctrl && !key.meta && /^\p{L}$/u.test(input) },
};

export function is(meaning: KeyMeaning, input: string, key: Key): boolean {
  return KEYMAP[meaning].matches(input, key);
}

/** A footer hint: the keys of a meaning and what it does here. */
export interface Hint {
  keys: KeyMeaning | KeyMeaning[];
  does: string;
}

export function describeHint(hint: Hint): string {
  const meanings = Array.isArray(hint.keys) ? hint.keys : [hint.keys];
  return `${meanings.map((m) => KEYMAP[m].label).join('/')} ${hint.does}`;
}
