import { describeAge, listRecentDrafts } from '../store/drafts.js';
import { EXIT } from '../process/exit-codes.js';
import { out, printableJson } from '../process/printable.js';
import { invocation } from '../process/invocation.js';

/** `list`: recent drafts with title, progress and last edit; works without a terminal. */
export async function listCommand(flags: { json?: boolean }): Promise<number> {
  const drafts = await listRecentDrafts();
  if (flags.json) {
    out(`${printableJson(drafts.map((d) => ({ ...d, editedAt: d.editedAt?.toISOString() })))}\n`);
    return EXIT.ok;
  }
  if (drafts.length === 0) {
    out(`No recent drafts. Start one with \`${invocation()} new\`.\n`);
    return EXIT.ok;
  }
  for (const draft of drafts) {
    const progress = draft.progress ? `${draft.progress.done}/${draft.progress.total} required sections done` : 'cannot be opened';
    const title = draft.title ?? draft.problem ?? '(untitled)';
    out(`${draft.shown}\n  ${title} · ${progress}${draft.editedAt ? ` · ${describeAge(draft.editedAt)}` : ''}\n`);
  }
  return EXIT.ok;
}
