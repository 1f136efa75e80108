import { readFileSync } from 'node:fs';
import { writeFileAtomically } from '../store/atomic-write.js';
import type { Draft } from '../draft/schema.js';
import { parseDraftText, type LoadedDraft } from '../store/draft-file.js';
import type { EditorResult } from './external-editor.js';

/** What came back from handing a draft to $EDITOR. */
export type DraftEdit =
  /** The draft's own file was edited; this is it, read again. */
  | { kind: 'reloaded'; loaded: LoadedDraft }
  /** A copy of the answers was edited (the draft could not be saved); these are the answers now. */
  | { kind: 'replaced'; draft: Draft }
  /** Nothing changes: the file came back unchanged or empty, or the editor failed. */
  | { kind: 'kept'; notice: string };

const HEADER_START = '# postmortem-wizard could not read this draft:';
const HEADER_END = '# (postmortem-wizard removes these lines.)';

/** The problems written at the top of the file, as `git commit` and `kubectl edit` do. */
function withProblems(text: string, problems: string): string {
  const lines = problems.split('\n').map((line) => `#   ${line}`);
  return [HEADER_START, ...lines, '# Fix it and save to go on; save it unchanged or empty to keep the answers you had.', HEADER_END, text].join('\n');
}

function withoutProblems(text: string): string {
  if (!text.startsWith(HEADER_START)) return text;
  const end = text.indexOf(`${HEADER_END}\n`);
  return end === -1 ? text : text.slice(end + HEADER_END.length + 1);
}

export interface DraftEditOptions {
  /** The file handed to the editor: the draft itself, or a private copy of the answers. */
  path: string;
  /** The name problems are reported under. */
  shown: string;
  /** True when `path` is the draft's own file (left as it was unless the edit is kept). */
  ownFile: boolean;
  runEditor(path: string): Promise<EditorResult>;
  /** True once the wizard is ending: the editor is not opened again. */
  ending(): boolean;
}

/**
 * Hands a draft file to the editor until it comes back as a valid draft, unchanged, or empty.
 * A file that is not a valid draft goes back to the editor with the problems on top; it never
 * ends the wizard. The draft's own file is put back as it was unless the edit is kept.
 */
export async function editDraftFile({ path, shown, ownFile, runEditor, ending }: DraftEditOptions): Promise<DraftEdit> {
  const original = readFileSync(path, 'utf8');
  const restore = async () => {
    if (ownFile && readFileSync(path, 'utf8') !== original) await writeFileAtomically(path, original);
  };
  let handed = original;
  for (;;) {
    const result = await runEditor(path);
    if (!result.ok) {
      await restore();
      return { kind: 'kept', notice: result.error };
    }
    const text = readFileSync(path, 'utf8');
    const cleaned = withoutProblems(text);
    if (text === handed || cleaned.trim() === '') {
      await restore();
      return { kind: 'kept', notice: cleaned.trim() === '' ? 'The file came back empty, so your answers were kept as they were.' : 'The draft came back unchanged.' };
    }
    try {
      const loaded = parseDraftText(path, cleaned);
      if (!ownFile) return { kind: 'replaced', draft: loaded.draft };
      if (cleaned !== text) await writeFileAtomically(path, cleaned);
      return { kind: 'reloaded', loaded };
    } catch (error) {
      const problems = (error as Error).message.split(path).join(shown);
      if (ending()) {
        await restore();
        return { kind: 'kept', notice: problems };
      }
      handed = withProblems(cleaned, problems);
      await writeFileAtomically(path, handed);
    }
  }
}
