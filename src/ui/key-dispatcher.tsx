import { useInput, useStdin, type Key } from 'ink';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';
import { PASTE_END, PASTE_START, pastedText, splitKeys } from './terminal-input.js';

/*
 * One owner of the keyboard. ink calls every `useInput` handler for every key, and a view's
 * handler is attached only after the view is drawn: keys arriving in one burst with the key
 * that opened a form (`a` then `14:05`) went to the list, or to nobody. Here keys wait in one
 * queue and are handed over one at a time, each after the screen the previous one produced
 * has committed and its views have subscribed, so each key reaches the view focused by then.
 */

export type KeyHandler = (input: string, key: Key) => void;

interface Subscriber {
  handler: RefObject<KeyHandler>;
  /** Takes typed text as a whole (a text field); otherwise text is handed over a character at a time. */
  text: boolean;
}

interface Item {
  input: string;
  key: Key;
  paste: boolean;
}

const CONTROL_PIECE = /^[\u0000-\u001a\u001c-\u001f\u007f]$/;

/** The key ink would report for a control character that arrived inside a run of typed text. */
function controlKey(char: string, plain: Key): Item {
  const key: Key = { ...plain, ctrl: false, meta: false, shift: false };
  if (char === '\r') return { input: '\r', key: { ...key, return: true }, paste: false };
  if (char === '\n') return { input: '\n', key, paste: false };
  if (char === '\t') return { input: '', key: { ...key, tab: true }, paste: false };
  if (char === '\u007f') return { input: '', key: { ...key, backspace: true, delete: false }, paste: false };
  if (char === '\b') return { input: '', key: { ...key, backspace: true }, paste: false };
  const code = char.charCodeAt(0);
  return { input: code >= 1 && code <= 26 ? String.fromCharCode(code + 96) : '', key: { ...key, ctrl: true }, paste: false };
}

/** Forward delete (`ESC [3~`, with modifiers `ESC [3;5~`, rxvt's `ESC [3$` and `ESC [3^`). */
const FORWARD_DELETE = /^\u001b\[3(?:;\d+)?[~$^]$/;

/**
 * ink reports both Backspace (DEL, 0x7f, as terminals send it) and the Delete key as `delete`:
 * here `backspace` erases to the left and `delete` to the right, told apart by the bytes read.
 */
function eraseKey(raw: string, key: Key): Key {
  if (!key.delete && !key.backspace) return key;
  const forward = FORWARD_DELETE.test(raw);
  return { ...key, delete: forward, backspace: !forward };
}

/** A run ink reported as one event (keys typed ahead in one read): its keys, in order. */
function keysOf(raw: string, input: string, key: Key): Item[] {
  if (raw.length <= 1 || raw.startsWith('\u001b')) return [{ input, key: eraseKey(raw, key), paste: false }];
  return splitKeys(raw).map((piece) => (CONTROL_PIECE.test(piece) ? controlKey(piece, key) : { input: piece, key, paste: false }));
}

export class KeyDispatcher {
  private subscribers: Subscriber[] = [];
  private queue: Item[] = [];
  /** A key was handed over and its screen has not committed yet. */
  private waiting = false;
  /** The raw text of the event ink is about to report (its parsed key comes next). */
  private raw: string | undefined;
  private paste: string | undefined;

  constructor(
    private readonly requestCommit: () => void,
    private readonly wake: () => void,
  ) {}

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.push(subscriber);
    return () => {
      this.subscribers = this.subscribers.filter((s) => s !== subscriber);
    };
  }

  /** Each event as read, before ink parses it. '' is the dispatcher's own wake-up call. */
  onRaw = (data: string) => {
    this.raw = data;
  };

  onKey = (input: string, key: Key) => {
    const raw = this.raw ?? input;
    this.raw = undefined;
    if (raw === '') return this.next();
    if (raw === PASTE_START) {
      this.paste = '';
      return;
    }
    if (this.paste !== undefined) {
      // Inside a paste nothing is a key: escape sequences are dropped, line breaks are text.
      if (raw === PASTE_END) {
        const text = pastedText(this.paste);
        this.paste = undefined;
        if (text !== '') this.push([{ input: text, key, paste: true }]);
      } else if (!raw.startsWith('\u001b')) this.paste += raw;
      return;
    }
    this.push(keysOf(raw, input, key));
  };

  /** The screen the last key produced is committed (its views have subscribed). */
  committed = () => {
    if (this.queue.length > 0) this.wake();
    else this.waiting = false;
  };

  private push(items: Item[]) {
    this.queue.push(...items);
    if (!this.waiting) this.next();
  }

  private next() {
    const item = this.queue.shift();
    if (!item) {
      this.waiting = false;
      return;
    }
    this.waiting = true;
    this.requestCommit();
    const takers = [...this.subscribers];
    let { input, key } = item;
    // A list or a menu reads one letter as a command: give it one, the rest waits for the view
    // that letter opens. A field takes a run of text whole (fast, and a paste stays one edit).
    const first = String.fromCodePoint(input.codePointAt(0) ?? 0);
    if (!item.paste && input.length > first.length && !CONTROL_PIECE.test(first) && !takers.some((s) => s.text)) {
      input = first;
      key = { ...key, shift: /^[A-Z]$/.test(first) };
      this.queue.unshift({ ...item, input: item.input.slice(first.length) });
    }
    for (const subscriber of takers) subscriber.handler.current?.(input, key);
  }
}

export const DispatcherContext = createContext<KeyDispatcher | undefined>(undefined);

/** Owns the keyboard for everything under it; nested inside another, it leaves the keys to that one. */
export function KeyDispatcherProvider({ children }: { children: ReactNode }) {
  const outer = useContext(DispatcherContext);
  return outer ? <>{children}</> : <OwnKeys>{children}</OwnKeys>;
}

function OwnKeys({ children }: { children: ReactNode }) {
  const { internal_eventEmitter: events } = useStdin();
  const [commits, setCommits] = useState(0);
  const [dispatcher] = useState(
    () =>
      new KeyDispatcher(
        () => setCommits((n) => n + 1),
        // The next key goes through ink's own input path, so its updates are batched as a key's
        // are; in a microtask, so a burst is applied before anything else (a signal) is heard.
        () => queueMicrotask(() => events?.emit('input', '')),
      ),
  );
  // Registered before useInput's listener, so each raw event is seen just before its parsed key.
  useEffect(() => {
    events?.on('input', dispatcher.onRaw);
    return () => {
      events?.off('input', dispatcher.onRaw);
    };
  }, [events]);
  useInput(useCallback((input: string, key: Key) => dispatcher.onKey(input, key), [dispatcher]));
  // Children's layout effects (their subscriptions, see useKeys) run before this one in the same commit.
  useLayoutEffect(dispatcher.committed, [commits]);
  return <DispatcherContext.Provider value={dispatcher}>{children}</DispatcherContext.Provider>;
}
