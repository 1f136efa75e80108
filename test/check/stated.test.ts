import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/check/rubric.js';
import { statedParts, type RubricPart } from '../../src/check/stated.js';
import { importPostmortem } from '../../src/import/import-postmortem.js';
import { SECTION_NAMES, type SectionKey } from '../../src/import/section-names.js';
import { runs } from '../support/property.js';

// Postmortems written by hand, generated: a summary, then sections in any order under any of the
// names people give them, headed in any of the ways people head them, each part there or not.
// The reading of what the document states must say "stated" for exactly the parts put in.

const synonyms = (key: SectionKey) => SECTION_NAMES.find((s) => s.key === key)!.names;
const titleCase = (name: string) => name.replace(/\b[a-z]/g, (c) => c.toUpperCase());

type Style = 'atx' | 'setext' | 'bold' | 'label';
function heading(name: string, style: Style): string {
  const shown = titleCase(name);
  switch (style) {
    case 'atx':
      return `## ${shown}`;
    case 'setext':
      return `${shown}\n${'-'.repeat(shown.length)}`;
    case 'bold':
      return `**${shown}:**`;
    default:
      return `${shown}:`;
  }
}

const Style = fc.constantFrom<Style>('atx', 'setext', 'bold', 'label');
const named = (key: SectionKey) => fc.record({ name: fc.constantFrom(...synonyms(key)), style: Style });

/** The parts a generated document may or may not state; the rest are fixed (a title, times). */
const CHECKED: RubricPart[] = ['zone', 'impact', 'rootCauseSummary', 'detectedHow', 'detection', 'action', 'resolution', 'rootCauseDetail', 'resolutionDetail', 'improvements', 'tasks'];

const documents = fc.record({
  summary: named('summary'),
  impact: fc.option(fc.record({ section: fc.option(named('impact'), { nil: undefined }) }), { nil: undefined }),
  causeInSummary: fc.boolean(),
  fixInSummary: fc.boolean(),
  investigation: fc.option(named('investigation'), { nil: undefined }),
  measuresListed: fc.boolean(),
  tasksUnderSubheading: fc.boolean(),
  zone: fc.constantFrom('UTC', 'PST', 'WAT', ''),
  timeline: fc.option(named('timeline'), { nil: undefined }),
  detection: fc.boolean(),
  action: fc.boolean(),
  resolution: fc.boolean(),
  rootCause: fc.option(named('rootCause'), { nil: undefined }),
  fix: fc.option(named('resolution'), { nil: undefined }),
  measures: fc.option(named('measures'), { nil: undefined }),
  tasks: fc.option(named('tasks'), { nil: undefined }),
  order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
});

type Generated = typeof documents extends fc.Arbitrary<infer T> ? T : never;

/** The document, and the parts it states. */
function write(doc: Generated): { text: string; stated: Set<RubricPart> } {
  const stated = new Set<RubricPart>();
  const at = (time: string) => (doc.zone ? `${time} ${doc.zone}` : time);
  const summary = [heading(doc.summary.name, doc.summary.style), '', 'This report covers the events of that day.'];
  if (doc.impact && !doc.impact.section) summary.push('Customers could not open the checkout page for an hour.');
  if (doc.causeInSummary) summary.push('The root cause was an expired certificate on the proxy.');
  if (doc.fixInSummary) summary.push('It was fixed by renewing the certificate.');
  const later: { key: string; lines: string[] }[] = [];
  if (doc.impact?.section) later.push({ key: 'impact', lines: [heading(doc.impact.section.name, doc.impact.section.style), '', 'Customers could not open the checkout page for an hour.'] });
  const entries = [
    doc.detection ? `- ${at('14:05')}: An alert fired for the checkout page.` : '',
    doc.action ? `- ${at('14:10')}: The team checked the proxy logs.` : '',
    doc.resolution ? `- ${at('14:50')}: The service was restored.` : '',
  ].filter(Boolean);
  const timeline = doc.timeline ? { key: 'timeline', lines: [heading(doc.timeline.name, doc.timeline.style), '', ...(entries.length ? entries : ['The day was otherwise quiet.'])] } : undefined;
  const sections = [
    timeline,
    doc.rootCause && { key: 'rootCause', lines: [heading(doc.rootCause.name, doc.rootCause.style), '', 'An expired certificate on the proxy.'] },
    doc.fix && { key: 'fix', lines: [heading(doc.fix.name, doc.fix.style), '', 'We rolled back the release and renewed the certificate.'] },
    doc.investigation && { key: 'investigation', lines: [heading(doc.investigation.name, doc.investigation.style), '', 'We looked at the proxy logs one by one.'] },
    doc.measures && {
      key: 'measures',
      lines: [heading(doc.measures.name, doc.measures.style), '', ...(doc.measuresListed ? ['- Widen the review of configuration changes.'] : ['We will widen the review of configuration changes.'])],
    },
    doc.tasks && {
      key: 'tasks',
      // Under a sub-heading of no known name ("### Certificates"), as action items often are.
      lines: [heading(doc.tasks.name, 'atx'), '', ...(doc.tasksUnderSubheading ? ['### Certificates', ''] : []), '- Add a check for certificate expiry.', '- Renew certificates automatically.'],
    },
  ];
  // In any order, the impact's own section first after the summary when it has one.
  const shuffled = sections.map((s, i) => ({ s, k: doc.order[i]! })).sort((a, b) => a.k - b.k).map((x) => x.s).filter((s): s is { key: string; lines: string[] } => !!s);
  later.push(...shuffled);

  // What it states, by the conventions of test/fixtures/corpus/README.md.
  if (doc.zone && doc.timeline && entries.length) stated.add('zone');
  if (doc.impact) stated.add('impact');
  const firstAfterSummary = later.findIndex((s) => s.key !== 'impact' && s.key !== 'rootCause');
  const causeUpfront = later.findIndex((s) => s.key === 'rootCause');
  if (doc.causeInSummary || (causeUpfront !== -1 && (firstAfterSummary === -1 || causeUpfront < firstAfterSummary))) stated.add('rootCauseSummary');
  if (doc.timeline && doc.detection) stated.add('detection').add('detectedHow');
  if ((doc.timeline && doc.action) || doc.investigation) stated.add('action');
  if ((doc.timeline && doc.resolution) || doc.fix || doc.fixInSummary) stated.add('resolution');
  if (doc.rootCause) stated.add('rootCauseDetail');
  if (doc.fix || doc.fixInSummary) stated.add('resolutionDetail');
  if (doc.measures || doc.tasks) stated.add('improvements');
  if (doc.tasks || (doc.measures && doc.measuresListed)) stated.add('tasks');
  const text = ['# Checkout outage', '', ...summary, '', ...later.flatMap((s) => [...s.lines, ''])].join('\n');
  return { text, stated };
}

