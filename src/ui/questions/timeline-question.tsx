import { Box } from 'ink';
import { Text } from '../components/text.js';
import { useEffect, useMemo, useState } from 'react';
import { resolveIncident, type ResolvedEntry } from '../../draft/incident.js';
import type { TimelineEntry } from '../../draft/schema.js';
import { ENTRY_KIND_LABELS, ENTRY_KINDS, REQUIRED_KINDS, type EntryKind } from '../../draft/vocabulary.js';
import { parseEntryTime, parseLine } from '../../wizard/answers.js';
import { repeatedHourName } from '../../time/when.js';
import { likelyKind } from '../../wizard/likely-kind.js';
import { FormSequence, type FormField, type FormValues } from '../components/form-sequence.js';
import { ListEditor } from '../components/list-editor.js';
import { theme } from '../theme.js';
import type { QuestionProps } from './question-props.js';
import { useUnsavedItem } from './unsaved-item.js';
import { addEntries } from '../../draft/edit.js';
import { basename } from 'node:path';
import { lazyComponent } from '../lazy-component.js';

// The file readers (zip, JSON, CSV parsers) load only when the person asks for them.
const FromFile = lazyComponent(() => import('../sources/from-file.js').then((module) => module.FromFile));

const TEXT_QUESTION = { path: ['text'], kind: 'text', label: 'sentence', prompt: '', required: true } as const;

function Checklist({ entries, focus }: { entries: readonly TimelineEntry[]; focus: readonly EntryKind[] }) {
  return (
    <Text>
      <Text color={theme.muted}>Rubric: </Text>
      {REQUIRED_KINDS.map((kind) => {
        const done = entries.some((entry) => entry.kind === kind && entry.text);
        const label = ENTRY_KIND_LABELS[kind].toLowerCase();
        return (
          <Text key={kind} color={done ? theme.ok : focus.includes(kind) ? theme.warn : theme.muted}>
            {done ? '✓' : '○'} {label}{'  '}
          </Text>
        );
      })}
    </Text>
  );
}

/** "an action", "a resolution". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * The timeline, or one kind of its entries (misleading paths, escalations): a sorted list
 * with a checklist of the kinds the rubric wants and a warning on times outside the incident.
 */
