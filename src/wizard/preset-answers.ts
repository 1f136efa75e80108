import type { Draft } from '../draft/schema.js';
import { setAt } from '../draft/edit.js';
import { TEMPLATES } from '../draft/vocabulary.js';
import { questionAt } from './flow.js';
import { parseLine, parseMoment, parseNames, parseTimezone } from './answers.js';

/** Answers given on the command line (`new --title … --start …`), as a script or a team lead knows them. */
export interface PresetAnswers {
  title?: string;
  author?: string;
  timezone?: string;
  start?: string;
  end?: string;
  template?: string;
}

/** The flag each answer comes from, for the sentence that names a bad one. */
const FLAG: Record<keyof PresetAnswers, string> = { title: '--title', author: '--author', timezone: '--timezone', start: '--start', end: '--end', template: '--template' };

/**
 * A new draft with the answers read exactly as the wizard reads them when typed: the timezone
 * first (the times are read in it), then the start, then the end against the start. A bad one
 * gets the wizard's own sentence, with its flag.
 */
export function presetDraft(answers: PresetAnswers): { ok: true; draft: Draft } | { ok: false; error: string } {
  let draft: Draft = { version: 1 };
  const steps: [keyof PresetAnswers, (text: string, draft: Draft) => { ok: true; value: unknown } | { ok: false; error: string }][] = [
    ['title', (text) => parseLine(questionAt(['title']), text)],
    ['author', (text) => parseNames(questionAt(['authors']), text)],
    ['timezone', (text) => parseTimezone(questionAt(['summary', 'timezone']), text)],
    ['start', (text, current) => parseMoment(questionAt(['summary', 'start']), text, current)],
    ['end', (text, current) => parseMoment(questionAt(['summary', 'end']), text, current)],
    ['template', (text) => ((TEMPLATES as readonly string[]).includes(text) ? { ok: true, value: text } : { ok: false, error: `Use ${TEMPLATES.join(' or ')}.` })],
  ];
  const paths: Record<keyof PresetAnswers, readonly string[]> = {
    title: ['title'], author: ['authors'], timezone: ['summary', 'timezone'], start: ['summary', 'start'], end: ['summary', 'end'], template: ['template'],
  };
  for (const [key, read] of steps) {
    const text = answers[key];
    if (text === undefined) continue;
    const parsed = read(text, draft);
    if (!parsed.ok) return { ok: false, error: `${FLAG[key]} ${JSON.stringify(text)}: ${parsed.error}` };
    if (parsed.value !== undefined) draft = setAt(draft, paths[key], parsed.value);
  }
  return { ok: true, draft };
}
