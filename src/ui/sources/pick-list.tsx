import { Box } from 'ink';
import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { useMemo, useRef, useState } from 'react';
import { resolveIncident } from '../../draft/incident.js';
import type { Draft, TimelineEntry } from '../../draft/schema.js';
import { ENTRY_KIND_LABELS } from '../../draft/vocabulary.js';
import type { Candidate } from '../../sources/candidate.js';
import { propose, type Proposal } from '../../sources/to-entries.js';
import { incidentWindow, inWindow } from '../../sources/window.js';
import { formatClock, repeatedHourName } from '../../time/when.js';
import type { IncidentZone } from '../../time/zone.js';
import type { PickAction, PickState } from '../../wizard/pick-list.js';
import { Text } from '../components/text.js';
import { useHints } from '../hints-context.js';
import { useKeys } from '../input-focus.js';
import { is, KEYMAP, type Hint } from '../keymap.js';
import { windowAround } from '../scroll-window.js';
import { theme } from '../theme.js';

/** The ticked entries, with their other wordings (so a message already added is not added twice). */
export interface Picked {
  entries: TimelineEntry[];
  sameAs: string[][];
}

// n and z are said on the screen's own lines (names, zone), so the footer fits 80 columns.
const PICK_HINTS: Hint[] = [
  { keys: 'submit', does: 'add' },
  { keys: 'toggle', does: 'tick' },
  { keys: 'toggleAll', does: 'all' },
  { keys: 'nextKind', does: 'kind' },
  { keys: ['wider', 'narrower'], does: 'window' },
  { keys: 'back', does: 'back' },
];

export interface PickListProps {
  draft: Draft;
  rows: number;
  path: string;
  candidates: Candidate[];
  /** The zone the file's zone-less times were read in, when not the draft's. */
  readZone?: IncidentZone;
  state: PickState;
  dispatch(action: PickAction): void;
  onZone(): void;
  onPicked(picked: Picked, rests: string[]): void;
  onBack(): void;
}

