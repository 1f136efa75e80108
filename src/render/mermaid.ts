import { entryClock, type Incident } from '../draft/incident.js';
import { ENTRY_KIND_LABELS } from '../draft/vocabulary.js';
import { formatClock } from '../time/when.js';
import { zoneLabel } from '../time/zone.js';
import { clocksOf } from './clocks.js';

/*
 * The timeline as a Mermaid `timeline` diagram, which GitHub draws from a ```mermaid block.
 * In that syntax `:` separates a time from its events and `#`, `;` and `%%` mean something,
 * so the author's text goes in as Mermaid entity codes (#58; for `:`); a backtick would end
 * the Markdown code block, and is written as an entity too.
 */

const ENTITY: Record<string, string> = { ':': '#58;', '#': '#35;', ';': '#59;', '%': '#37;', '`': '#96;', '<': '#60;', '>': '#62;', '{': '#123;', '}': '#125;' };
const SPECIAL = /[:#;%`<>{}]/g;
const MAX_EVENT = 70;
/** As luxon's `LLLL` writes them in English. */
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One line of the author's text, safe inside the diagram. */
export function mermaidText(text: string): string {
  let flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length > MAX_EVENT) flat = `${flat.slice(0, MAX_EVENT - 1).trimEnd()}…`;
  return flat.replace(SPECIAL, (character) => ENTITY[character]!);
}

/** The ```mermaid block for the incident's timeline, or '' when it has no timed entries. */
export function timelineDiagram(title: string, incident: Incident, multiDay: boolean): string {
  const entries = incident.entries.filter((entry) => entry.millis !== undefined && entry.entry.text?.trim());
  if (entries.length === 0) return '';
  const zone = incident.zone;
  const clocks = clocksOf(incident);
  const lines = ['```mermaid', 'timeline', `    title ${mermaidText(incident.zoneGiven ? `${title} (times in ${clocks})` : title)}`];
  // Across the night the clocks change, each time says which clock it is on ("01:12 CDT").
  const twoClocks = clocks.includes(', then ');
  let day = '';
  let period = '';
  for (const resolved of entries) {
    const { entry } = resolved;
    const local = entryClock(resolved, zone)!;
    const today = `${MONTH_NAMES[local.month - 1]} ${local.day}`;
    if (multiDay && today !== day) {
      day = today;
      lines.push(`    section ${mermaidText(today)}`);
      period = '';
    }
    const kind = entry.kind && entry.kind !== 'other' ? `${ENTRY_KIND_LABELS[entry.kind]} — ` : '';
    const event = mermaidText(`${kind}${entry.text}`);
    const time = mermaidText(twoClocks ? `${formatClock(local)} ${zoneLabel(zone, resolved.at)}` : formatClock(local));
    // Events at the same minute share one period: "13#58;45 : first : second".
    if (time === period) lines[lines.length - 1] += ` : ${event}`;
    else lines.push(`    ${time} : ${event}`);
    period = time;
  }
  lines.push('```');
  return lines.join('\n');
}
