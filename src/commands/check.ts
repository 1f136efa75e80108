import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { checkDraft, type Finding } from '../check/rubric.js';
import { statedParts, type RubricPart } from '../check/stated.js';
import type { Draft, DraftPath } from '../draft/schema.js';
import { importPostmortem } from '../import/import-postmortem.js';
import { authorshipOf, markedDraft } from '../render/marker.js';
import { TemplateError } from '../render/template-error.js';
import { WORD_RANGE } from '../render/words.js';
import { shortPath } from '../store/drafts.js';
import { loadDraft } from '../store/draft-file.js';
import { DraftFileError, formatProblem } from '../store/errors.js';
import { readDocument } from '../store/read-document.js';
import { formatMinutes } from '../time/duration.js';
import { EXIT } from '../process/exit-codes.js';
import { out, printableJson } from '../process/printable.js';
import { invocation } from '../process/invocation.js';

export interface CheckFlags {
  json?: boolean;
}

interface Reviewed {
  draft: Draft;
  /** The line of the file a finding is about, where it can be told. */
  lineOf(finding: Finding): number | undefined;
  /** Findings only a hand-written file can have (several timezones on its lines). */
  extra: Finding[];
  /** The postmortem as written (not a draft): its own words are what the length is. */
  document?: string;
  /** What that postmortem states, placed in the draft or not. */
  stated?: ReadonlySet<RubricPart>;
}

const DRAFT_EXTENSIONS = new Set(['.yaml', '.yml']);

/** A draft: lines come from the YAML. */
async function reviewDraftFile(path: string): Promise<Reviewed> {
  const loaded = await loadDraft(path, 'read');
  return { draft: loaded.draft, lineOf: (finding) => (finding.path ? loaded.lineOf(finding.path) : undefined), extra: [] };
}

/** A postmortem written by hand: read as `import` would, lines found by the words quoted. */
async function reviewWrittenFile(path: string): Promise<Reviewed> {
  const text = readDocument(path);
  if (text.trim() === '') throw DraftFileError.at(path, 'is empty.');
  const imported = importPostmortem(text, { fileName: basename(path) });
  const { draft, zones, shares, lines: entryLines, otherZones, zoneWritten } = imported;
  const lines = text.split(/\r?\n/).map((line) => line.toLowerCase());
  const find = (words: string | undefined) => {
    const needle = words?.replace(/\u2026$/, '').trim().toLowerCase().slice(0, 40);
    if (!needle) return undefined;
    const index = lines.findIndex((line) => line.includes(needle));
    return index === -1 ? undefined : index + 1;
  };
  // The words at a finding's place in the draft: the field itself, or the entry or task it is in.
  const textAt = (path: DraftPath | undefined): string | undefined => {
    let value: unknown = draft;
    let words: string | undefined;
    for (const key of path ?? []) {
      value = (value as Record<string | number, unknown> | undefined)?.[key];
      // Times and dates are rewritten on import; the words around them are not.
      if (typeof value === 'string' && key !== 'at' && key !== 'due') words = value;
      else if (typeof (value as { text?: unknown } | undefined)?.text === 'string') words = (value as { text: string }).text;
    }
    return words;
  };
  const extra: Finding[] =
    zones.length > 1 ? [{ section: 'Timeline', message: `times are written in ${zones.length} timezones (${zones.join(', ')}): give every time in one, and say which.` }] : [];
  otherZones.forEach((other, index) => {
    if (other) extra.push({ section: 'Timeline', message: `"${other.written}" is in ${other.zone}, but the postmortem's times are in ${zoneWritten}: give every time in one timezone.`, quote: other.written, path: ['timeline', index] });
  });
  if (shares.length) {
    const values = [...new Set(shares.map((s) => `${s.percent}%`))];
    extra.push({ section: 'Summary', message: `the share of users affected is stated differently (${values.join(' and ')}): say which is right.`, quote: shares[1]?.quote });
  }
  // A timeline entry's line is the one the parser read it from.
  const entryLine = (path: DraftPath | undefined) => (path?.[0] === 'timeline' && typeof path[1] === 'number' ? entryLines.timeline[path[1]] : undefined);
  return { draft, lineOf: (finding) => entryLine(finding.path) ?? find(finding.quote) ?? find(textAt(finding.path)), extra, document: text, stated: statedParts(imported) };
}

/**
 * Where to fix a written postmortem: the draft a README of ours names, when it is still beside
 * it (edit it and render again); else the wizard, from the document imported.
 */
function fixHint(file: string, document: string | undefined): string {
  const name = document && authorshipOf(document) === 'ours' ? markedDraft(document) : undefined;
  const draft = name ? join(dirname(file), name) : undefined;
  if (draft && existsSync(draft)) return `${file} was written from ${shortPath(draft)}: fix them there with \`${invocation()} resume ${shortPath(draft)}\`, then render again.`;
  return `To fix them in the wizard: ${invocation()} import ${file}`;
}

/** `check FILE`: a draft, or a postmortem in Markdown or text, against the rubric and a reviewer. */
export async function checkCommand(file: string, flags: CheckFlags): Promise<number> {
  const written = !DRAFT_EXTENSIONS.has(extname(file).toLowerCase());
  let reviewed: Reviewed;
  try {
    reviewed = written ? await reviewWrittenFile(file) : await reviewDraftFile(file);
  } catch (error) {
    // A script asked for JSON: a file that cannot be checked is said in JSON too (and on stderr, as always).
    if (flags.json && (error instanceof DraftFileError || error instanceof TemplateError)) {
      const problems = error instanceof DraftFileError ? error.problems.map((p) => ({ message: p.message, ...(p.line !== undefined ? { line: p.line } : {}) })) : [{ message: error.message }];
      out(`${printableJson({ file, kind: written ? 'written' : 'draft', ok: false, unusable: true, problems })}\n`);
    }
    throw error;
  }
  const report = checkDraft(reviewed.draft, written ? { document: reviewed.document, stated: reviewed.stated } : { draftPath: file });
  const problems = [...reviewed.extra, ...report.findings].map((finding) => ({
    section: finding.section,
    message: finding.message,
    line: reviewed.lineOf(finding),
    ...(finding.quote ? { quote: finding.quote } : {}),
  }));

  const { toDetect, toResolve } = report.timing;
  const timing = [
    toDetect !== undefined ? `time to detect: ${toDetect < 1 ? 'at once' : formatMinutes(toDetect)}` : undefined,
    toResolve !== undefined ? `time to resolve: ${formatMinutes(toResolve)}` : undefined,
  ].filter(Boolean);
  if (flags.json) {
    const result = {
      file,
      kind: written ? 'written' : 'draft',
      ok: problems.length === 0,
      words: report.words,
      wordRange: WORD_RANGE,
      timing: { toDetectMinutes: toDetect, toResolveMinutes: toResolve },
      problems,
    };
    out(`${printableJson(result)}\n`);
  } else if (problems.length === 0) {
    out(`${file}: meets the rubric (${report.words} words).\n`);
    if (timing.length) out(`${timing.join(' · ')}\n`);
  } else {
    for (const problem of problems) {
      out(`${formatProblem(file, { line: problem.line, message: `${problem.section}: ${problem.message}` })}\n`);
    }
    out(`${problems.length} problem${problems.length === 1 ? '' : 's'} (${report.words} words${timing.length ? `; ${timing.join(', ')}` : ''}).\n`);
    if (written) out(`${fixHint(file, reviewed.document)}\n`);
  }
  return problems.length === 0 ? EXIT.ok : EXIT.problems;
}
