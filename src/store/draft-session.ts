import type { Draft } from '../draft/schema.js';
import type { DraftFile } from './draft-file.js';
import { acquireDraftLock, type DraftLock } from './draft-lock.js';
import { SaveError } from './errors.js';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date; revision: number }
  | { state: 'failed'; reason: string; revision: number }
  /** Opened while another wizard has the draft: shown, never written. */
  | { state: 'readOnly' };

export interface SessionOptions {
  /** The draft's lock, let go when the session ends. */
  lock?: DraftLock;
  readOnly?: boolean;
  now?(): Date;
}

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
  private lock?: DraftLock;
  private readonly now: () => Date;
  readonly readOnly: boolean;

  constructor(file: DraftFile, options: SessionOptions = {}) {
    this.file = file;
    this.lock = options.lock;
    this.now = options.now ?? (() => new Date());
    this.readOnly = options.readOnly ?? false;
    this.savedRevision = file.text === undefined ? -1 : 0;
    this.status = this.readOnly ? { state: 'readOnly' } : file.text === undefined ? { state: 'idle' } : { state: 'saved', at: this.now(), revision: 0 };
  }

  /** The same draft read again (after $EDITOR changed it): a new session that keeps the lock. */
  reloaded(file: DraftFile): DraftSession {
    const next = new DraftSession(file, { lock: this.lock, readOnly: this.readOnly, now: this.now });
    this.lock = undefined;
    return next;
  }

  /** The session is over: its lock is let go (after the last save). */
  close(): void {
    this.lock?.release();
    this.lock = undefined;
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
    if (this.readOnly || revision <= this.savedRevision) return this.running ?? Promise.resolve();
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
    const attempt = acquireDraftLock(path);
    if (!attempt.ok) {
      this.publish({ state: 'failed', reason: `${path} is open in another postmortem-wizard`, revision });
      return this.status;
    }
    this.lock?.release();
    this.lock = attempt.lock;
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
      // Taken over by another wizard (the user there confirmed): its answers are not ours to overwrite.
      if (this.lock && !this.lock.stillHeld()) {
        this.publish({ state: 'failed', reason: 'another postmortem-wizard took it over', revision });
        return;
      }
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
