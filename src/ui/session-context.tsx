import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DraftSession, SaveStatus } from '../store/draft-session.js';
import type { KeptForm } from '../wizard/reducer.js';

export type QuitReason = 'cancel' | 'save' | 'done';

/** What the screens ask of the program around them: terminal hand-overs and leaving. */
export interface WizardServices {
  /** Hands the terminal to $VISUAL/$EDITOR for the current field's text (the app remounts after). */
  editText(text: string): void;
  /** Hands the terminal to $VISUAL/$EDITOR for the draft file itself. */
  editDraft(): void;
  /** Saves and leaves: the one exit path (Ctrl+C cancels, "save and quit" saves, a README written is done). */
  quit(reason: QuitReason, message?: string): void;
  /** Told what is in a question's field as it is typed, so closing the wizard does not lose it. */
  typing?(step: number, text: string, form?: KeptForm): void;
}

export const ServicesContext = createContext<WizardServices | undefined>(undefined);
/** The open draft, once there is one (the home screen has none). */
export const SessionContext = createContext<DraftSession | undefined>(undefined);

export function useServices(): WizardServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside the wizard');
  return services;
}

export function useSession(): DraftSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession without an open draft');
  return session;
}

const IDLE: SaveStatus = { state: 'idle' };

export function useSaveStatus(): SaveStatus {
  const session = useContext(SessionContext);
  return useSyncExternalStore(
    (listener) => session?.subscribe(listener) ?? (() => undefined),
    () => session?.status ?? IDLE,
  );
}
