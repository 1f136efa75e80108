import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { importPostmortem } from '../import/import-postmortem.js';
import { newDraftFile, saveDraft } from '../store/draft-file.js';
import { builtInTemplateNames } from '../render/templates.js';
import { DraftFileError } from '../store/errors.js';
import { readDocument } from '../store/read-document.js';
import { shortPath } from '../store/drafts.js';
import { EXIT, UsageError } from '../process/exit-codes.js';
import { out } from '../process/printable.js';
import { invocation } from '../process/invocation.js';

export interface ImportFlags {
  output?: string;
}


/** `import FILE [-o DRAFT]`: a hand-written postmortem (Markdown or text) into a draft. */
export async function importCommand(file: string, flags: ImportFlags): Promise<number> {
  const text = readDocument(file);
  if (text.trim() === '') throw DraftFileError.at(file, 'is empty.');

  const output = resolve(flags.output ?? join(dirname(file), `${basename(file, extname(file))}.yaml`));
  if (output === resolve(file)) throw new UsageError(`the draft would replace ${file} itself: choose another name with -o.`);
  if (existsSync(output)) throw new UsageError(`${shortPath(output)} already exists: choose another name with -o (nothing is ever written over).`);
  const { draft, found, warnings } = importPostmortem(text, { fileName: basename(file) });
  // As a new draft does: the layout of the settings, and a place on the recent list.
  const settings = await import('../store/settings.js').catch(() => undefined);
  const layout = (() => {
    try {
      return settings?.readSettings().template;
    } catch {
      return undefined;
    }
  })();
  if (draft.template === undefined && layout && builtInTemplateNames().includes(layout)) draft.template = layout;
  try {
    await saveDraft(newDraftFile(output), draft);
  } catch (error) {
    throw new UsageError((error as Error).message, EXIT.problems);
  }
  try {
    settings?.rememberDraft(output, draft.title);
  } catch {
    // A settings file that cannot be written only leaves the draft off the recent list.
  }
  const shown = shortPath(output);
  const parts = [`${found.timeline} timeline entr${found.timeline === 1 ? 'y' : 'ies'}`, `${found.measures} measure${found.measures === 1 ? '' : 's'}`, `${found.tasks} task${found.tasks === 1 ? '' : 's'}`];
  out(`Imported ${file} into ${shown}: ${parts.join(', ')}.\n`);
  if (found.notes) out(`${found.notes} line${found.notes === 1 ? '' : 's'} it could not place ${found.notes === 1 ? 'is' : 'are'} kept under notes: in the draft.\n`);
  for (const warning of warnings) out(`Note: ${warning}\n`);
  out(`Check it with: ${invocation()} check ${shown}\nFinish it with: ${invocation()} resume ${shown}\n`);
  return EXIT.ok;
}
