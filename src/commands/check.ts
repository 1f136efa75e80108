import { checkDraft } from '../check/rubric.js';
import { WORD_RANGE } from '../render/words.js';
import { loadDraft } from '../store/draft-file.js';
import { formatProblem } from '../store/errors.js';
import { formatMinutes } from '../time/duration.js';
import { EXIT } from './exit-codes.js';

export interface CheckFlags {
  json?: boolean;
}

/** `check DRAFT`: the rubric as a linter. 0 clean, 1 problems found, 2 unusable input. */
export async function checkCommand(draftPath: string, flags: CheckFlags): Promise<number> {
  const loaded = await loadDraft(draftPath, 'read');
  const report = checkDraft(loaded.draft, { draftPath });
  const problems = report.findings.map((finding) => ({
    section: finding.section,
    message: finding.message,
    line: finding.path ? loaded.lineOf(finding.path) : undefined,
    ...(finding.quote ? { quote: finding.quote } : {}),
  }));

  const { toDetect, toResolve } = report.timing;
  const timing = [
    toDetect !== undefined ? `time to detect: ${toDetect < 1 ? 'at once' : formatMinutes(toDetect)}` : undefined,
    toResolve !== undefined ? `time to resolve: ${formatMinutes(toResolve)}` : undefined,
  ].filter(Boolean);
  if (flags.json) {
    const result = {
      file: draftPath,
      ok: problems.length === 0,
      words: report.words,
      wordRange: WORD_RANGE,
      timing: { toDetectMinutes: toDetect, toResolveMinutes: toResolve },
      problems,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (problems.length === 0) {
    process.stdout.write(`${draftPath}: meets the rubric (${report.words} words).\n`);
    if (timing.length) process.stdout.write(`${timing.join(' · ')}\n`);
  } else {
    for (const problem of problems) {
      process.stdout.write(`${formatProblem(draftPath, { line: problem.line, message: `${problem.section}: ${problem.message}` })}\n`);
    }
    process.stdout.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} (${report.words} words${timing.length ? `; ${timing.join(', ')}` : ''}).\n`);
  }
  return problems.length === 0 ? EXIT.ok : EXIT.problems;
}
