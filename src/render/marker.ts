import { createHash } from 'node:crypto';

/*
 * The last line of a README this tool wrote names it, and carries a fingerprint of the text
 * above it: `render` replaces its own README without --force only while that text is as it
 * wrote it, so edits made by hand are never overwritten silently.
 */

/** Marks a README this tool wrote. */
export const GENERATED_MARKER = '<!-- Written by postmortem-wizard';

function fingerprint(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** The README: its text, then the marker line naming the draft and fingerprinting the text. */
export function withMarker(body: string, draftName?: string): string {
  const from = draftName ? ` from ${draftName.replace(/-->|--/g, '-')}` : '';
  return `${body}\n\n${GENERATED_MARKER}${from}: edit the draft and render again. (${fingerprint(body)}) -->\n`;
}

export type Authorship = 'ours' | 'edited' | 'theirs';

/**
 * Whose a README is: ours as written, ours but edited by hand since (the text above the marker
 * no longer matches its fingerprint), or not ours at all. A marker without a fingerprint (an
 * older version) counts as ours.
 */
export function authorshipOf(text: string): Authorship {
  const at = text.lastIndexOf(`\n\n${GENERATED_MARKER}`);
  if (at === -1) return text.startsWith(GENERATED_MARKER) || text.includes(GENERATED_MARKER) ? 'edited' : 'theirs';
  const tail = text.slice(at + 2);
  const lineEnd = tail.indexOf('\n');
  const markerLine = lineEnd === -1 ? tail : tail.slice(0, lineEnd);
  // Anything written below the marker line is an edit too.
  if (lineEnd !== -1 && tail.slice(lineEnd).trim() !== '') return 'edited';
  const marker = /\((?<print>[0-9a-f]{16})\) -->\s*$/.exec(markerLine);
  if (!marker) return 'ours';
  return fingerprint(text.slice(0, at)) === marker.groups!.print ? 'ours' : 'edited';
}

/** The draft a README this tool wrote names on its marker line ("from pay.yaml"), if it names one. */
export function markedDraft(text: string): string | undefined {
  const at = text.lastIndexOf(`\n\n${GENERATED_MARKER} from `);
  if (at === -1) return undefined;
  const line = text.slice(at + 2).split('\n', 1)[0]!;
  return /^<!-- Written by postmortem-wizard from (.+?): edit the draft and render again\./.exec(line)?.[1];
}
