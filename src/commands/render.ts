import { dirname, join, relative, resolve } from 'node:path';
import { checkDraft } from '../check/rubric.js';
import { loadTemplate } from '../render/templates.js';
import { loadDraft } from '../store/draft-file.js';
import { EXIT, UsageError } from '../process/exit-codes.js';
import { writeReadme } from '../store/write-readme.js';

export interface RenderFlags {
  output?: string;
  template?: string;
  force?: boolean;
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** `render DRAFT [-o FILE] [--template NAME|PATH] [--force]`: draft → Markdown, no questions. */
export async function renderCommand(draftPath: string, flags: RenderFlags): Promise<number> {
  const loaded = await loadDraft(draftPath, 'read');
  const template = loadTemplate(flags.template ?? loaded.draft.template ?? undefined);
  const report = checkDraft(loaded.draft, { template, draftPath });

  if (flags.output === '-') {
    process.stdout.write(report.markdown);
    return EXIT.ok;
  }
  const output = flags.output ?? join(dirname(draftPath), 'README.md');
  if (resolve(output) === resolve(draftPath)) {
    throw new UsageError(`${output} is the draft itself: choose another output file with -o.`);
  }
  const result = await writeReadme(output, report.markdown, flags.force === true);
  const verb = result === 'unchanged' ? 'Already up to date:' : result === 'replaced' ? 'Updated' : 'Wrote';
  const open = report.findings.length;
  process.stdout.write(`${verb} ${shortPath(output)} (${report.words} words).\n`);
  if (open > 0) {
    process.stdout.write(
      `The rubric has ${open} open point${open === 1 ? '' : 's'}: run \`postmortem-wizard check ${shortPath(draftPath)}\` to see them.\n`,
    );
  }
  return EXIT.ok;
}
