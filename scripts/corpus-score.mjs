// The corpus score: how many of the facts a careful reader wrote down per document
// (test/fixtures/corpus/*.facts.yaml) the built `import` and `check` get right.
// Shared by `npm run eval:import` (scripts/eval-import.mjs) and test/import/corpus-score.test.ts.
// Plain Node (no TypeScript, no dependency beyond `yaml`), so it runs against the built CLI only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
export const BIN = join(ROOT, 'bin', 'postmortem-wizard.cjs');

/** Kinds of contradiction a facts file may list, and the words by which `check` reports each. */
export const CONTRADICTION_KINDS = {
  'two-zones': [/time ?zones?\b.*\b(one|single|mix|two|different)|times are in|in two (time)?zones|give every time in one/i],
  'entry-outside-window': [/\b(is|are|comes?) (before|after) the (start|end)\b|outside (the|its) (window|incident|outage)/i],
  'entries-out-of-order': [/out of (time )?order|not in (time )?order|earlier than the (entry|one) (before|above)|before the (entry|one) (before|above)/i],
  'share-stated-twice': [/share of users.*(disagree|differ|contradict)|(disagree|differ|contradict).*share of users|users affected.*(twice|two different)/i],
  'impact-stated-twice': [/impact.*(disagree|differ|contradict|twice|two different)|(disagree|differ|contradict).*\bimpact\b/i],
  'length-contradicts-window': [/says .*\b(minutes?|hours?|mins?)\b.*, but .* is /i, /(length|duration|lasted).*(contradict|disagree|but the window)/i],
};

// ---------------------------------------------------------------- zones

/** Names that denote the same zone (or the same fixed offset). Two names match when one set holds both. */
const ZONE_SETS = [
  ['UTC', 'GMT', 'Z', 'ZULU', 'UNIVERSAL', 'ETC/UTC', 'ETC/GMT', 'ETC/UNIVERSAL', '+00:00'],
  ['GMT', 'EUROPE/LONDON'],
  ['BST', 'EUROPE/LONDON'],
  ['PST', 'PDT', 'PT', 'PACIFIC', 'PACIFIC TIME', 'PACIFIC STANDARD TIME', 'AMERICA/LOS_ANGELES', 'US/PACIFIC'],
  ['EST', 'EDT', 'ET', 'EASTERN', 'EASTERN TIME', 'AMERICA/NEW_YORK', 'US/EASTERN'],
  ['CST', 'CDT', 'CT', 'CENTRAL', 'CENTRAL TIME', 'AMERICA/CHICAGO', 'US/CENTRAL'],
  ['MST', 'MDT', 'MT', 'MOUNTAIN', 'AMERICA/DENVER', 'AMERICA/PHOENIX', 'US/MOUNTAIN'],
  ['CET', 'CEST', 'CENTRAL EUROPEAN TIME', 'EUROPE/BERLIN', 'EUROPE/PARIS', 'EUROPE/AMSTERDAM', 'EUROPE/BRUSSELS', 'EUROPE/MADRID', 'EUROPE/ROME', 'EUROPE/VIENNA', 'EUROPE/ZURICH', '+01:00'],
  ['WAT', 'WEST AFRICA TIME', 'AFRICA/LAGOS', '+01:00'],
  ['+01:00', 'AFRICA/CASABLANCA', 'AFRICA/ALGIERS', 'AFRICA/TUNIS'],
  ['CAT', 'CENTRAL AFRICA TIME', 'AFRICA/MAPUTO', 'AFRICA/HARARE', 'AFRICA/KIGALI', 'AFRICA/LUSAKA', 'AFRICA/BLANTYRE', 'AFRICA/GABORONE', '+02:00'],
  ['SAST', 'AFRICA/JOHANNESBURG', '+02:00'],
  ['EAT', 'EAST AFRICA TIME', 'EASTERN AFRICAN TIME', 'AFRICA/NAIROBI', 'AFRICA/ADDIS_ABABA', 'AFRICA/DAR_ES_SALAAM', 'AFRICA/KAMPALA', '+03:00'],
  ['IST', 'ASIA/KOLKATA', 'ASIA/CALCUTTA', '+05:30'],
  ['JST', 'ASIA/TOKYO', '+09:00'],
  ['AEST', 'AEDT', 'AUSTRALIA/SYDNEY', 'AUSTRALIA/MELBOURNE'],
];