export function PickList(props: PickListProps) {
  const { draft, candidates } = props;
  const { state, dispatch } = props;
  // Keys in one burst each see the last one's effect: the parent's state is read through a ref.
  const stateRef = useRef(state);
  stateRef.current = state;
  const [message, setMessage] = useState<string | undefined>();
  const incident = useMemo(() => resolveIncident(draft), [draft]);
  const bounded = incident.start !== undefined || incident.end !== undefined;
  const window = useMemo(() => incidentWindow(draft, state.margin), [draft, state.margin]);
  const offers = useMemo(
    () => propose(candidates.filter((c) => inWindow(c.at, window)), { zone: incident.zone, keepNames: state.keepNames }),
    [candidates, window, incident.zone, state.keepNames],
  );
  const offersRef = useRef(offers);
  offersRef.current = offers;
  const kindOf = (offer: Proposal) => stateRef.current.kinds[offer.id] ?? offer.entry.kind ?? 'other';

  useKeys((input, key) => {
    const list = offersRef.current;
    const count = list.length;
    const current = list[Math.min(stateRef.current.cursor, count - 1)];
    setMessage(undefined);
    if (is('up', input, key)) dispatch({ type: 'move', by: -1, count });
    else if (is('down', input, key)) dispatch({ type: 'move', by: 1, count });
    else if (is('pageUp', input, key)) dispatch({ type: 'move', by: -listRows, count });
    else if (is('pageDown', input, key)) dispatch({ type: 'move', by: listRows, count });
    else if (is('home', input, key)) dispatch({ type: 'moveTo', index: 0, count });
    else if (is('end', input, key)) dispatch({ type: 'moveTo', index: count - 1, count });
    else if (is('toggle', input, key) && current) dispatch({ type: 'toggle', id: current.id });
    else if (is('toggleAll', input, key)) dispatch({ type: 'toggleAll', ids: list.map((o) => o.id) });
    else if (is('nextKind', input, key) && current) dispatch({ type: 'nextKind', id: current.id, current: kindOf(current) });
    else if (is('wider', input, key) && bounded) dispatch({ type: 'wider' });
    else if (is('narrower', input, key) && bounded) dispatch({ type: 'narrower' });
    else if (is('names', input, key)) dispatch({ type: 'names' });
    else if (is('zone', input, key)) props.onZone();
    else if (is('back', input, key)) props.onBack();
    else if (is('submit', input, key)) {
      const picked = list.filter((offer) => stateRef.current.picked.has(offer.id));
      if (picked.length === 0) {
        setMessage('Nothing is ticked: tick entries with Space (a ticks all), or Esc to go back.');
        return;
      }
      props.onPicked(
        { entries: picked.map((offer) => ({ ...offer.entry, kind: kindOf(offer) })), sameAs: picked.map((offer) => offer.sameAs) },
        picked.map((offer) => offer.rest).filter((rest) => rest !== ''),
      );
    }
  });
  useHints(bounded ? PICK_HINTS : PICK_HINTS.filter((hint) => hint.does !== 'window'));

  const listRows = Math.max(3, props.rows - 8);
  const cursor = Math.min(state.cursor, Math.max(0, offers.length - 1));
  const { start, end } = windowAround(offers.length, cursor, listRows);
  const ticked = offers.filter((offer) => state.picked.has(offer.id)).length;
  const clock = (ms: number) => formatClock(DateTime.fromMillis(ms, { zone: incident.zone.zone }));
  const spansDays = offers.length > 0 && !DateTime.fromMillis(offers[0]!.instant, { zone: incident.zone.zone }).hasSame(DateTime.fromMillis(offers.at(-1)!.instant, { zone: incident.zone.zone }), 'day');
  // As the timeline writes times ("Nov 2 01:05"), the zone's name beside the hour that happens
  // twice; padded to the widest shown, so the kinds stay in one column.
  const when = (offer: Proposal) => {
    const local = DateTime.fromMillis(offer.instant, { zone: incident.zone.zone, locale: 'en-US' });
    const twice = repeatedHourName(local, incident.zone);
    return `${spansDays ? `${local.toFormat('LLL d')} ` : ''}${formatClock(local)}${twice ? ` ${twice}` : ''}`;
  };
  const shown = offers.slice(start, end);
  const whens = shown.map(when);
  const whenWidth = Math.max(0, ...whens.map((w) => w.length));
  const between = window.from !== undefined && window.to !== undefined ? `between ${clock(window.from)} and ${clock(window.to)} ${incident.zone.name} (\u00b1 ${state.margin} min)` : 'in the whole file (the draft has no start or end yet)';

  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">From {basename(props.path)}: {offers.length} entr{offers.length === 1 ? 'y' : 'ies'} {between}</Text>
      <Text color={theme.muted} wrap="truncate-end">
        {ticked} ticked. {state.keepNames ? `Names kept (${KEYMAP.names.label} replaces them).` : `Names: a role or "an engineer" (${KEYMAP.names.label} keeps them).`}
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        Times written without a timezone are read as {(props.readZone ?? incident.zone).name} ({KEYMAP.zone.label} to change).
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {offers.length === 0 ? (
          <Text color={theme.muted}>
            Nothing in this window{bounded ? ': + widens it' : ''}. If the file's times have no timezone, {KEYMAP.zone.label} says which they are in.
          </Text>
        ) : null}
        {start > 0 ? <Text color={theme.muted}>  ↑ {start} more</Text> : null}
        {shown.map((offer, i) => {
          const index = start + i;
          const active = index === cursor;
          const kind = kindOf(offer);
          return (
            <Text key={offer.id} wrap="truncate-end">
              <Text color={active ? theme.accent : undefined}>{active ? '› ' : '  '}</Text>
              <Text color={state.picked.has(offer.id) ? theme.ok : theme.muted}>{state.picked.has(offer.id) ? '[x] ' : '[ ] '}</Text>
              <Text color={theme.accent}>{whens[i]!.padEnd(whenWidth)} </Text>
              <Text color={kind === 'misleading' ? theme.warn : theme.muted}>{ENTRY_KIND_LABELS[kind].padEnd(16)} </Text>
              {offer.entry.text}
              <Text color={theme.muted}>{offer.times > 1 ? ` (\u00d7${offer.times})` : ''}  {offer.source}</Text>
            </Text>
          );
        })}
        {end < offers.length ? <Text color={theme.muted}>  ↓ {offers.length - end} more</Text> : null}
      </Box>
      {message ? <Text color={theme.error}>{message}</Text> : null}
    </Box>
  );
}

