import { Box } from 'ink';
import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useRef, useState } from 'react';
import { resolveIncident } from '../../draft/incident.js';
import type { Draft, TimelineEntry } from '../../draft/schema.js';
import { ENTRY_KIND_LABELS } from '../../draft/vocabulary.js';
import { AmbiguousColumnsError, SourceError, type Candidate } from '../../sources/candidate.js';
import { gatherCandidates } from '../../sources/gather.js';
import { propose, type Proposal } from '../../sources/to-entries.js';
import { DEFAULT_MARGIN_MINUTES, incidentWindow, inWindow } from '../../sources/window.js';
import { formatClock, repeatedHourName } from '../../time/when.js';
import { initialPick, MARGIN_STEPS, pickReducer, type PickAction, type PickState } from '../../wizard/pick-list.js';
import { Choice } from '../components/choice.js';
import { FieldPrompt } from '../components/field-prompt.js';
import { Text } from '../components/text.js';
import { useHints } from '../hints-context.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { useKeys } from '../input-focus.js';
import { is, KEYMAP, type Hint } from '../keymap.js';
import { windowAround } from '../scroll-window.js';
import { theme } from '../theme.js';
import { completePath, completeToShared, expandPath } from './complete-path.js';
import { parseZone, type IncidentZone } from '../../time/zone.js';
import { suggestZones } from '../questions/zone-suggestions.js';
import { readSettings } from '../../store/settings.js';

/** The names setting: kept, or replaced (the blameless default, also when settings cannot be read). */
function keepNamesSetting(): boolean {
  try {
    return readSettings().keepNames === true;
  } catch {
    return false;
  }
}

export interface FromFileProps {
  draft: Draft;
  rows: number;
  /** The picked entries, and the rest of long messages when the person wants it in the root cause. */
  onAdd(picked: Picked, rootCause: string[], from: string): void;
  /** Left without adding; `typed`: the path in the field, offered again next time. */
  onCancel(typed: string): void;
  /** The path typed the last time, if it was left unconfirmed. */
  initialPath?: string;
}

/** The ticked entries, with their other wordings (so a message already added is not added twice). */
export interface Picked {
  entries: TimelineEntry[];
  sameAs: string[][];
}

type Phase =
  | { kind: 'path'; text: string; error?: string }
  | { kind: 'reading'; path: string; done: number; total: number; how: How }
  | { kind: 'columns'; path: string; ask: ColumnQuestion[]; how: How; chosen: { time?: string; text?: string } }
  | { kind: 'zone'; path: string; how: How; back: PickPhase }
  | PickPhase
  | { kind: 'rest'; path: string; picked: Picked; rests: string[]; back: PickPhase }
  | { kind: 'many'; path: string; picked: Picked; rests: string[]; back: PickPhase };
type PickPhase = { kind: 'pick'; path: string; candidates: Candidate[]; how: How };

/** A column to ask for (the time or the text), among the ones the contents could not tell apart. */
interface ColumnQuestion {
  role: 'time' | 'text';
  among: readonly string[];
}

/** How the file is read: its CSV columns when asked, the zone of times written without one. */
interface How {
  columns?: { time?: string; text?: string };
  zone?: IncidentZone;
}

/** More ticked entries than a timeline usually holds: asked once before they are added. */
const MANY = 200;

/** The widest margin offered: read once with it, so widening the list needs no second read. */
const READ_MARGIN = MARGIN_STEPS[MARGIN_STEPS.length - 1]!;

/**
 * "Add entries from a file": a path (Tab completes), the file read in the incident's window,
 * then a list to tick. Nothing is added until the person picks and presses Enter.
 */