/** "GMT + 1", "(UTC+03:00)", "utc" → "+01:00", "+03:00", "UTC". */
export function zoneKey(name) {
  let s = String(name).trim().replace(/^\(|\)$/g, '').replace(/\s*([+-])\s*/g, '$1').replace(/\s+/g, ' ').toUpperCase();
  const offset = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(s);
  if (offset) {
    const [, sign, h, m] = offset;
    s = `${sign}${h.padStart(2, '0')}:${m ?? '00'}`;
    if (s === '-00:00') s = '+00:00';
  }
  return s;
}

export function sameZone(expected, actual) {
  if (actual == null || actual === '') return false;
  const a = zoneKey(expected);
  const b = zoneKey(actual);
  return a === b || ZONE_SETS.some((set) => set.includes(a) && set.includes(b));
}

// ---------------------------------------------------------------- single facts

const normTitle = (s) => String(s).toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function sameMinute(expected, actual) {
  if (actual == null || actual === '') return false;
  const got = String(actual).trim();
  if (/^\d{1,2}:\d{2}$/.test(expected)) {
    const time = /(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(got);
    return !!time && `${time[1].padStart(2, '0')}:${time[2]}` === expected.padStart(5, '0');
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})/.exec(got);
  return !!m && `${m[1]}-${m[2]}-${m[3]} ${m[4].padStart(2, '0')}:${m[5]}` === expected;
}

const hasTime = (at) => typeof at === 'string' && /\d{1,2}:\d{2}/.test(at);

/** The kinds of contradiction `check --json` reported, from its problems' section and message. */
export function reportedKinds(check) {
  const kinds = new Set();
  for (const problem of check?.problems ?? []) {
    const text = `${problem.section ?? ''}: ${problem.message ?? ''}`;
    for (const [kind, patterns] of Object.entries(CONTRADICTION_KINDS)) {
      if (patterns.some((p) => p.test(text))) kinds.add(kind);
    }
  }
  return kinds;
}

/**
 * Scores one document: `facts` from its facts file, `draft` the parsed YAML `import` wrote (null if it
 * failed), `check` the parsed `check --json` (null if it failed). One point per fact, one per expected
 * contradiction (or one for "none of the kinds reported" when none is expected).
 */
export function scoreFacts(facts, draft, check) {
  const results = [];
  const add = (fact, ok, expected, got) => results.push({ fact, ok: !!ok, expected, got });
  const d = draft ?? {};
  const summary = d.summary ?? {};
  const timeline = Array.isArray(d.timeline) ? d.timeline : [];

  const title = d.title ?? null;
  if (facts.title == null) add('title', draft && (title == null || String(title).trim() === ''), null, title);
  else add('title', draft && title != null && (normTitle(title) === normTitle(facts.title) || normTitle(title).includes(normTitle(facts.title))), facts.title, title);

  for (const key of ['start', 'end']) {
    const got = summary[key] ?? null;
    add(key, draft && (facts[key] == null ? got == null || got === '' : sameMinute(facts[key], got)), facts[key], got);
  }
  const zone = summary.timezone ?? null;
  add('zone', draft && (facts.zone == null ? zone == null || zone === '' : sameZone(facts.zone, zone)), facts.zone, zone);

  const share = summary.usersAffectedPercent ?? null;
  add('usersAffectedPercent', draft && (facts.usersAffectedPercent == null ? share == null : Number(share) === facts.usersAffectedPercent), facts.usersAffectedPercent, share);

  const timed = timeline.filter((entry) => hasTime(entry?.at)).length;
  const want = facts.timedEntries;
  add('timedEntries', draft && (want > 10 ? Math.abs(timed - want) <= want * 0.1 : timed === want), want, timed);

  for (const kind of ['misleading', 'escalation']) {
    const found = timeline.some((entry) => entry?.kind === kind);
    add(kind, draft && found === !!facts[kind], !!facts[kind], found);
  }

  const kinds = check ? reportedKinds(check) : new Set();
  const expected = facts.contradictions ?? [];
  if (expected.length === 0) {
    add('contradictions', check && kinds.size === 0, [], [...kinds]);
  } else {
    for (const kind of expected) add(`contradiction:${kind}`, check && kinds.has(kind), kind, [...kinds]);
  }
  return results;
}