describe('what a written postmortem states', () => {
  it('is stated for exactly the parts the document has, whatever their names, order and heading style', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const { text, stated } = write(doc);
        const read = statedParts(importPostmortem(text));
        const got = CHECKED.filter((part) => read.has(part));
        expect(got, text).toEqual(CHECKED.filter((part) => stated.has(part)));
      }),
      { numRuns: runs(150) },
    );
  }, 600_000);

  it('makes check report missing only what the document does not state, for a written file', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const { text, stated } = write(doc);
        const result = importPostmortem(text);
        const findings = checkDraft(result.draft, { document: text, stated: statedParts(result) }).findings;
        const missing = findings.map((f) => f.message);
        // Nothing in the document stands where a part is missing: no place in it is named.
        expect(findings.filter((f) => / is missing: /.test(f.message)).every((f) => f.path === undefined)).toBe(true);
        expect(missing.some((m) => m.startsWith('impact is missing')), text).toBe(!stated.has('impact'));
        expect(missing.some((m) => m.startsWith('tasks is missing')), text).toBe(!stated.has('tasks'));
        expect(missing.some((m) => m.startsWith('root cause in detail is missing')), text).toBe(!stated.has('rootCauseDetail'));
      }),
      { numRuns: runs(60) },
    );
  }, 600_000);

  it('keeps a draft file checked by its fields alone', () => {
    // A draft with no impact field is missing its impact, whatever a document would say.
    const findings = checkDraft({ version: 1, title: 'Checkout outage', notes: 'Impact: customers could not pay.' }).findings.map((f) => f.message);
    expect(findings.some((m) => m.startsWith('impact is missing'))).toBe(true);
  });
});

describe('a README this tool wrote, some answers not given', () => {
  it('states nothing where it shows "(… not written yet)": check on it finds missing what check on the draft does', async () => {
    const { renderMarkdown } = await import('../../src/render/render.js');
    const { loadTemplate } = await import('../../src/render/templates.js');
    const { loadDraft } = await import('../../src/store/draft-file.js');
    const { fixture } = await import('../support/temp.js');
    const { draft: full } = await loadDraft(fixture('seed-000-payment.yaml'));
    // Every subset of the parts an author may leave out.
    const leaveOut = fc.subarray(['impact', 'rootCause', 'resolution', 'tasks', 'measures', 'summaryRootCause', 'timezone'] as const);
    const missingOf = (messages: string[]) => messages.filter((m) => / is missing/.test(m)).map((m) => m.split(' is missing')[0]).sort();
    fc.assert(
      fc.property(leaveOut, fc.constantFrom('alx', 'sre'), (out, template) => {
        const draft = structuredClone(full);
        if (out.includes('impact')) delete draft.summary!.impact;
        if (out.includes('summaryRootCause')) delete draft.summary!.rootCause;
        if (out.includes('rootCause')) delete draft.rootCause;
        if (out.includes('resolution')) delete draft.resolution;
        if (out.includes('tasks')) delete draft.tasks;
        if (out.includes('measures')) delete draft.measures;
        if (out.includes('timezone')) delete draft.summary!.timezone;
        const text = renderMarkdown(draft, { template: loadTemplate(template) });
        const result = importPostmortem(text);
        const onReadme = checkDraft(result.draft, { document: text, stated: statedParts(result) }).findings.map((f) => f.message);
        const onDraft = checkDraft(draft).findings.map((f) => f.message);
        expect(missingOf(onReadme), `${template} without ${out.join(', ')}`).toEqual(missingOf(onDraft));
        // No timezone given, none is claimed for the times.
        if (out.includes('timezone')) expect(text).not.toMatch(/\bUTC\b/);
      }),
      { numRuns: runs(40) },
    );
  }, 120_000);
});
