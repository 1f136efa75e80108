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
  const active = (options.isActive ?? true) && !paused;
  const text = options.text ?? false;
  const latest = useRef<KeyHandler>(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  // A layout effect: subscribed as the view commits, before the dispatcher hands over the next key.
  useLayoutEffect(() => {
    if (!dispatcher || !active) return;
    return dispatcher.subscribe({ handler: latest, text });
  }, [dispatcher, active, text]);
  useInput(handler, { isActive: active && !dispatcher });
}
