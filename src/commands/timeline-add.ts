import { loadDraft } from '../store/draft-file.js';
import { acquireDraftLock } from '../store/draft-lock.js';
import { describeLockOwner, shortPath } from '../store/drafts.js';
import { DraftFileError, SaveError } from '../store/errors.js';
import { resolveIncident } from '../draft/incident.js';
import { EXIT, UsageError } from '../process/exit-codes.js';
import { err, out } from '../process/printable.js';
import { DateTime } from 'luxon';
import { formatClock, formatStored, parseWhen, repeatedHourName } from '../time/when.js';
import { parseZone, type IncidentZone } from '../time/zone.js';
import { AmbiguousColumnsError, SourceError } from '../sources/candidate.js';
import { addProposals, gatherCandidates } from '../sources/gather.js';
import { propose } from '../sources/to-entries.js';
import type { Proposal } from '../sources/to-entries.js';
import { DEFAULT_MARGIN_MINUTES, incidentWindow } from '../sources/window.js';
import { ENTRY_KIND_LABELS } from '../draft/vocabulary.js';

export interface TimelineAddFlags {
  from?: string;
  to?: string;
  all?: boolean;
  match?: string[];
  zone?: string;
  margin?: string;
  keepNames?: boolean;
  columns?: string;
  rest?: boolean;
}

const KIND_WIDTH = Math.max(...Object.values(ENTRY_KIND_LABELS).map((label) => label.length));

/**
 * One line per entry, in columns: the time as the draft's zone shows it, with the clock's name
 * in the hour that happens twice ("2025-11-02 01:12 CDT", as the wizard shows it), the kind,
 * the text and where it came from.
 */
function lines(proposals: readonly Proposal[], mark: string, zone: IncidentZone): string {
  const whens = proposals.map((proposal) => {
    const twice = repeatedHourName(DateTime.fromMillis(proposal.instant), zone);
    return `${proposal.entry.at.slice(0, 16)}${twice ? ` ${twice}` : ''}`;
  });
  const width = Math.max(0, ...whens.map((when) => when.length));
  return proposals
    .map((proposal, i) => {
      const times = proposal.times > 1 ? ` (\u00d7${proposal.times})` : '';
      return `${mark} ${whens[i]!.padEnd(width)}  ${ENTRY_KIND_LABELS[proposal.entry.kind ?? 'other'].toLowerCase().padEnd(KIND_WIDTH)}  ${proposal.entry.text}${times}  [${proposal.source}]\n`;
    })
    .join('');
}

/** A progress line on a terminal only; scripts reading stderr get no carriage returns. */
function progressLine(file: string): { update(done: number, total: number): void; clear(): void } {
  if (!process.stderr.isTTY) return { update() {}, clear() {} };
  let shown = -1;
  return {
    update(done, total) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (percent === shown) return;
      shown = percent;
      err(`\rreading ${file}: ${percent}% of ${(total / 1_048_576).toFixed(total < 10_485_760 ? 1 : 0)} MB`);
    },
    clear() {
      if (shown >= 0) err('\r\u001b[K');
    },
  };
}

/**
 * `timeline add DRAFT FILE`: entries from what the incident left behind (a chat export, a pager
 * log, deploys), without a terminal. Without --all or --match it lists what it would add.
 */
