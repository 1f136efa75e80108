import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { KeyDispatcher, type KeyHandler } from '../../src/ui/key-dispatcher.js';

const PLAIN: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** A dispatcher whose "screen" commits when the test says, and the views subscribed at that moment. */
function harness() {
  let wakes = 0;
  const dispatcher = new KeyDispatcher(() => undefined, () => wakes++);
  const seen: string[] = [];
  const view = (name: string, text = false) => {
    const handler: KeyHandler = (input, key) => seen.push(`${name}:${key.return ? '⏎' : key.tab ? '⇥' : input}`);
    return dispatcher.subscribe({ handler: { current: handler }, text });
  };
  /** ink reports an event: its raw text, then the parsed key (a run of text has no flags). */
  const read = (raw: string, key: Partial<Key> = {}) => {
    dispatcher.onRaw(raw);
    dispatcher.onKey(raw.replace(/^\u001b/, ''), { ...PLAIN, ...key });
  };
  /** The screen committed; if a key is waiting, the dispatcher's wake-up event comes. */
  const commit = () => {
    const before = wakes;
    dispatcher.committed();
    if (wakes > before) read('');
  };
  return { view, read, commit, seen };
}

describe('the key dispatcher', () => {
  it('tells Backspace (DEL, which ink reports as delete) from the Delete key, alone and in a run', () => {
    let woken = 0;
    const dispatcher = new KeyDispatcher(() => undefined, () => woken++);
    const got: string[] = [];
    dispatcher.subscribe({ handler: { current: (input, key) => got.push(key.backspace ? '⌫' : key.delete ? '⌦' : input) }, text: true });
    const read = (raw: string, key: Partial<Key> = {}) => {
      dispatcher.onRaw(raw);
      dispatcher.onKey(raw.startsWith('\u001b') ? '' : raw, { ...PLAIN, ...key });
      // Each screen commits; a key still queued is handed over on the wake-up event.
      for (let before = -1; before !== woken; ) {
        before = woken;
        dispatcher.committed();
        if (woken > before) {
          dispatcher.onRaw('');
          dispatcher.onKey('', PLAIN);
        }
      }
    };
    read('\u007f', { delete: true });
    read('\b', { backspace: true });
    for (const forward of ['\u001b[3~', '\u001b[3;5~', '\u001b[3$', '\u001b[3^']) read(forward, { delete: true });
    read('\u001b\u007f', { delete: true, meta: true });
    // Typed ahead in one read: "ab", Backspace, "c".
    read('ab\u007fc');
    expect(got.join(' ')).toBe('⌫ ⌫ ⌦ ⌦ ⌦ ⌦ ⌫ ab ⌫ c');
  });

  it('gives a list one letter, and the rest of the run to the field that letter opened', () => {
    const h = harness();
    const unsubscribeList = h.view('list');
    h.read('a14:05\r');
    expect(h.seen).toEqual(['list:a']);
    unsubscribeList();
    h.view('field', true);
    h.commit();
    expect(h.seen).toEqual(['list:a', 'field:14:05']);
    h.commit();
    expect(h.seen).toEqual(['list:a', 'field:14:05', 'field:⏎']);
    h.commit();
    expect(h.seen).toHaveLength(3);
  });

  it('holds keys that arrive while a screen is being drawn, and hands them over in order', () => {
    const h = harness();
    h.view('field', true);
    h.read('x');
    h.read('\r', { return: true });
    h.read('y');
    expect(h.seen).toEqual(['field:x']);
    h.commit();
    h.commit();
    expect(h.seen).toEqual(['field:x', 'field:⏎', 'field:y']);
  });

  it('takes a bracketed paste as one piece of text: line breaks kept, escape sequences dropped', () => {
    const h = harness();
    h.view('field', true);
    h.read('\u001b[200~');
    h.read('first\r\nsecond');
    h.read('\u001b[A');
    h.read(' line\r');
    h.read('\u001b[201~');
    expect(h.seen).toEqual(['field:first\nsecond line']);
  });
});
