import { basename, dirname } from 'node:path';
import { FileReadError, readRegularFile } from '../io/read-text-file.js';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { describePath, validateDraft, type Draft, type DraftPath } from '../draft/schema.js';
import { DRAFT_VERSION } from '../draft/vocabulary.js';
import { sweepStaleTemps, writeFileAtomically } from './atomic-write.js';
import { describeFsError, DraftChangedError, DraftFileError, SaveError } from './errors.js';
import { stringifyDocument, writeIntoDocument } from './write-into-document.js';
import { invocation } from '../process/invocation.js';

/** A draft as it is on disk: the parsed document (comments and all) and the bytes last seen. */
export interface DraftFile {
  path: string;
  /** The YAML as read, comments and all; absent for a draft not yet written (the first save makes it). */
  doc?: Document;
  /** What the file held when we last read or wrote it; undefined for a file not yet created. */
  text?: string;
}

export interface LoadedDraft extends DraftFile {
  draft: Draft;
  /** The line a path of the draft is written on (its nearest written parent when absent). */
  lineOf(path: DraftPath): number | undefined;
}

/** Far above any real draft (10,000 timeline entries is about 1.5 MB); stops a stray huge file early. */
export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;
/** YAML aliases a draft may expand: enough for hand-written reuse, too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

export function headerComment(path: string): string {
  return ` postmortem-wizard draft: resume with \`${invocation()} resume ${basename(path)}\``;
}

/** Only a regular file is read (a FIFO would hang, /dev/zero never ends), the size cap held while reading. */
async function readDraftText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, { limit: MAX_DRAFT_BYTES, what: 'a draft' });
  } catch (error) {
    if (error instanceof FileReadError) throw DraftFileError.at(path, error.problem);
    throw error;
  }
  if (bytes.includes(0)) throw DraftFileError.at(path, 'is a binary file, not a postmortem draft.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw DraftFileError.at(path, 'is not UTF-8 text, so it is not a postmortem draft.');
  }
}

function makeLineOf(doc: Document, counter: LineCounter) {
  return (path: DraftPath): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
      const key = path[depth - 1];
      let node: Node | undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        node = (pair?.key as Node | undefined) ?? undefined;
      } else if (isSeq(parent) && typeof key === 'number') {
        node = parent.items[key] as Node | undefined;
      }
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** The last line before `offset` with an odd number of double quotes: where a string was left open. */
function openQuoteLine(text: string, offset: number): number | undefined {
  const lines = text.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (((lines[i] ?? '').replace(/\\"/g, '').match(/"/g)?.length ?? 0) % 2 === 1) return i + 1;
  }
  return undefined;
}

/** The comment-keeping YAML document that saves edit; syntax errors name their line. */
function parseEditable(path: string, text: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DraftFileError(
      path,
      doc.errors.slice(0, 5).map((error) => {
        const position = counter.linePos(error.pos[0]);
        const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        if (error.code === 'MISSING_CHAR' && /quote/.test(what)) {
          // The parser notices at the end of the file; the person needs the line the quote opened on.
          const opened = openQuoteLine(text, error.pos[0]);
          if (opened) return { line: opened, message: 'not valid YAML: a quote opened on this line is never closed.' };
        }
        return { line: position.line, column: position.col, message: `not valid YAML: ${what}.` };
      }),
    );
  }
  return { doc, counter };
}

/** Nodes of a value with every alias expanded, counted without expanding (a DAG walk); stops past `limit`. */
function expandedSize(value: unknown, limit: number, memo = new Map<object, number>()): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, Number.POSITIVE_INFINITY); // a cycle counts as too big
  let size = 1;
  for (const child of Object.values(value)) {
    size += expandedSize(child, limit, memo);
    if (size > limit) break;
  }
  memo.set(value, size);
  return size;
}

/** A 10 MB draft holds far fewer nodes than this; a "billion laughs" holds far more. */
const MAX_EXPANDED_NODES = 5_000_000;

/**
 * The values of a draft read fast (js-yaml: a 10,000-entry draft in a tenth of the time), for
 * commands that only read. Undefined when js-yaml will not read it: the careful parser decides.
 */
function quickValues(path: string, text: string): unknown {
  let value: unknown;
  try {
    value = loadYaml(text, { schema: CORE_SCHEMA, filename: path });
  } catch {
    return undefined;
  }
  if (expandedSize(value, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
    throw DraftFileError.at(path, 'cannot be read: it uses so many YAML aliases that it would expand without end.');
  }
  return value;
}

export type LoadMode = 'edit' | 'read';

/** True when no line holds anything but spaces or a comment; stops at the first that does. */
function onlyBlankOrComments(text: string): boolean {
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    if (line !== '' && !line.startsWith('#')) return false;
    if (end === -1) break;
    start = end + 1;
  }
  return true;
}

/**
 * Parses draft text; every problem names its line. Never touches the file. In 'read' mode the
 * values come from the fast reader and the editable document is built only if asked for (a
 * line number for a finding, or a save).
 */
