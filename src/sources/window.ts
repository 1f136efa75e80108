import type { SourceOptions } from './candidate.js';

/** Whether a moment is inside the wanted window (both ends included). */
export function inWindow(at: number, options: SourceOptions): boolean {
  return (options.from === undefined || at >= options.from) && (options.to === undefined || at <= options.to);
}
