import { useInput, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { DispatcherContext, type KeyHandler } from './key-dispatcher.js';

/*
 * A dialog drawn over a screen (save elsewhere, a lock notice) takes the keys; the screen
 * under it stays mounted, with what was typed in it, but hears nothing until the dialog closes.
 */
const PausedContext = createContext(false);

export function PauseInput({ paused, children }: { paused: boolean; children: ReactNode }) {
  const outer = useContext(PausedContext);
  return <PausedContext.Provider value={outer || paused}>{children}</PausedContext.Provider>;
}

export function useInputPaused(): boolean {
  return useContext(PausedContext);
}

/*
 * A screen hidden because the window is too small stays mounted, but no key may act on what the
 * person cannot see (an Enter confirming an answer, a `d` then `y` deleting an entry): only text
 * typed into a field is taken, where the cursor was, so nothing typed is lost.
 */
const HiddenContext = createContext(false);

export function HideInput({ hidden, children }: { hidden: boolean; children: ReactNode }) {
  return <HiddenContext.Provider value={hidden}>{children}</HiddenContext.Provider>;
}

/** Typed text only: no control character, and no key that moves, confirms or goes back. */
function plainText(input: string, key: Key): boolean {
  if (input === '' || key.ctrl || key.meta || key.return || key.escape || key.tab || key.backspace || key.delete) return false;
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end) return false;
  return !/[\u0000-\u001f\u007f]/.test(input);
}

export interface KeysOptions {
  isActive?: boolean;
  /** A text field: typed text arrives as a whole run, not a character at a time. */
  text?: boolean;
}

/**
 * Keys for this view, in order, from the app's one key dispatcher (see key-dispatcher.tsx);
 * silent while a dialog above has the keys. Outside a dispatcher, ink's useInput.
 */
export function useKeys(handler: (input: string, key: Key) => void, options: KeysOptions = {}): void {
  const dispatcher = useContext(DispatcherContext);
  const paused = useContext(PausedContext);
  const hidden = useContext(HiddenContext);
  const active = (options.isActive ?? true) && !paused;
  const text = options.text ?? false;
  const latest = useRef<KeyHandler>(handler);
  useLayoutEffect(() => {
    latest.current = hidden ? (input, key) => void (text && plainText(input, key) && handler(input, key)) : handler;
  });
  // A layout effect: subscribed as the view commits, before the dispatcher hands over the next key.
  useLayoutEffect(() => {
    if (!dispatcher || !active) return;
    return dispatcher.subscribe({ handler: latest, text });
  }, [dispatcher, active, text]);
  useInput((input, key) => latest.current(input, key), { isActive: active && !dispatcher });
}