export function TimelineQuestion(props: QuestionProps) {
  const { step, state, dispatch, rows } = props;
  const { question } = step;
  const unsaved = useUnsavedItem(props);
  const fixedKind = question.entryKind;
  const incident = useMemo(() => resolveIncident(state.draft), [state.draft]);
  const shown: ResolvedEntry[] = useMemo(
    () => incident.entries.filter((resolved) => !fixedKind || resolved.entry.kind === fixedKind),
    [incident, fixedKind],
  );
  const all = state.draft.timeline ?? [];
  const covers = question.covers ?? [];
  // The time typed in the add form, read against the incident: where the new entry will go.
  const [newAt, setNewAt] = useState<string | undefined>();
  // "Add entries from a file" (main timeline only): open over the list until it adds or is left.
  const [fromFile, setFromFile] = useState(false);
  const [added, setAdded] = useState<string | undefined>();
  const [lastPath, setLastPath] = useState<string | undefined>();
  // Loaded while the person reads the timeline, so keys typed right after `f` reach its field.
  useEffect(() => {
    if (!fixedKind) void FromFile.preload();
  }, [fixedKind]);
  const readTime = (text: unknown): string | undefined => {
    if (typeof text !== 'string' || text.trim() === '') return undefined;
    const parsed = parseEntryTime(text, state.draft);
    return parsed.ok ? parsed.value : undefined;
  };
  const stamp = (resolved: ResolvedEntry) => resolved.at?.toFormat('yyyy-MM-dd HH:mm');
  /** The entries (of all kinds) at or before a time, in time order; all of them without one. */
  const before = (at: string | undefined) =>
    incident.entries.filter((resolved) => at === undefined || (stamp(resolved) !== undefined && stamp(resolved)! <= at)).map((resolved) => resolved.entry.kind ?? 'other');
  const allKinds = all.map((entry) => entry.kind ?? 'other');
  const newPlace = newAt === undefined ? shown.length : shown.filter((resolved) => stamp(resolved) !== undefined && stamp(resolved)! <= newAt).length;

  const fields: FormField[] = [
    {
      key: 'at',
      kind: 'text',
      prompt: 'When? (14:30, 2:05 PM, 2023-08-02 14:30)',
      initial: (values) => (values.at as string | undefined) ?? '',
      parse: (text) => parseEntryTime(text, state.draft),
    },
    ...(fixedKind
      ? []
      : [{
          key: 'kind',
          kind: 'choice' as const,
          prompt: 'What kind of moment was it?',
          items: ENTRY_KINDS.map((kind) => ({ value: kind, label: ENTRY_KIND_LABELS[kind] })),
          preselect: (values: FormValues) => likelyKind(before(readTime(values.at)), allKinds),
        }]),
    {
      key: 'text',
      kind: 'text',
      prompt: fixedKind === 'misleading' ? 'What was suspected, and why was it wrong?' : fixedKind === 'escalation' ? 'Escalated to whom, and why?' : 'What happened? (one or two short sentences)',
      initial: (values) => (values.text as string | undefined) ?? '',
      parse: (text) => parseLine(TEXT_QUESTION, text),
    },
  ];

  const incidentSpansDays = !!(incident.start && incident.end && !incident.start.hasSame(incident.end, 'day'));
  // Room for a zone's name beside the times when some fall in the hour that happens twice, so the columns line up.
  const namedWidth = useMemo(() => Math.max(0, ...shown.map((r) => (r.at ? (repeatedHourName(r.at, incident.zone)?.length ?? -1) + 1 : 0))), [shown, incident.zone]);
  const describe = (resolved: ResolvedEntry) => {
    const { entry, at } = resolved;
    // Entries without a readable time (an imported list) keep the column: "?" padded to its width.
    // In the hour that happens twice (clocks going back), the zone's name tells the two apart.
    const twice = at ? repeatedHourName(at, incident.zone) : undefined;
    const time = (at ? `${at.toFormat(incidentSpansDays ? 'MMM d HH:mm' : 'HH:mm')}${twice ? ` ${twice}` : ''}` : entry.at ?? '?').padEnd((incidentSpansDays ? 11 : 5) + namedWidth);
    const outside = at && ((incident.start && at < incident.start) || (incident.end && at > incident.end));
    return (
      <Text wrap="truncate-end">
        <Text color={theme.accent}>{time}</Text>
        {fixedKind ? ' ' : <Text color={entry.kind === 'misleading' ? theme.warn : theme.muted}> {(ENTRY_KIND_LABELS[entry.kind ?? 'other']).padEnd(16)}</Text>}
        {outside ? <Text color={theme.warn}>⚠ </Text> : null}
        {entry.text}
      </Text>
    );
  };
  if (fromFile) {
    return (
      <FromFile
        draft={state.draft}
        rows={rows}
        initialPath={lastPath}
        onAdd={(picked, rootCause, from) => {
          // Counted as the reducer will add them: a message already in the timeline is not added again.
          const { added } = addEntries(state.draft, picked.entries, picked.sameAs);
          const count = added.filter(Boolean).length;
          const already = added.length - count;
          dispatch({ type: 'addEntries', entries: picked.entries, sameAs: picked.sameAs, rootCause });
          setAdded(
            `Added ${count} entr${count === 1 ? 'y' : 'ies'} from ${basename(from)}${already ? ` (${already} already in the timeline)` : ''}${rootCause.length ? `, and the rest of ${rootCause.length} message${rootCause.length === 1 ? '' : 's'} to the root cause` : ''}.`,
          );
          setLastPath(undefined);
          setFromFile(false);
        }}
        onCancel={(typed) => {
          setLastPath(typed || undefined);
          setFromFile(false);
        }}
      />
    );
  }
  return (
    <ListEditor<ResolvedEntry>
      key={step.index}
      leftover={unsaved.leftover}
      resumed={unsaved.resumed}
      kept={unsaved.kept}
      onKeep={unsaved.onKeep}
      prompt={question.prompt}
      help={fixedKind ? undefined : 'Detection, what was tried, what misled you, who was called, how it ended.'}
      items={shown}
      rows={Math.max(3, rows - 8)}
      noun={fixedKind === 'misleading' ? 'misleading path' : fixedKind === 'escalation' ? 'escalation' : 'entry'}
      renderItem={(resolved) => describe(resolved)}
      isSame={(listed, saved) => listed.entry === saved.entry}
      newPlace={newPlace}
      renderForm={(editing, done, kept, context) => (
        <FormSequence
          title={editing ? 'Edit entry' : 'New entry'}
          fields={editing ? fields.map((field) => (field.kind === 'choice' ? { ...field, preselect: undefined } : field)) : fields}
          initial={editing ? { ...editing.entry } : { kind: fixedKind ?? likelyKind(before(undefined), allKinds) }}
          onValues={editing ? undefined : (values) => setNewAt(readTime(values.at))}
          onSave={(values) =>
            done({ index: editing?.index ?? -1, entry: { ...(editing?.entry ?? {}), at: values.at as string, kind: (values.kind as EntryKind | undefined) ?? fixedKind ?? 'other', text: values.text as string } })
          }
          kept={kept}
          onCancel={(left) => done(undefined, left)}
          {...unsaved.formProps(context)}
        />
      )}
      // "Added 7 entries from …" is about the timeline as the file left it: any later change ends it.
      onAdd={(resolved) => {
        setAdded(undefined);
        dispatch({ type: 'addEntry', entry: resolved.entry });
      }}
      onReplace={(_, resolved) => {
        setAdded(undefined);
        dispatch({ type: 'replaceEntry', index: resolved.index, entry: resolved.entry });
      }}
      onRemove={(index) => {
        setAdded(undefined);
        const target = shown[index];
        if (target) dispatch({ type: 'removeEntry', index: target.index });
      }}
      onDone={() => {
        const missing = covers.filter((kind) => !all.some((entry) => entry.kind === kind && entry.text));
        if (missing.length) {
          const named = missing.map((kind) => withArticle(ENTRY_KIND_LABELS[kind].toLowerCase()));
          const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
          return `Add ${list} entry first: the rubric asks for ${named.length > 1 ? 'them' : 'it'}.`;
        }
        dispatch({ type: 'next' });
        return undefined;
      }}
      onBack={() => dispatch({ type: 'back' })}
      emptyTip={fixedKind ? undefined : 'Esc, then f: entries from a chat export, a pager log or git.'}
      moreKeys={fixedKind ? undefined : [{ hint: { keys: 'fromFile', does: 'from a file' }, run: () => { setAdded(undefined); setFromFile(true); } }]}
      status={<Box flexDirection="column"><Checklist entries={all} focus={covers} /><Text color={theme.muted}>{all.length} entr{all.length === 1 ? 'y' : 'ies'} in the timeline</Text>{added ? <Text color={theme.ok}>{added}</Text> : null}</Box>}
    />
  );
}
