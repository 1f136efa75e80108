import { Component, type ReactNode } from 'react';

/**
 * Catches an error thrown while drawing, before ink's own boundary would show its stack trace
 * and end the app without saving: the run loop is told, and saves before it reports the error.
 */
export class CrashBoundary extends Component<{ onCrash(error: unknown): void; children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false };

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onCrash(error);
  }

  override render(): ReactNode {
    return this.state.crashed ? null : this.props.children;
  }
}
