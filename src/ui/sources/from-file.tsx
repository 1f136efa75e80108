import { Box } from 'ink';
import { basename } from 'node:path';
import { useMemo, useRef, useState } from 'react';
import { resolveIncident } from '../../draft/incident.js';
import type { Draft } from '../../draft/schema.js';
import { AmbiguousColumnsError, SourceError, type Candidate } from '../../sources/candidate.js';
import { gatherCandidates } from '../../sources/gather.js';
import { DEFAULT_MARGIN_MINUTES, incidentWindow } from '../../sources/window.js';
import { initialPick, MARGIN_STEPS, pickReducer } from '../../wizard/pick-list.js';
import { Choice } from '../components/choice.js';
import { FieldPrompt } from '../components/field-prompt.js';
import { Text } from '../components/text.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { theme } from '../theme.js';
import { completePath, completeToShared, expandPath } from './complete-path.js';
import { PickList, type Picked } from './pick-list.js';
import { Reading, RestQuestion, YesNo } from './prompts.js';
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
      return <RestQuestion rests={phase.rests} onAnswer={(yes) => props.onAdd(phase.picked, yes ? phase.rests : [], phase.path)} onBack={() => setPhase(phase.back)} />;
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

function describeSourceError(path: string, error: SourceError): string {
  return `${path}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}

