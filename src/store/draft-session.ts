import type { Draft } from '../draft/schema.js';
import type { DraftFile, LoadedDraft } from './draft-file.js';
import { acquireDraftLock, type DraftLock } from './draft-lock.js';
import { DraftChangedError, SaveError } from './errors.js';
import { keptCopyPath } from './kept-copy-path.js';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date; revision: number }
  | { state: 'failed'; reason: string; revision: number }
  /**
   * The file changed outside the wizard since we last read or wrote it: nothing is written
   * until the person picks `reloadTheirs` or `keepMine`.
   */
  | { state: 'conflict'; reason: string; revision: number; theirsPath: string; minePath: string }
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
  /** What the file held when the change outside the wizard was found. */
  private theirs?: string;
  /** Their text, copied to `.theirs` by "keep mine": the next save may replace exactly it. */
  private replacing?: string;
  /** Where each side's version goes, named when the change is found (the wizard shows it). */
  private copies = { theirs: '', mine: '' };
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
    if (this.theirs !== undefined) return this.running ?? Promise.resolve();
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
    this.theirs = undefined;
    this.replacing = undefined;
    this.wanted = undefined;
    await this.save(draft, revision);
    return this.status;
  }

  /**
   * "Keep mine" after a change outside the wizard: their version is kept as `DRAFT.theirs`,
   * then the wizard's answers are saved over the draft.
   */
  async keepMine(): Promise<SaveStatus> {
    await this.flush();
    const theirs = this.theirs;
    if (theirs === undefined) return this.status;
    const { writeFileAtomically } = await import('./atomic-write.js');
    try {
      await writeFileAtomically(this.copies.theirs, theirs);
    } catch (error) {
      this.publishConflict(`could not keep their version as ${this.copies.theirs}: ${(error as Error).message}`);
      return this.status;
    }
    this.theirs = undefined;
    this.replacing = theirs;
    const wanted = this.wanted;
    if (wanted) await this.save(wanted.draft, wanted.revision);
    return this.flush();
  }

  /**
   * "Reload theirs" after a change outside the wizard: the file as it is now becomes the
   * draft. Answers not saved yet are kept as `DRAFT.mine`. Returns the loaded draft, for the
   * wizard to continue from (the text being typed stays in its field, for `unconfirmed:`).
   * Throws DraftFileError when their file is not a draft the wizard can read.
   */
  async reloadTheirs(): Promise<LoadedDraft> {
    await this.flush();
    const { loadDraft, writeDraftCopy } = await import('./draft-file.js');
    const loaded = await loadDraft(this.path);
    const wanted = this.wanted;
    if (wanted && wanted.revision > this.savedRevision) {
      try {
        await writeDraftCopy(this.copies.mine, wanted.draft);
      } catch (error) {
        this.publishConflict(`could not keep your version as ${this.copies.mine}: ${(error as Error).message}`);
        throw error;
      }
      this.savedRevision = wanted.revision;
    }
    this.file = loaded;
    this.theirs = undefined;
    this.replacing = undefined;
    this.wanted = undefined;
    this.publish({ state: 'saved', at: this.now(), revision: Math.max(0, this.savedRevision) });
    return loaded;
  }

  private publishConflict(reason: string): void {
    const revision = this.wanted?.revision ?? this.savedRevision;
    // An earlier conflict's copies are never replaced: `.theirs.2` and so on.
    this.copies = { theirs: keptCopyPath(`${this.path}.theirs`, this.theirs), mine: keptCopyPath(`${this.path}.mine`) };
    this.publish({ state: 'conflict', reason, revision, theirsPath: this.copies.theirs, minePath: this.copies.mine });
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
        this.file = await saveDraft(this.file, draft, { replacing: this.replacing });
        this.replacing = undefined;
        this.savedRevision = revision;
        this.publish({ state: 'saved', at: this.now(), revision });
      } catch (error) {
        if (error instanceof DraftChangedError) {
          // Not written: the person decides whose version wins. Later answers wait in `wanted`.
          this.theirs = error.theirs;
          this.publishConflict(error.reason);
          return;
        }
        const reason = error instanceof SaveError ? error.reason : (error as Error).message;
        this.publish({ state: 'failed', reason, revision });
        // The answers stay in memory; the next change tries again.
        if (this.wanted.revision === revision) return;
      }
    }
  }
}
