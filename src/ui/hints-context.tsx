import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useInputPaused } from './input-focus.js';
import type { Hint } from './keymap.js';

/*
 * The footer shows the keys of whichever component is taking keys now. That component
 * announces them with useHints; only one component takes keys at a time, so one set shows.
 */

const QUIT_HINT: Hint = { keys: 'quit', does: 'save & quit' };

interface HintsStore {
  hints: Hint[];
  setHints(hints: Hint[]): void;
}

const HintsContext = createContext<HintsStore>({ hints: [], setHints: () => undefined });

export function HintsProvider({ children }: { children: ReactNode }) {
  const [hints, setHints] = useState<Hint[]>([]);
  return <HintsContext.Provider value={{ hints, setHints }}>{children}</HintsContext.Provider>;
}

export function useHints(hints: Hint[], isActive = true): void {
  const { setHints } = useContext(HintsContext);
  // Under a dialog the dialog's keys show; these come back when it closes.
  isActive = isActive && !useInputPaused();
  const signature = hints.map((h) => `${String(h.keys)}:${h.does}`).join('|');
  useEffect(() => {
    if (isActive) setHints([...hints, QUIT_HINT]);
  }, [signature, isActive]);
}

export function useCurrentHints(): Hint[] {
  return useContext(HintsContext).hints;
}
