import { useStdout } from 'ink';
import { useSyncExternalStore } from 'react';
import { MAX_COLUMNS } from '../theme.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

/**
 * The terminal's size, one store per output stream. When the window gets narrower, the terminal
 * rewraps what is on screen and ink (which erases its last frame by counting lines, and has just
 * redrawn the old layout at the new width) would leave copies of the header above the new frame:
 * the screen is cleared just before the layouts redraw at the new size. This listener is added
 * after ink's own, so it runs after ink's redraw.
 */
class SizeStore {
  private listeners = new Set<() => void>();
  size: TerminalSize;

  constructor(private readonly stdout: NodeJS.WriteStream) {
    this.size = this.read();
  }

  private read(): TerminalSize {
    return { columns: this.stdout.columns || 80, rows: this.stdout.rows || 24 };
  }

  private onResize = () => {
    const next = this.read();
    const width = (columns: number) => Math.min(columns - 1, MAX_COLUMNS);
    if (width(next.columns) < width(this.size.columns)) {
      try {
        this.stdout.write(CLEAR_SCREEN);
      } catch {
        // The terminal is gone; the way out handles that.
      }
    }
    this.size = next;
    for (const listener of this.listeners) listener();
  };

  subscribe = (listener: () => void) => {
    if (this.listeners.size === 0) this.stdout.on('resize', this.onResize);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stdout.off('resize', this.onResize);
    };
  };
}

const stores = new WeakMap<NodeJS.WriteStream, SizeStore>();

/** The terminal's size, updated on resize so layouts that depend on it redraw. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  let store = stores.get(stdout);
  if (!store) {
    store = new SizeStore(stdout);
    stores.set(stdout, store);
  }
  return useSyncExternalStore(store.subscribe, () => store.size);
}