export function FromFile(props: FromFileProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'path', text: props.initialPath ?? '' });
  const incident = useMemo(() => resolveIncident(props.draft), [props.draft]);
  const reading = useRef(0);
  // The ticks, window and names outlive the screens around the list (the zone, the rest, a new read).
  const [pick, setPick, pickRef] = useRefState(() => initialPick(DEFAULT_MARGIN_MINUTES, keepNamesSetting()));

  const read = (path: string, how: How = {}) => {
    const run = ++reading.current;
    setPhase({ kind: 'reading', path, done: 0, total: 0, how });
    let shown = -1;
    gatherCandidates(expandPath(path), {
      zone: how.zone ?? incident.zone,
      window: incidentWindow(props.draft, READ_MARGIN),
      ...(how.columns ? { columns: how.columns } : {}),
      progress: (done, total) => {
        const percent = total ? Math.floor((done / total) * 100) : 0;
        if (run !== reading.current || percent === shown) return;
        shown = percent;
        setPhase({ kind: 'reading', path, done, total, how });
      },
    }).then(
      ({ candidates }) => {
        if (run === reading.current) setPhase({ kind: 'pick', path, candidates, how });
      },
      (error: unknown) => {
        if (run !== reading.current) return;
        if (error instanceof AmbiguousColumnsError) setPhase({ kind: 'columns', path, ask: columnQuestions(error), how, chosen: { ...how.columns } });
        else setPhase({ kind: 'path', text: path, error: error instanceof SourceError ? describeSourceError(path, error) : `Could not read ${path}: ${(error as Error).message}` });
      },
    );
  };

  /** After the ticks: the rest of long messages, if any, is offered; then they are added. */
  const afterPick = (back: PickPhase, picked: Picked, rests: string[]) =>
    rests.length ? setPhase({ kind: 'rest', path: back.path, picked, rests, back }) : props.onAdd(picked, [], back.path);

  switch (phase.kind) {
    case 'path':
      return (
        <Box flexDirection="column">
          <FieldPrompt
            key={`${phase.text}\u0000${phase.error ?? ''}`}
            prompt="Add entries from a file: which file?"
            help="A Slack export (folder or .zip) or channel JSON, a chat log, a PagerDuty, Opsgenie or Alertmanager export, a git repository, a CSV."
            initial={phase.text}
            suggest={(text) => completePath(text)}
            complete={completeToShared}
            parse={(text) => (text.trim() === '' ? { ok: false, error: 'Type the path of the file (Tab completes).' } : { ok: true, value: text.trim() })}
            onAccept={(value) => read(value as string)}
            onBack={(typed) => props.onCancel(typed)}
          />
          {phase.error ? <Text color={theme.error}>✗ {phase.error}</Text> : null}
        </Box>
      );
    case 'reading':
      return (
        <Reading
          phase={phase}
          onStop={() => {
            reading.current += 1;
            setPhase({ kind: 'path', text: phase.path });
          }}
        />
      );
    case 'columns': {
      const [question, ...later] = phase.ask;
      if (!question) return null;
      return (
        <Choice
          key={question.role}
          prompt={`Which column of ${basename(phase.path)} holds the ${question.role}?`}
          help={`${question.among.length > 2 ? `${question.among.slice(0, -1).join(', ')} or ${question.among.at(-1)}` : question.among.join(' and ')} could each be the ${question.role}, from what they hold.`}
          items={question.among.map((name) => ({ label: name, value: name }))}
          limit={Math.max(3, props.rows - 4)}
          onSelect={(column) => {
            const chosen = { ...phase.chosen, [question.role]: column };
            if (later.length) setPhase({ ...phase, ask: later, chosen });
            else read(phase.path, { ...phase.how, columns: chosen });
          }}
          onBack={() => setPhase({ kind: 'path', text: phase.path })}
        />
      );
    }
    case 'zone':
      return (
        <FieldPrompt
          prompt={`Times written without a timezone in ${phase.path} are in which timezone?`}
          help={`Now read as ${(phase.how.zone ?? incident.zone).name}, the draft's. Times written with a zone or offset are converted anyway.`}
          initial=""
          suggest={suggestZones}
          parse={(text) => {
            const zone = parseZone(text);
            return zone.ok ? { ok: true, value: zone.value } : { ok: false, error: zone.error };
          }}
          onAccept={(zone) => read(phase.path, { ...phase.how, zone: zone as IncidentZone })}
          onBack={() => setPhase(phase.back)}
        />
      );
    case 'pick':
      return (
        <PickList
          {...props}
          path={phase.path}
          candidates={phase.candidates}
          readZone={phase.how.zone}
          state={pick}
          dispatch={(action) => setPick(pickReducer(pickRef.current, action))}
          onZone={() => setPhase({ kind: 'zone', path: phase.path, how: phase.how, back: phase })}
          onPicked={(picked, rests) => (picked.entries.length > MANY ? setPhase({ kind: 'many', path: phase.path, picked, rests, back: phase }) : afterPick(phase, picked, rests))}
          onBack={() => setPhase({ kind: 'path', text: phase.path })}
        />
      );
    case 'many':
      return (
        <YesNo
          question={`Add ${phase.picked.entries.length.toLocaleString('en-US')} entries to the timeline? A postmortem's timeline usually holds a few dozen.`}
          yes="add them"
          onAnswer={(yes) => (yes ? afterPick(phase.back, phase.picked, phase.rests) : setPhase(phase.back))}
          onBack={() => setPhase(phase.back)}
        />
      );
    case 'rest':
      return <RestQuestion count={phase.rests.length} onAnswer={(yes) => props.onAdd(phase.picked, yes ? phase.rests : [], phase.path)} onBack={() => setPhase(phase.back)} />;
  }
}