export async function timelineAddCommand(draftPath: string, file: string, flags: TimelineAddFlags): Promise<number> {
  if (flags.all && flags.match?.length) throw new UsageError('--all and --match pick in two ways: give one of them.');
  const margin = flags.margin === undefined ? DEFAULT_MARGIN_MINUTES : Number(flags.margin);
  if (!Number.isFinite(margin) || margin < 0) throw new UsageError(`--margin ${flags.margin} is not a number of minutes: write it like 15.`);
  const readZone = flags.zone === undefined ? undefined : parseZone(flags.zone);
  if (readZone && !readZone.ok) throw new UsageError(`--zone ${flags.zone}: ${readZone.error}`);

  const loaded = await loadDraft(draftPath, 'edit');
  const incident = resolveIncident(loaded.draft);
  // A bare time is on the day that puts it nearest the incident (23:50 before a 00:10 end is the
  // evening before); --to's bare time is after --from, on the next day if need be.
  const distance = (ms: number) => {
    const start = incident.start?.toMillis() ?? incident.end!.toMillis();
    const end = incident.end?.toMillis() ?? start;
    return ms < start ? start - ms : ms > end ? ms - end : 0;
  };
  const at = (option: string, text: string | undefined, after?: DateTime) => {
    if (text === undefined) return undefined;
    const read = parseWhen(text, { zone: incident.zone, defaultDate: after ?? incident.start ?? incident.end, ...(after ? { after } : {}) });
    if (!read.ok) throw new UsageError(`${option} ${text}: ${read.error}`);
    if (read.dateGiven || after) return read.value;
    if (!incident.start && !incident.end) throw new UsageError(`${option} ${text} has no date and the draft has no start to take it from: write it like 2024-08-14 14:00.`);
    return [read.value.minus({ days: 1 }), read.value, read.value.plus({ days: 1 })].reduce((best, day) => (distance(day.toMillis()) < distance(best.toMillis()) ? day : best));
  };
  const from = at('--from', flags.from);
  const to = at('--to', flags.to, from);
  const window = incidentWindow(loaded.draft, margin, { from: from?.toMillis(), to: to?.toMillis() });
  if (window.from !== undefined && window.to !== undefined && window.from > window.to) throw new UsageError('--from is after --to: nothing could be in between.');
  const [timeColumn, textColumn] = flags.columns?.split(',').map((part) => part.trim()) ?? [];

  const progress = progressLine(file);
  let gathered;
  try {
    gathered = await gatherCandidates(file, {
      zone: readZone?.ok ? readZone.value : incident.zone,
      window,
      ...(flags.columns ? { columns: { time: timeColumn || undefined, text: textColumn || undefined } } : {}),
      progress: progress.update,
    });
  } catch (error) {
    if (error instanceof AmbiguousColumnsError) {
      throw DraftFileError.at(error.path, `${error.message} Name them with --columns TIME,TEXT (header names or numbers; columns: ${error.header.join(', ')}).`);
    }
    if (error instanceof SourceError) throw DraftFileError.at(error.path, error.message, error.line);
    throw error;
  } finally {
    progress.clear();
  }
  const { outside } = gathered;
  const proposals = propose(gathered.candidates, { zone: incident.zone, keepNames: flags.keepNames ?? (await keepNamesSetting()) });
  const zoneNote = incident.zoneGiven ? '' : ` (the draft names no timezone: times are in ${incident.zone.name}; set summary.timezone or use --zone)`;
  const between = describeWindow(window, incident.zone);
  const outsideNote = outside ? `; ${outside} outside ${between}` : '';

  const needles = (flags.match ?? []).map((m) => m.toLowerCase());
  const picked = flags.all ? proposals : needles.length ? proposals.filter((p) => needles.some((n) => `${p.original}\n${p.entry.text}\n${p.source}`.toLowerCase().includes(n))) : [];
  if (!flags.all && needles.length === 0) {
    out(lines(proposals, ' ', incident.zone));
    out(`${proposals.length} entr${proposals.length === 1 ? 'y' : 'ies'} found ${between}${outsideNote}${zoneNote}; nothing added. Add them all with --all, or some with --match TEXT.\n`);
    return EXIT.ok;
  }

  const lock = acquireDraftLock(draftPath);
  if (!lock.ok) throw new UsageError(`${shortPath(draftPath)} is open in a wizard (${describeLockOwner(lock.owner)}): add the entries there with the timeline's "from a file" key, or close it first.`);
  try {
    const result = addProposals(loaded.draft, picked, { rest: flags.rest });
    if (result.added.length) {
      try {
        const { saveDraft } = await import('../store/draft-file.js');
        await saveDraft(loaded, result.draft);
      } catch (error) {
        if (error instanceof SaveError) throw new UsageError(error.message, EXIT.problems);
        throw error;
      }
    }
    out(lines(result.added, '+', incident.zone));
    const cut = result.added.filter((p) => p.rest !== '').length;
    const parts = [
      `Added ${result.added.length} entr${result.added.length === 1 ? 'y' : 'ies'} to ${shortPath(draftPath)}`,
      result.already.length ? `${result.already.length} already there` : '',
      proposals.length > picked.length ? `${proposals.length - picked.length} not picked` : '',
    ].filter(Boolean);
    out(`${parts.join('; ')}${outsideNote}${zoneNote}.\n`);
    if (cut && !flags.rest) out(`${cut} long message${cut === 1 ? ' was' : 's were'} cut to the first sentence; --rest adds the rest to the root cause text.\n`);
    return EXIT.ok;
  } finally {
    lock.lock.release();
  }
}

/** "between 2024-08-14 13:45 and 15:15 UTC", in the draft's zone. */
function describeWindow(window: { from?: number; to?: number }, zone: IncidentZone): string {
  const at = (ms: number) => DateTime.fromMillis(ms, { zone: zone.zone });
  const fmt = (ms: number) => formatStored(at(ms), zone);
  if (window.from === undefined && window.to === undefined) return 'in the file';
  if (window.from === undefined) return `up to ${fmt(window.to!)} ${zone.name}`;
  if (window.to === undefined) return `from ${fmt(window.from)} ${zone.name}`;
  const sameDay = at(window.from).hasSame(at(window.to), 'day');
  return `between ${fmt(window.from)} and ${sameDay ? formatClock(at(window.to)) : fmt(window.to)} ${zone.name}`;
}

async function keepNamesSetting(): Promise<boolean> {
  try {
    return (await import('../store/settings.js')).readSettings().keepNames === true;
  } catch {
    return false; // Settings that cannot be read leave the blameless default.
  }
}
