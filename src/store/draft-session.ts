import type { Draft } from '../draft/schema.js';
import type { DraftFile } from './draft-file.js';
import { SaveError } from './errors.js';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date; revision: number }
  | { state: 'failed'; reason: string; revision: number };

/**
 * The open draft file and its autosave. Saves run one at a time; a change that arrives while
 * one runs is saved right after it, and only the newest answers are written.
 */
export class DraftSession {
  private file: DraftFile;
  private wanted?: { draft: Draft; revision: number };
  /** -1 while the file is not on disk yet, so the first save (revision 0) creates it. */
  private savedRevision: number;
  private running?: Promise<void>;
  private listeners = new Set<(status: SaveStatus) => void>();
  status: SaveStatus;

  /** `file` is on disk as revision 0 of the answers (just created or just loaded). */
  constructor(file: DraftFile, private readonly now: () => Date = () => new Date()) {
    this.file = file;
    this.savedRevision = file.text === undefined ? -1 : 0;
    this.status = file.text === undefined ? { state: 'idle' } : { state: 'saved', at: now(), revision: 0 };
  }

  get path(): string {
    return this.file.path;
  }

  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  /** Asks for `draft` (at `revision`) to be saved; resolves when it, or a newer one, is written. */
  save(draft: Draft, revision: number): Promise<void> {
    if (revision <= this.savedRevision) return this.running ?? Promise.resolve();
    if (!this.wanted || revision >= this.wanted.revision) this.wanted = { draft, revision };
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Makes `path` the draft's file from now on (the first one cannot be written) and saves the
   * answers there. It must be a new file: nothing is ever written over.
   */
  async relocate(path: string, draft: Draft, revision: number): Promise<SaveStatus> {
    await this.flush();
    this.file = { path, doc: this.file.doc };
    this.savedRevision = -1;
    this.wanted = undefined;
    await this.save(draft, revision);
    return this.status;
  }

  /** Waits for every requested save to finish. */
  async flush(): Promise<SaveStatus> {
    while (this.running) await this.running;
    return this.status;
  }

  private async drain(): Promise<void> {
    while (this.wanted && this.wanted.revision > this.savedRevision) {
      const { draft, revision } = this.wanted;
      this.publish({ state: 'saving' });
      try {
        // Loaded on the first save: the YAML library is not needed to draw the first question.
        const { saveDraft } = await import('./draft-file.js');
        this.file = await saveDraft(this.file, draft);
        this.savedRevision = revision;
        this.publish({ state: 'saved', at: this.now(), revision });
      } catch (error) {
        const reason = error instanceof SaveError ? error.reason : (error as Error).message;
        this.publish({ state: 'failed', reason, revision });
        // The answers stay in memory; the next change tries again.
        if (this.wanted.revision === revision) return;
      }
    }
  }
}
