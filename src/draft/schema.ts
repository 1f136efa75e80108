import * as v from 'valibot';
import { DETECTION_SOURCES, ENTRY_KINDS, TASK_TYPES } from './vocabulary.js';

/*
 * The shape of a draft (DESIGN §5). Every answer is optional, since a draft is work in
 * progress; this schema only checks types. Whether values make sense (a real time, a
 * percentage in range) is the rubric's business, so a half-right draft still opens.
 * Objects are loose: keys a person added by hand pass through and are saved again.
 */

/** An optional answer; YAML's empty value (`title:`) counts as not answered. */
function maybe<T extends v.GenericSchema>(schema: T) {
  return v.optional(v.pipe(v.nullable(schema), v.transform((value) => value ?? undefined)));
}

const text = v.string('must be text');
const textList = v.pipe(
  v.union([v.array(text, 'must be a list of text'), text], 'must be a list of text'),
  v.transform((value) => (typeof value === 'string' ? [value] : value)),
);

// "15%" and "15" are what people type; the draft keeps the number.
const percent = v.pipe(
  v.union(
    [v.number(), v.pipe(v.string(), v.regex(/^\s*-?\d+(\.\d+)?\s*%?\s*$/, 'must be a number from 0 to 100, like 15'))],
    'must be a number from 0 to 100, like 15',
  ),
  v.transform((value) => (typeof value === 'number' ? value : Number.parseFloat(value))),
);

const SummarySchema = v.looseObject(
  {
    start: maybe(text),
    end: maybe(text),
    timezone: maybe(text),
    impact: maybe(text),
    usersAffectedPercent: maybe(percent),
    rootCause: maybe(text),
  },
  'must be a set of answers (start, end, timezone, impact…)',
);

const EntrySchema = v.looseObject(
  {
    at: maybe(text),
    kind: maybe(v.picklist(ENTRY_KINDS, `must be one of ${ENTRY_KINDS.join(', ')}`)),
    text: maybe(text),
  },
  'must be an entry with at, kind and text',
);

// A task written as a bare line is a task with just its text.
const TaskSchema = v.pipe(
  v.unknown(),
  v.transform((value) => (typeof value === 'string' ? { text: value } : value)),
  v.looseObject(
    { text: maybe(text), owner: maybe(text), due: maybe(text), type: maybe(v.picklist(TASK_TYPES, `must be one of ${TASK_TYPES.join(', ')}`)) },
    'must be a task with text (and optional owner, due and type)',
  ),
);

const LessonsSchema = v.looseObject(
  { wentWell: maybe(textList), wentWrong: maybe(textList), lucky: maybe(textList) },
  'must be a set of lists: wentWell, wentWrong, lucky',
);

const ExtrasSchema = v.looseObject(
  {
    humor: maybe(text),
    trigger: maybe(text),
    lessons: maybe(LessonsSchema),
    diagram: maybe(v.boolean('must be true or false')),
  },
  'must be a set of answers (humor, trigger, lessons, diagram)',
);

/** A list item's form left unsaved: which item it edited (by its place in the list shown), which field was open, what it held. */
const UnconfirmedFormSchema = v.object(
  {
    editing: maybe(v.pipe(v.number(), v.integer(), v.minValue(0))),
    field: v.pipe(v.number(), v.integer(), v.minValue(0)),
    values: v.record(v.string(), v.string()),
    texts: v.record(v.string(), v.string()),
  },
  'must be the form as it was left',
);

export const DraftSchema = v.looseObject(
  {
    // Newer versions are refused before this, with their own sentence; anything else is not a format.
    version: v.pipe(v.number('must be a number: this file format is version 1'), v.value(1, 'must be 1: this file format is version 1')),
    template: maybe(text),
    title: maybe(text),
    authors: maybe(textList),
    summary: maybe(SummarySchema),
    detectedBy: maybe(v.picklist(DETECTION_SOURCES, `must be one of ${DETECTION_SOURCES.join(', ')}`)),
    timeline: maybe(v.array(EntrySchema, 'must be a list of entries')),
    rootCause: maybe(text),
    resolution: maybe(text),
    measures: maybe(textList),
    tasks: maybe(v.array(TaskSchema, 'must be a list of tasks')),
    extras: maybe(ExtrasSchema),
    /** What an import could not place, kept word for word. */
    notes: maybe(text),
    /** Text being typed, not yet confirmed, when the wizard was closed: offered again on resume. */
    unconfirmed: maybe(
      v.looseObject(
        {
          question: maybe(text),
          text: maybe(text),
          /** A list's add or edit form as it was left, to open again filled in. */
          // A form that does not read (edited by hand) is dropped: its one-line text still shows.
          form: v.optional(v.pipe(v.fallback(v.nullable(UnconfirmedFormSchema), null), v.transform((value) => value ?? undefined))),
        },
        'must be the question and the text typed',
      ),
    ),
  },
  'must be a set of answers (version, title, summary…)',
);

export type Draft = v.InferOutput<typeof DraftSchema>;
export type Summary = NonNullable<Draft['summary']>;
export type TimelineEntry = NonNullable<Draft['timeline']>[number];
export type Task = NonNullable<Draft['tasks']>[number];
export type Extras = NonNullable<Draft['extras']>;
export type Lessons = NonNullable<Extras['lessons']>;

/** A path into the draft, as valibot and the YAML document both understand it. */
export type DraftPath = readonly (string | number)[];

export interface SchemaProblem {
  path: DraftPath;
  message: string;
}

/** Names a path in plain words: `summary.impact`, `timeline entry 3: at`. */
export function describePath(path: DraftPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += ` entry ${key + 1}:`;
    else out += out === '' || out.endsWith(':') ? (out === '' ? key : ` ${key}`) : `.${key}`;
  }
  return out.replace(/:$/, '');
}

export function validateDraft(input: unknown): { ok: true; draft: Draft } | { ok: false; problems: SchemaProblem[] } {
  const result = v.safeParse(DraftSchema, input);
  if (result.success) return { ok: true, draft: result.output };
  const problems = result.issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    // valibot reports a missing required key with its own words; ours say what to add.
    const message = issue.received === 'undefined' && path.at(-1) === 'version'
      ? 'is missing: add `version: 1` at the top of the file'
      : issue.message;
    return { path, message };
  });
  return { ok: false, problems };
}
