import { useInput, type Key } from 'ink';
import { createContext, useContext, type ReactNode } from 'react';

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

/** ink's useInput, silent while a dialog above has the keys. */
export function useKeys(handler: (input: string, key: Key) => void, options: { isActive?: boolean } = {}): void {
  const paused = useContext(PausedContext);
  useInput(handler, { isActive: (options.isActive ?? true) && !paused });
}