/** What to ask of an ambiguous CSV: the time among its time-like columns, the text among its text-like ones. */
function columnQuestions(error: AmbiguousColumnsError): ColumnQuestion[] {
  const questions: ColumnQuestion[] = [];
  // No column looked like a time at all: any may be. The text is asked only when two could be it
  // (with the time named, the reader finds the text itself, or says which two it cannot tell apart).
  const every = error.header.filter((name) => name !== '');
  if (error.timeColumns.length !== 1) questions.push({ role: 'time', among: error.timeColumns.length > 1 ? error.timeColumns : every });
  if (error.textColumns.length > 1) questions.push({ role: 'text', among: error.textColumns });
  return questions;
}

/** The file being read, with how far it has got; Esc stops. */
function Reading({ phase, onStop }: { phase: Extract<Phase, { kind: 'reading' }>; onStop(): void }) {
  useKeys((input, key) => {
    if (is('back', input, key)) onStop();
  });
  useHints([{ keys: 'back', does: 'stop reading' }]);
  const size = phase.total ? ` ${Math.floor((phase.done / phase.total) * 100)}% of ${megabytes(phase.total)}` : '';
  return <Text color={theme.muted}>Reading {phase.path}…{size}</Text>;
}

function describeSourceError(path: string, error: SourceError): string {
  return `${path}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}

function megabytes(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
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

interface PickListProps extends FromFileProps {
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

function PickList(props: PickListProps) {
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
  const when = (offer: Proposal) => {
    const twice = repeatedHourName(DateTime.fromMillis(offer.instant), incident.zone);
    return `${spansDays ? offer.entry.at.slice(5, 16) : offer.entry.at.slice(11, 16)}${twice ? ` ${twice}` : ''}`;
  };
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
        {offers.slice(start, end).map((offer, i) => {
          const index = start + i;
          const active = index === cursor;
          const kind = kindOf(offer);
          return (
            <Text key={offer.id} wrap="truncate-end">
              <Text color={active ? theme.accent : undefined}>{active ? '› ' : '  '}</Text>
              <Text color={state.picked.has(offer.id) ? theme.ok : theme.muted}>{state.picked.has(offer.id) ? '[x] ' : '[ ] '}</Text>
              <Text color={theme.accent}>{when(offer)} </Text>
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

/** A y/n question; Esc goes back without an answer. */
function YesNo({ question, yes, onAnswer, onBack }: { question: string; yes: string; onAnswer(yes: boolean): void; onBack(): void }) {
  useKeys((input, key) => {
    if (is('back', input, key)) onBack();
    else if (is('yes', input, key)) onAnswer(true);
    else if (is('no', input, key)) onAnswer(false);
  });
  useHints([
    { keys: 'yes', does: yes },
    { keys: 'no', does: 'back to the list' },
  ]);
  return <Text bold>{question} y/n</Text>;
}

function RestQuestion({ count, onAnswer, onBack }: { count: number; onAnswer(yes: boolean): void; onBack(): void }) {
  // Esc goes back to the list (n answers no): nothing is added by leaving the question.
  useKeys((input, key) => {
    if (is('back', input, key)) onBack();
    else if (is('yes', input, key)) onAnswer(true);
    else if (is('no', input, key)) onAnswer(false);
  });
  useHints([
    { keys: 'yes', does: 'add to root cause' },
    { keys: 'no', does: 'leave out' },
    { keys: 'back', does: 'back to the list' },
  ]);
  return (
    <Box flexDirection="column">
      <Text bold>
        {count} of the ticked messages {count === 1 ? 'goes' : 'go'} on past {count === 1 ? 'its' : 'their'} first sentence, which became the entry.
      </Text>
      <Text>Add the rest to the root cause text, to edit there? y/n</Text>
    </Box>
  );
}
