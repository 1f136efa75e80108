import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useInputPaused } from './input-focus.js';
import type { Hint } from './keymap.js';

/*
 * The footer shows the keys of whichever component is taking keys now. That component
 * announces them with useHints; only one component takes keys at a time, so one set shows.
 */

interface HintsStore {
  hints: Hint[];
  setHints(hints: Hint[]): void;
  quit: Hint;
}

const SAVE_AND_QUIT: Hint = { keys: 'quit', does: 'save & quit' };
const HintsContext = createContext<HintsStore>({ hints: [], setHints: () => undefined, quit: SAVE_AND_QUIT });

/** `readOnly`: Ctrl+C only quits (nothing here is saved), and the footer says so. */
export function HintsProvider({ children, readOnly = false }: { children: ReactNode; readOnly?: boolean }) {
  const [hints, setHints] = useState<Hint[]>([]);
  const quit = readOnly ? { keys: 'quit' as const, does: 'quit' } : SAVE_AND_QUIT;
  return <HintsContext.Provider value={{ hints, setHints, quit }}>{children}</HintsContext.Provider>;
}

export function useHints(hints: Hint[], isActive = true): void {
  const { setHints, quit } = useContext(HintsContext);
  // Under a dialog the dialog's keys show; these come back when it closes. The hook is called
  // on every render (never behind `&&`), so React sees the same hooks in the same order.
  const paused = useInputPaused();
  isActive = isActive && !paused;
  const signature = hints.map((h) => `${String(h.keys)}:${h.does}`).join('|');
  useEffect(() => {
    if (isActive) setHints([...hints, quit]);
  }, [signature, isActive, quit]);
}

export function useCurrentHints(): Hint[] {
  return useContext(HintsContext).hints;
}
