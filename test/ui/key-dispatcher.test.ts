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
