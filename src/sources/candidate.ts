import type { EntryKind } from '../draft/vocabulary.js';
import type { IncidentZone } from '../time/zone.js';

/**
 * One thing the incident left behind, with its time: a chat message, a pager log entry, an
 * alert, a deploy. Every source reader yields these; the pick list and `timeline add` turn the
 * chosen ones into timeline entries (src/sources/to-entries.ts).
 */
export interface Candidate {
  /** The moment, in milliseconds since the epoch: an instant, so zones matter only when reading and showing it. */
  at: number;
  /** Where it came from, as the pick list shows it: "Slack #inc-42", "PagerDuty", "git (main)". */
  source: string;
  /** Who wrote or did it, as the source names them: a display name, a bot's name, an e-mail. */
  author?: string;
  /** The text with the source's markup resolved: mentions as `@Name`, links as their label, emoji as `:code:`. */
  text: string;
  /** Candidates with the same key are one thing said again (an edit, a repeated alert): they are folded. */
  key?: string;
  /** What the source itself says this is: a page triggered → detection, resolved → resolution, a deploy → action. */
  kind?: EntryKind;
  /** People the text names (mentions resolved to names, the author when the text says "I"), for the blameless rewrite. */
  people?: string[];
  /** Job titles the source gives for people it names (Slack profile titles), by name: the blameless rewrite uses them. */
  roles?: Readonly<Record<string, string>>;
  /** Posted by a bot or an integration, not a person. */
  bot?: boolean;
  /** Where in the file it was read (1-based line, or a file of an export and its line), for messages about it. */
  origin?: string;
}

/** What a reader is told. */
export interface SourceOptions {
  /** Times the source writes without a zone or offset are read in this one. */
  zone: IncidentZone;
  /** Only candidates from `from` to `to` (epoch ms, inclusive) are wanted; a reader may skip the rest early. */
  from?: number;
  to?: number;
  /** For a generic CSV: the columns to use, by header name or 1-based number, when the user named them. */
  columns?: { time?: string; text?: string };
  /** Called now and then with bytes read so far and the total, for a progress line. */
  progress?(done: number, total: number): void;
}

/** A format the timeline can be read from. */
export interface SourceFormat {
  /** Short id, used in messages and tests: "slack-export", "pagerduty-csv". */
  id: string;
  /** What a person calls it: "a Slack export (folder or .zip)". */
  label: string;
  /**
   * Whether the file looks like this format, from its path, whether it is a folder, and its first
   * bytes (up to 64 KiB, decoded as UTF-8; empty for a folder). Cheap: no full read.
   */
  sniff(input: SniffInput): boolean;
  /** The candidates, streamed: a huge file is never loaded whole. Throws SourceError for a broken file. */
  read(path: string, options: SourceOptions): AsyncIterable<Candidate>;
}

export interface SniffInput {
  path: string;
  isDirectory: boolean;
  head: string;
}

/** A file that is not what it seemed, or none of the formats: the path, where, and what was expected. */
export class SourceError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** A generic CSV whose time or text column cannot be told from its contents: the caller asks which. */
export class AmbiguousColumnsError extends SourceError {
  constructor(
    path: string,
    readonly header: readonly string[],
    readonly timeColumns: readonly string[],
    readonly textColumns: readonly string[],
  ) {
    super(path, `cannot tell which column holds the ${timeColumns.length !== 1 ? 'time' : 'text'}: ${(timeColumns.length !== 1 ? timeColumns : textColumns).join(', ')}.`);
    this.name = 'AmbiguousColumnsError';
  }
}