// ---------------------------------------------------------------- dropped lines

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', emsp: ' ', ensp: ' ', thinsp: ' ', mdash: '—', ndash: '–', hellip: '…' };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });

/** A line (or a draft string) as words: markup, tags and entities out, lower case. */
const HTML_TAG = /<!--[\s\S]*?-->|<\/?(?:h[1-6]|p|br|hr|ul|ol|li|dl|dt|dd|strong|b|em|i|u|s|del|ins|code|pre|kbd|mark|small|sup|sub|span|div|img|a|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|details|summary|iframe|font|center|section|article|header|footer|nav|figure|figcaption|picture|source|video|audio|label|input)\b[^<>]*\/?>/gi;

export function lineWords(text) {
  const plain = decode(String(text).replace(HTML_TAG, ' ')).replace(/:[a-z0-9_+-]+:/g, ' ');
  return plain.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME_AND_DATE = [
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH}\\b\\.?,?(?:\\s+\\d{4})?`, 'gi'),
  new RegExp(`\\b${MONTH}\\b\\.?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?(?!\\d))?,?(?:\\s*\\d{4})?`, 'gi'),
  /\b\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b\d{1,2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?(?!\d)|\.\d{2}(?![\w.]))\s*-?\s*(?:[ap]\.?\s?m\b\.?)?/gi,
  /\b\d{3,4}\s*hrs\b/gi,
  /\b\d{1,2}\s*[ap]\.?m\b\.?/gi,
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
  /\b(?:utc|gmt|z|pst|pdt|pt|est|edt|et|cst|cdt|ct|mst|mdt|cet|cest|wat|cat|eat|sast|ist|jst|bst|aest|aedt)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?/gi,
];
/** What the import turns into structure: list markers, a leading "Label:", times, dates and zones. */
function contentOfLine(line) {
  let s = line.replace(/^\s*(?:>\s*)*(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s*)?/, '');
  const label = /^(?:\*\*|__)?([^:*_]{1,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s+|$)/.exec(s.replace(HTML_TAG, ''));
  if (label && label[1].trim().split(/\s+/).length <= 4 && !/\d/.test(label[1])) s = s.replace(HTML_TAG, '').slice(label[0].length);
  return stripTimes(s);
}

function stripTimes(text) {
  let s = text;
  for (const pattern of TIME_AND_DATE) s = s.replace(pattern, ' ');
  return s;
}

/** A heading, a bare label ("Timeline:"), a rule, a fence or a table divider: structure, not content. */
function isStructure(line) {
  const t = line.trim();
  if (/^<h[1-6]\b[^>]*>.*<\/h[1-6]>\s*$/i.test(t)) return true;
  if (/^(#{1,6}|={3,}$|-{3,}$|\*{3,}$|_{3,}$|```|~~~|\|?\s*:?-{3,})/.test(t)) return true;
  const bare = t.replace(HTML_TAG, '').replace(/[*_`#>]/g, '').replace(/^[-+*•]\s+/, '').trim();
  if (bare === '') return true;
  return /[:;]\s*$/.test(bare) && bare.split(/\s+/).length <= 6;
}

function stringsOf(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsOf(v, out));
  return out;
}

/**
 * The document's lines whose words are not all in the draft (its fields or `notes:`). Whole lines are
 * checked, every word, after what the import legitimately turns into structure is taken out: Markdown
 * and HTML markup, list markers, a leading "Label:", times, dates and zone names (they become `at`,
 * `start`, `end`, `timezone`). Headings and bare labels are structure and skipped. A word counts as kept
 * only when the whole line is found, its words in order, inside one string of the draft (a field, an
 * entry, a task or `notes:`): what was moved is kept, what was cut short or lost is reported.
 */
export function droppedLines(source, draft) {
  // Every string of the draft as a run of words (times and dates out, as in the source lines), with a
  // separator no word contains, so a line must be found inside one string, in order, whole.
  const haystack = ` | ${stringsOf(draft ?? {}).map((text) => lineWords(stripTimes(text)).join(' ')).join(' | ')} | `;
  const dropped = [];
  let inFrontMatter = false;
  source.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index === 0 && line.trim() === '---') inFrontMatter = true;
    else if (inFrontMatter && line.trim() === '---') { inFrontMatter = false; return; }
    if (inFrontMatter || line.trim() === '' || isStructure(line)) return;
    const words = lineWords(contentOfLine(line));
    if (words.length === 0 || haystack.includes(` ${words.join(' ')} `)) return;
    const bag = new Set(haystack.split(' '));
    dropped.push({ line: index + 1, text: line, missing: words.filter((word) => !bag.has(word)) });
  });
  return dropped;
}

// ---------------------------------------------------------------- missing findings

/**
 * The parts `check` reports missing, by the words of its finding ("impact is missing: …",
 * "no detection entry: …"); `states` in a facts file says which the document does state.
 */
export const MISSING_PARTS = {
  title: /^title is missing\b/,
  zone: /^timezone is missing\b/,
  start: /^start time is missing\b/,
  end: /^end time is missing\b/,
  impact: /^impact is missing\b/,
  usersAffectedPercent: /^share of users affected is missing\b/,
  rootCauseSummary: /^one-sentence root cause is missing\b/,
  detectedHow: /^how it was detected is missing\b/,
  detection: /^no detection entry\b/,
  action: /^no action entry\b/,
  resolution: /^no resolution entry\b/,
  misleading: /^no misleading path entry\b/,
  escalation: /^no escalation entry\b/,
  rootCauseDetail: /^root cause in detail is missing\b/,
  resolutionDetail: /^resolution in detail is missing\b/,
  improvements: /^broad improvements is missing\b/,
  tasks: /^tasks is missing\b/,
};

/** The parts `check --json` reported missing. */
export function reportedMissing(check) {
  const parts = new Set();
  for (const problem of check?.problems ?? []) {
    for (const [part, pattern] of Object.entries(MISSING_PARTS)) if (pattern.test(String(problem.message ?? ''))) parts.add(part);
  }
  return parts;
}

/**
 * For each part, whether `check` was right: it reports the part missing exactly when the document
 * does not state it (`states`, with `misleading` and `escalation` from `facts`). A document whose
 * check failed reports nothing. Each result: `part`, `stated`, `reported` (said missing), `ok`.
 */
export function scoreMissing(meta, check) {
  const states = meta.states;
  if (!states) return [];
  const reported = reportedMissing(check);
  return Object.keys(MISSING_PARTS).map((part) => {
    const stated = part === 'misleading' || part === 'escalation' ? !!meta.facts?.[part] : !!states[part];
    const said = reported.has(part);
    return { part, stated, reported: said, ok: said === !stated };
  });
}

/** Precision, recall and the count of false "missing" over every document's results. */
export function missingTotals(results) {
  const all = results.flat();
  const reported = all.filter((r) => r.reported);
  const truly = all.filter((r) => !r.stated);
  const right = reported.filter((r) => !r.stated);
  return {
    reported: reported.length,
    trulyMissing: truly.length,
    falseMissing: reported.length - right.length,
    missedMissing: truly.length - right.length,
    precision: reported.length ? right.length / reported.length : 1,
    recall: truly.length ? right.length / truly.length : 1,
  };
}

// ---------------------------------------------------------------- running the CLI

export function listCorpus(dir = CORPUS) {
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.facts.yaml') && !name.startsWith('README'))
    .sort()
    .map((name) => {
      const factsFile = join(dir, `${name.replace(/\.[^.]+$/, '')}.facts.yaml`);
      if (!existsSync(factsFile)) throw new Error(`${name} has no facts file`);
      return { name, path: join(dir, name), meta: YAML.parse(readFileSync(factsFile, 'utf8')) };
    });
}

const CLI_ENV = { NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' };

function run(bin, args, cwd) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...CLI_ENV },
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

/**
 * Runs the commands ({ args, cwd }) through the built bundle in one process (scripts/cli-batch.cjs):
 * one start instead of one per command. Any the batch did not finish (one took the process down)
 * run on their own through `bin`, so a crash still shows as that command's exit.
 */
function runAll(bin, commands) {
  const bundle = join(dirname(bin), '..', 'dist', 'cli-bundle.js');
  const batch = spawnSync(process.execPath, [join(ROOT, 'scripts', 'cli-batch.cjs'), bundle], {
    input: JSON.stringify(commands),
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...CLI_ENV },
  });
  const done = (batch.stdout ?? '').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return commands.map((command, i) => done[i] ?? run(bin, command.args, command.cwd));
}

/** Scores one document from what `import` (its draft at `out`) and `check --json` did. */
function scoreDocument(doc, out, imported, checked) {
  let draft = null;
  if (imported.status === 0 && existsSync(out)) {
    try { draft = YAML.parse(readFileSync(out, 'utf8')); } catch { draft = null; }
  }
  let check = null;
  try { check = JSON.parse(checked.stdout); } catch { check = null; }
  const results = scoreFacts(doc.meta.facts, draft, check);
  const missing = scoreMissing(doc.meta, check);
  const source = readFileSync(doc.path, 'utf8');
  return {
    name: doc.name,
    style: doc.meta.style,
    importExit: imported.status,
    checkExit: checked.status,
    importError: imported.status === 0 ? '' : (imported.stderr || imported.stdout).trim().split('\n')[0] ?? '',
    right: results.filter((r) => r.ok).length,
    total: results.length,
    failed: results.filter((r) => !r.ok),
    missing,
    dropped: draft ? droppedLines(source, draft) : null,
    lines: source.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').length,
  };
}

/** Runs `import` and `check --json` on each document, each in its own temp folder, and scores them. */
export function evaluateDocuments(docs, { bin = BIN } = {}) {
  const runs = docs.map((doc) => {
    const dir = mkdtempSync(join(tmpdir(), 'pmw-corpus-'));
    return { doc, dir, out: join(dir, `${basename(doc.name).replace(/\.[^.]+$/, '')}.yaml`) };
  });
  try {
    const results = runAll(bin, runs.flatMap(({ doc, dir, out }) => [
      { args: ['import', doc.path, '-o', out], cwd: dir },
      { args: ['check', doc.path, '--json'], cwd: dir },
    ]));
    return runs.map(({ doc, out }, i) => scoreDocument(doc, out, results[2 * i], results[2 * i + 1]));
  } finally {
    for (const { dir } of runs) rmSync(dir, { recursive: true, force: true });
  }
}

export function evaluateCorpus({ bin = BIN, dir = CORPUS, only } = {}) {
  const docs = listCorpus(dir).filter((doc) => !only || only.some((o) => doc.name.includes(o)));
  const results = evaluateDocuments(docs, { bin });
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  const share = (list) => (sum(list, 'total') ? sum(list, 'right') / sum(list, 'total') : 0);
  const styles = [...new Set(results.map((r) => r.style))].sort();
  return {
    documents: results,
    overall: share(results),
    right: sum(results, 'right'),
    total: sum(results, 'total'),
    byStyle: Object.fromEntries(styles.map((s) => [s, share(results.filter((r) => r.style === s))])),
    droppedLines: results.reduce((n, r) => n + (r.dropped ? r.dropped.length : r.lines), 0),
    totalLines: sum(results, 'lines'),
    missing: missingTotals(results.map((r) => r.missing)),
  };
}

/**
 * The bars recorded in README.md: "overall score: **41.3%**", "dropped lines: **N**", "false
 * 'missing' findings: **N**" and "'missing' recall: **N%**".
 */
export function recordedBars(readme) {
  const bar = (pattern) => {
    const m = new RegExp(`Import accuracy[\\s\\S]*?${pattern}:?\\s*\\**\\s*([\\d.]+)`, 'i').exec(readme);
    return m ? Number(m[1]) : null;
  };
  return {
    score: bar('overall score'),
    dropped: bar('dropped lines'),
    falseMissing: bar("false 'missing' findings"),
    missingRecall: bar("'missing' recall"),
  };
}