export function parseDraftText(path: string, text: string, mode: LoadMode = 'edit'): LoadedDraft {
  if (onlyBlankOrComments(text)) {
    throw DraftFileError.at(path, 'is empty: a draft starts with `version: 1`. Run `' + invocation() + ' new` to start one.');
  }
  let editable: { doc: Document; counter: LineCounter } | undefined;
  const getEditable = () => (editable ??= parseEditable(path, text));
  let lineFinder: ((path: DraftPath) => number | undefined) | undefined;
  let plain = mode === 'read' ? quickValues(path, text) : undefined;
  const lineOf = (draftPath: DraftPath) => {
    // A top-level key the file does not hold has no line, nor does anything under it: said
    // without building the editable document (a second, slower parse of the whole file).
    const top = draftPath[0];
    if (typeof top === 'string' && plain && typeof plain === 'object' && !Object.hasOwn(plain, top)) return undefined;
    const { doc, counter } = getEditable();
    lineFinder ??= makeLineOf(doc, counter);
    return lineFinder(draftPath);
  };

  if (plain === undefined) {
    const { doc, counter } = getEditable();
    if (!isMap(doc.contents)) {
      const found = isSeq(doc.contents) ? 'a list' : 'a single value';
      const line = doc.contents?.range ? counter.linePos(doc.contents.range[0]).line : undefined;
      throw DraftFileError.at(path, `holds ${found}, but a draft is a set of answers starting with \`version: 1\`.`, line);
    }
    try {
      plain = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      throw DraftFileError.at(path, `cannot be read: ${(error as Error).message}.`);
    }
  } else if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    const found = Array.isArray(plain) ? 'a list' : 'a single value';
    throw DraftFileError.at(path, `holds ${found}, but a draft is a set of answers starting with \`version: 1\`.`, 1);
  }

  const version = (plain as { version?: unknown }).version;
  if (typeof version === 'number' && version > DRAFT_VERSION) {
    throw DraftFileError.at(
      path,
      `was written by a newer postmortem-wizard (draft format ${version}; this one reads ${DRAFT_VERSION}): update with \`npm install -g postmortem-wizard@latest\`.`,
      lineOf(['version']),
    );
  }
  const checked = validateDraft(plain);
  if (!checked.ok) {
    throw new DraftFileError(
      path,
      checked.problems.map((problem) => ({ line: lineOf(problem.path), message: `${describePath(problem.path)} ${problem.message}.` })),
    );
  }
  return {
    path,
    text,
    draft: checked.draft,
    lineOf,
    get doc() {
      return getEditable().doc;
    },
  };
}

/** Reads and checks a draft file. Refuses (DraftFileError) rather than guess; never writes. */
export async function loadDraft(path: string, mode: LoadMode = 'edit'): Promise<LoadedDraft> {
  return parseDraftText(path, await readDraftText(path), mode);
}

/** A file that does not exist yet, to be created by the first save. */
/** A draft not on disk yet: nothing is built until the first save, so creating one costs nothing. */
export function newDraftFile(path: string): DraftFile {
  return { path };
}

function newDocument(path: string): Document {
  const doc = new Document({});
  // On the map rather than the document, so no blank line separates it from `version: 1`.
  (doc.contents as YAMLMap).commentBefore = headerComment(path);
  return doc;
}

/** True when the text on disk is a draft (so replacing it loses nothing but what `.bak` keeps). */
function isDraftText(path: string, text: string): boolean {
  try {
    parseDraftText(path, text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the file holds before a save, to find a change made outside the wizard. Read at once
 * rather than through the thread pool: a draft is small, and every autosave does this.
 */
function readIfExists(path: string): string | undefined {
  try {
    // A draft swapped for a FIFO or a device while open is refused, not waited on.
    return readRegularFile(path, { limit: MAX_DRAFT_BYTES, what: 'a draft' }).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError) {
      if (error.code === 'ENOENT') return undefined;
      throw new SaveError(path, error.problem.replace(/\.$/, ''));
    }
    throw new SaveError(path, describeFsError(error));
  }
}

/** Folders swept of our stale temp files by this process: once each is enough. */
const swept = new Set<string>();

export interface SaveOptions {
  /**
   * What the file is known to hold now, changed outside the wizard and copied elsewhere by
   * the caller ("keep mine"): replaced only while it still holds exactly that.
   */
  replacing?: string;
}

/**
 * Saves the draft atomically (temp file, flush, rename), after copying what the file held to
 * `<draft>.bak`. Writes nothing if the file changed since we last read or wrote it
 * (DraftChangedError: the caller decides whose version wins). Returns the file's new state;
 * on failure throws SaveError and leaves both files as they were.
 */
export async function saveDraft(file: DraftFile, draft: Draft, options: SaveOptions = {}): Promise<DraftFile> {
  const onDisk = readIfExists(file.path);
  if (onDisk !== undefined && onDisk !== file.text && onDisk !== options.replacing) {
    if (file.text === undefined) throw new SaveError(file.path, 'a file of that name already exists; choose another name');
    throw new DraftChangedError(file.path, onDisk, isDraftText(file.path, onDisk));
  }
  const doc = file.doc ?? newDocument(file.path);
  writeIntoDocument(doc, draft as Record<string, unknown>, 'draft' in file ? (file as LoadedDraft).draft : undefined);
  const text = stringifyDocument(doc);
  if (text === onDisk) return { path: file.path, doc, text };
  try {
    const folder = dirname(file.path);
    if (!swept.has(folder)) {
      swept.add(folder);
      await sweepStaleTemps(folder);
    }
    if (onDisk !== undefined) await writeFileAtomically(`${file.path}.bak`, onDisk);
    await writeFileAtomically(file.path, text, { followSymlink: true });
  } catch (error) {
    throw new SaveError(file.path, describeFsError(error));
  }
  return { path: file.path, doc, text };
}

/** A fresh copy of a draft at `path` (ours to replace: `.mine`), written atomically. */
export async function writeDraftCopy(path: string, draft: Draft): Promise<void> {
  const doc = newDocument(path);
  writeIntoDocument(doc, draft as Record<string, unknown>);
  await writeFileAtomically(path, stringifyDocument(doc));
}
