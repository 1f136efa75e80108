#!/usr/bin/env node
// npm run eval:import [-- --json] [-- NAME…]: scores the BUILT CLI (`npm run build` first) on the
// corpus in test/fixtures/corpus: per document the facts `import` and `check` get right, then overall;
// then whether `check` reports missing exactly the parts the document does not state.
import { evaluateCorpus } from './corpus-score.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
const result = evaluateCorpus({ only: only.length ? only : undefined });
const pct = (x) => `${(x * 100).toFixed(1)}%`;

if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const width = Math.max(...result.documents.map((d) => d.name.length));
  const rows = [`${'document'.padEnd(width)}  style     right  score  dropped  failed facts`];
  for (const d of result.documents) {
    const failed = d.failed.map((f) => f.fact).join(', ');
    const exits = d.importExit === 0 && [0, 1].includes(d.checkExit) ? '' : ` [import exit ${d.importExit}, check exit ${d.checkExit}]`;
    rows.push(
      `${d.name.padEnd(width)}  ${String(d.style).padEnd(8)}  ${`${d.right}/${d.total}`.padStart(5)}  ${pct(d.right / d.total).padStart(6)}  ${String(d.dropped ? d.dropped.length : 'all').padStart(7)}  ${failed}${exits}`,
    );
  }
  rows.push('');
  rows.push(`overall: ${result.right}/${result.total} = ${pct(result.overall)}  (${Object.entries(result.byStyle).map(([s, v]) => `${s} ${pct(v)}`).join(', ')})`);
  const below = result.documents.filter((d) => d.right / d.total < 0.6);
  rows.push(`documents below 60%: ${below.length}${below.length ? ` (${below.map((d) => d.name).join(', ')})` : ''}`);
  rows.push(`dropped lines: ${result.droppedLines} of ${result.totalLines} non-empty lines`);
  // The second measure: is a part reported missing exactly when the document does not state it?
  rows.push('');
  rows.push('"missing" findings (reported missing iff the document does not state it; states: in the facts files)');
  for (const d of result.documents) {
    const wrong = d.missing.filter((m) => !m.ok);
    if (wrong.length) rows.push(`${d.name.padEnd(width)}  ${wrong.map((m) => (m.reported ? `false missing: ${m.part}` : `not reported: ${m.part}`)).join(', ')}`);
  }
  const m = result.missing;
  rows.push(`"missing" reported: ${m.reported}, truly missing: ${m.trulyMissing}; precision ${pct(m.precision)}, recall ${pct(m.recall)}; false "missing": ${m.falseMissing}, truly missing not reported: ${m.missedMissing}`);
  process.stdout.write(`${rows.join('\n')}\n`);
}
