import { ENTRY_KIND_LABELS, type EntryKind } from '../draft/vocabulary.js';

/*
 * What a README this tool wrote says beyond its sections, read back on import: the authors
 * line under the title, the Mermaid diagram (which names every entry's kind, where the ALX
 * layout's list marks only misleading paths), and the humour line after the closing rule.
 */

const KIND_BY_LABEL = new Map(Object.entries(ENTRY_KIND_LABELS).map(([kind, label]) => [label, kind as EntryKind]));
const ENTITY = /#(\d+);/g;

/** Mermaid's entity codes back to the characters (`13#58;45` is 13:45). */
function unentity(text: string): string {
  return text.replace(ENTITY, (_, code: string) => String.fromCodePoint(Number(code)));
}

export interface DiagramEvent {
  /** `HH:MM` as the diagram writes it. */
  clock: string;
  kind: EntryKind;
  text: string;
}

export interface OwnLayout {
  authors?: string[];
  events: DiagramEvent[];
  humor?: string;
  /** Lines of the document these account for (kept out of `notes`). */
  lines: Set<string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
/** The few entities the Markdown escaping writes (`&lt;tag&gt;`), as typed. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/** Reads our own README's extras; empty for a document this tool did not write. */
export function readOwnLayout(input: string): OwnLayout {
  const lines = new Set<string>();
  const found: OwnLayout = { events: [], lines };
  const byline = /^\*Written by (.+)\.\*[ \t]*$/m.exec(input);
  if (byline) {
    found.authors = byline[1]!.split(/,\s*|\s+and\s+/).map((name) => name.trim()).filter(Boolean);
    lines.add(byline[0].trim());
  }
  const diagram = /^```mermaid\r?\ntimeline\r?\n([\s\S]*?)^```/m.exec(input);
  if (diagram) {
    lines.add('```mermaid').add('timeline').add('```');
    for (const raw of diagram[1]!.split(/\r?\n/)) {
      lines.add(raw.trim());
      // Across the night the clocks change, each time carries its clock's name ("01#58;12 CDT").
      const event = /^\s+(\d{2}#58;\d{2})(?: [A-Za-z][\w+:#;-]*)? : (.*)$/.exec(raw);
      if (!event) continue;
      // Events at the same minute share one line: "13#58;45 : first : second".
      for (const said of event[2]!.split(' : ')) {
        const text = unentity(said);
        const labelled = /^(.+?) \u2014 (.*)$/.exec(text);
        const kind = labelled ? KIND_BY_LABEL.get(labelled[1]!) : undefined;
        found.events.push({ clock: unentity(event[1]!), kind: kind ?? 'other', text: kind ? labelled![2]! : text });
      }
    }
  }
  // The humour line: the last italic paragraph after the closing rule, before the marker.
  const closing = /\n---\n\n\*([^*\n][^\n]*?)\*\n\n<!-- Written by postmortem-wizard/.exec(input);
  if (closing) {
    // The line was escaped for Markdown as it was written: read back as typed.
    found.humor = decodeEntities(closing[1]!.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&])/g, '$1'));
    lines.add(`*${closing[1]}*`);
  }
  return found;
}
