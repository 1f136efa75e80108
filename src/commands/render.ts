import { dirname, join, relative, resolve } from 'node:path';
import { checkDraft } from '../check/rubric.js';
import { renderMarkdown } from '../render/render.js';
import { builtInTemplateNames, chooseTemplate, looksLikePath } from '../render/templates.js';
import { DraftFileError } from '../store/errors.js';
import { loadDraft } from '../store/draft-file.js';
import { EXIT, UsageError } from '../process/exit-codes.js';
import { writeReadme } from '../store/write-readme.js';
import { out } from '../process/printable.js';
import { invocation } from '../process/invocation.js';

export interface RenderFlags {
  output?: string;
  template?: string;
  force?: boolean;
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

async function ownTemplateSetting(): Promise<string | undefined> {
  try {
    return (await import('../store/settings.js')).readSettings().template;
  } catch {
    return undefined; // Settings that cannot be read leave the draft's layout.
  }
}

/** `render DRAFT [-o FILE] [--template NAME|PATH] [--force]`: draft → Markdown, no questions. */
export async function renderCommand(draftPath: string, flags: RenderFlags): Promise<number> {
  const loaded = await loadDraft(draftPath, 'read');
  // A template file in the person's own settings counts as named by them; read only without --template.
  const settings = flags.template === undefined ? await ownTemplateSetting() : undefined;
  const named = loaded.draft.template;
  if (flags.template === undefined && (settings === undefined || !looksLikePath(settings)) && named !== undefined && !builtInTemplateNames().includes(named)) {
    throw DraftFileError.at(
      draftPath,
      `template: ${JSON.stringify(named)} is not a built-in layout: a draft names ${builtInTemplateNames().join(' or ')}; to use a template file, name it yourself with --template PATH.`,
      loaded.lineOf(['template']),
    );
  }
  const template = chooseTemplate({ flag: flags.template, draft: named, settings });
  if (flags.output === '-') {
    // Only the README is printed: the rubric's count is said only beside a written file.
    out(renderMarkdown(loaded.draft, { template, draftPath }));
    return EXIT.ok;
  }
  const report = checkDraft(loaded.draft, { template, draftPath });

  const output = flags.output ?? join(dirname(draftPath), 'README.md');
  if (resolve(output) === resolve(draftPath)) {
    throw new UsageError(`${output} is the draft itself: choose another output file with -o.`);
  }
  const result = await writeReadme(output, report.markdown, flags.force === true);
  const verb = result === 'unchanged' ? 'Already up to date:' : result === 'replaced' ? 'Updated' : 'Wrote';
  const open = report.findings.length;
  out(`${verb} ${shortPath(output)} (${report.words} words).\n`);
  if (open > 0) {
    out(
      `The rubric has ${open} open point${open === 1 ? '' : 's'}: run \`${invocation()} check ${shortPath(draftPath)}\` to see ${open === 1 ? 'it' : 'them'}.\n`,
    );
  }
  return EXIT.ok;
}
