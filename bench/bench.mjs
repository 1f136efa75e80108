// `npm run bench`: how fast the built command feels, each figure a median over several runs,
// every ratio measured against its reference in the same run. Not part of `npm test`.
import { spawn } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.BENCH_BIN ? resolve(process.env.BENCH_BIN) : join(root, 'bin', 'postmortem-wizard.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const work = mkdtempSync(join(tmpdir(), 'pmw-bench-'));
const env = {
  ...process.env,
  HOME: join(work, 'home'),
  XDG_CACHE_HOME: join(work, 'cache'),
  POSTMORTEM_WIZARD_CONFIG_DIR: join(work, 'config'),
  GIT_CONFIG_NOSYSTEM: '1',
  TZ: 'UTC',
  TERM: 'xterm-256color',
};
delete env.CI;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Spawns a command in an 80×24 pty with a headless terminal reading its screen. */
function terminal(file, args, extraEnv = {}) {
  const term = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const pty = spawn(file, args, { cols: 80, rows: 24, cwd: work, env: { ...env, ...extraEnv }, name: 'xterm-256color' });
  const listeners = new Set();
  let raw = '';
  pty.onData((data) => {
    raw += data;
    term.write(data, () => {
      for (const listener of listeners) listener();
    });
  });
  const exited = new Promise((r) => pty.onExit(r));
  const screen = () => {
    const buffer = term.buffer.active;
    let text = '';
    for (let i = 0; i < 24; i++) text += `${buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? ''}\n`;
    return text;
  };
  /** Resolves with the time (performance.now) at which the screen first shows `text`. */
  const when = (text, timeout = 15000) =>
    new Promise((resolveWhen, reject) => {
      const check = () => {
        if (raw.includes(text) || screen().includes(text)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolveWhen(performance.now());
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen()}`));
      }, timeout);
      listeners.add(check);
      check();
    });
  return { pty, when, exited, screen };
}

async function timeToText(file, args, text, afterwards) {
  const started = performance.now();
  const t = terminal(file, args);
  const shown = await t.when(text);
  await afterwards?.(t);
  await t.exited;
  return shown - started;
}

function draftWith(entries) {
  const lines = [
    'version: 1', 'title: Benchmark outage', 'authors: [Bench]',
    'summary:', '  start: "2023-08-02 00:00"', '  end: "2023-08-09 00:00"', '  timezone: UTC',
    '  impact: Everything was slow.', '  usersAffectedPercent: 50', '  rootCause: A slow disk.',
    'detectedBy: monitoring', 'timeline:',
  ];
  const kinds = ['detection', 'action', 'misleading', 'escalation', 'resolution'];
  for (let i = 0; i < entries; i++) {
    const minutes = Math.floor((i * 10080) / entries);
    const day = 2 + Math.floor(minutes / 1440);
    const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    lines.push(`  - at: "2023-08-0${day} ${hh}:${mm}"`, `    kind: ${kinds[i % 5]}`, `    text: Step ${i} of the investigation, with a sentence of ordinary length.`);
  }
  return `${lines.join('\n')}\n`;
}

// BENCH_ROWS=2,4 runs only those rows.
const only = process.env.BENCH_ROWS?.split(',').map(Number);
const want = (n) => !only || only.includes(n);
const rows = [];
const row = (name, value, note = '') => {
  rows.push([name, value, note]);
  console.error(`  ${name}: ${value} ${note}`);
};

/**
 * Time to the first question of a command against a bare `node -e`, alternating, after two
 * warm-ups of each (the wizard's first run writes its code cache, as on a user's first run).
 * Each run is compared with the `node -e` run just before it, so a machine that slows down or
 * speeds up during the bench moves both sides of every ratio together.
 */
async function firstPromptRatio(args) {
  const node = [];
  const measured = [];
  for (let i = -2; i < RUNS; i++) {
    const n = await timeToText(process.execPath, ['-e', 'console.log("ready")'], 'ready');
    const m = await timeToText(process.execPath, args(i), 'Title of the postmortem', async (t) => {
      await pause(150);
      t.pty.write('\u0003');
    });
    if (i >= 0) {
      node.push(n);
      measured.push(m);
    }
  }
  const ratio = median(measured.map((m, i) => m / node[i]));
  return { ratio: `${ratio.toFixed(2)}×`, medians: `medians ${median(measured).toFixed(0)} ms vs ${median(node).toFixed(0)} ms` };
}

// 1. First prompt of `new` against a bare `node -e`.
if (want(1)) {
  const { ratio, medians } = await firstPromptRatio((i) => [bin, 'new', join(work, `first-${i}.yaml`)]);
  row('first prompt of `new` (pty) vs `node -e`', ratio, `(${medians}; median of ${RUNS} paired ratios)`);
}

// 2. Keystroke to screen in the timeline step with 500 entries open.
if (want(2)) {
  const path = join(work, 'large.yaml');
  writeFileSync(path, draftWith(500));
  const t = terminal(process.execPath, [bin, 'resume', path]);
  await t.when('What caused it, in detail?');
  for (const expected of ['Who was it escalated to', 'What did you suspect first', 'What happened, when?']) {
    t.pty.write('\u001b');
    await t.when(expected);
    await pause(150);
  }
  t.pty.write('a');
  await t.when('New entry');
  await pause(150);
  const latencies = [];
  let typed = '';
  for (let i = 0; i < 40; i++) {
    const char = '0123456789'[i % 10];
    typed += char;
    const started = performance.now();
    t.pty.write(char);
    const shown = await t.when(`› ${typed}`);
    latencies.push(shown - started);
    await pause(20);
  }
  t.pty.write('\u0003');
  await t.exited;
  row('keystroke to screen, timeline step, 500 entries', `${median(latencies).toFixed(1)} ms`, `(95th percentile ${percentile(latencies, 0.95).toFixed(1)} ms)`);
}

/** One file of bench/ bundled for Node into the work folder. */
const bundle = (entry, outfile, options) => build({ entryPoints: [join(root, 'bench', entry)], bundle: true, platform: 'node', outfile, logLevel: 'error', ...options });

// 3 and 4. In-process autosave and render, bundled from the sources.
const helper = join(work, 'in-process.cjs');
await bundle('in-process.ts', helper, {
  format: 'cjs',
  // Templates are found from the module's place, as in the real bundle.
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'dist', 'cli-bundle.js')).href) },
});
const inProcess = await import(helper);
if (want(3)) {
  const path = join(work, 'autosave.yaml');
  writeFileSync(path, draftWith(500));
  row('autosave of a 500-entry draft', `${(await inProcess.autosaveMs(path, 30)).toFixed(1)} ms`, '(atomic write, .bak, fsync)');
}
/** Runs the built command 5 times; the median wall time and peak memory (MB). */
function commandRuns(args, name) {
  const rssFile = join(work, `rss-${name}.txt`);
  const walls = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--require', join(root, 'bench', 'report-rss.cjs'), bin, ...args], {
      env: { ...env, BENCH_RSS_FILE: rssFile },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    walls.push(performance.now() - started);
  }
  const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
  return { ms: median(walls).toFixed(0), mb: (median(rss) / 1024).toFixed(0) };
}

if (want(4)) {
  const path = join(work, 'big.yaml');
  writeFileSync(path, draftWith(10_000));
  const { ms, mb } = commandRuns(['render', path, '-o', '-'], 'render');
  row('`render` of a 10,000-entry draft (whole command)', `${ms} ms`, `(rendering alone ${(await inProcess.renderMs(path, 5)).toFixed(0)} ms; peak memory ${mb} MB)`);
}

// 10. The same draft rendered as a person does: README.md written beside it, and the rubric's
// count said (`-o -` above prints the README only). Listed beside row 4.
if (want(10)) {
  const path = join(work, 'big-file.yaml');
  writeFileSync(path, draftWith(10_000));
  const { ms, mb } = commandRuns(['render', path, '--force'], 'render-file');
  row('`render` of a 10,000-entry draft to README.md, with the rubric (whole command)', `${ms} ms`, `(peak memory ${mb} MB)`);
}

// 5. Peak memory of the wizard with its first screen up.
if (want(5)) {
  const rssFile = join(work, 'rss-wizard.txt');
  for (let i = 0; i < 5; i++) {
    const t = terminal(process.execPath, ['--require', join(root, 'bench', 'report-rss.cjs'), bin, 'new', join(work, `mem-${i}.yaml`)], { BENCH_RSS_FILE: rssFile });
    await t.when('Title of the postmortem');
    await pause(300);
    t.pty.write('\u0003');
    await t.exited;
  }
  const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
  row('peak memory of the wizard on its first screen', `${(median(rss) / 1024).toFixed(0)} MB`, '(at exit, after Ctrl+C)');
}


// 6. For comparison: the same first question from @clack/prompts (installed, not bundled).
if (want(6)) {
  const { ratio, medians } = await firstPromptRatio(() => [join(root, 'bench', 'clack-prompt.mjs')]);
  row('for comparison: first prompt of @clack/prompts vs `node -e`', ratio, `(${medians})`);
}

// 7. A 200,000-character paste of mixed scripts (emoji, CJK, accents, zero-width spaces) into a
// one-line field: time until it is drawn, then until Ctrl+C has ended the program.
if (want(7)) {
  const parts = ['Payment service ', '😀 ', '障害が発生 ', 'cafe\u0301 ', 'zero\u200bwidth ', '👩‍👩‍👧 ', 'ملخص '];
  let pasted = '';
  for (let i = 0; pasted.length < 200_000; i++) pasted += parts[i % parts.length];
  pasted = `${pasted.slice(0, 200_000 - 12)} END-OF-PASTE`;
  const drawn = [];
  const quit = [];
  for (let i = 0; i < 5; i++) {
    const t = terminal(process.execPath, [bin, 'new', join(work, `paste-${i}.yaml`)]);
    await t.when('Title of the postmortem');
    await pause(150);
    const started = performance.now();
    t.pty.write(`\u001b[200~${pasted}\u001b[201~`);
    drawn.push((await t.when('END-OF-PASTE', 120_000)) - started);
    const asked = performance.now();
    t.pty.write('\u0003');
    await t.exited;
    quit.push(performance.now() - asked);
  }
  row('200,000-character mixed-script paste, one-line field', `${median(drawn).toFixed(0)} ms to draw`, `(Ctrl+C then ends it in ${median(quit).toFixed(0)} ms, saving; medians of 5)`);
}

// 8 and 9. The first question as a person sees it: the clock starts just before the spawn (in an
// 80×24 pty) and stops when the raw bytes from the pty first hold the question's text, with no
// terminal emulator in between, which adds its parsing to the measured side only. The wizard,
// `node -e` and @clack/prompts alternate, and each ratio is taken against the `node -e` run just
// before it.
/** Milliseconds from just before the spawn to the first chunk of raw output holding `text`. */
function rawTimeToText(file, args, text) {
  return new Promise((resolveTime, reject) => {
    const started = performance.now();
    const pty = spawn(file, args, { cols: 80, rows: 24, cwd: work, env, name: 'xterm-256color' });
    let raw = '';
    let shown;
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${JSON.stringify(text)}`)), 15000);
    pty.onData((data) => {
      raw += data;
      if (shown !== undefined || !raw.includes(text)) return;
      shown = performance.now() - started;
      // Quit as the other rows do, once the screen has settled.
      setTimeout(() => pty.write('\u0003'), 150);
    });
    pty.onExit(() => {
      clearTimeout(timer);
      if (shown === undefined) reject(new Error(`exited before writing ${JSON.stringify(text)}`));
      else resolveTime(shown);
    });
  });
}
// 11. Beside them, the floor under any ink app: ink's hello world, bundled by esbuild as a
// published ink CLI usually is (bench/ink-hello.jsx), run by plain `node`.
const inkHello = join(work, 'ink-hello.mjs');
if (want(11)) {
  await bundle('ink-hello.jsx', inkHello, {
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // ink loads React's devtools only when DEV is set; the bundle leaves it out, as ink's users do.
    alias: { 'react-devtools-core': join(root, 'bench', 'no-devtools.mjs') },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}
// 12. Peak memory so far (the kernel's high-water mark), 300 ms after the first screen, of the
// wizard and of ink's hello world: what any ink app costs beside what the wizard adds.
/** /proc's peak resident memory (kB) of a process started in a pty, `settle` ms after `text`. */
async function highWater(file, args, text, settle = 300) {
  const t = terminal(file, args);
  await t.when(text);
  await pause(settle);
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${t.pty.pid}/status`, 'utf8'))?.[1]);
  t.pty.write('\u0003');
  const quit = setTimeout(() => t.pty.kill(), 1000);
  await t.exited;
  clearTimeout(quit);
  return kb;
}
if (want(12)) {
  if (!want(11)) throw new Error('BENCH_ROWS: row 12 needs row 11 (it builds the hello world).');
  const wizard = [];
  const ink = [];
  for (let i = 0; i < 5; i++) {
    wizard.push(await highWater(process.execPath, [bin, 'new', join(work, `hwm-${i}.yaml`)], 'Title of the postmortem'));
    ink.push(await highWater(process.execPath, [inkHello], 'Title of the postmortem'));
  }
  const mb = (values) => `${(median(values) / 1024).toFixed(0)} MB`;
  row("peak memory 300 ms into the first screen: the wizard, and ink's hello world", `${mb(wizard)}; ${mb(ink)}`, '(medians of 5, /proc VmHWM)');
}

if (want(8) || want(9) || want(11)) {
  const times = { node: [], wizard: [], clack: [], ink: [] };
  for (let i = -2; i < RUNS; i++) {
    const node = await rawTimeToText(process.execPath, ['-e', 'console.log("ready")'], 'ready');
    const wizard = await rawTimeToText(process.execPath, [bin, 'new', join(work, `seen-${i}.yaml`)], 'Title of the postmortem');
    const clack = await rawTimeToText(process.execPath, [join(root, 'bench', 'clack-prompt.mjs')], 'Title of the postmortem');
    const ink = want(11) ? await rawTimeToText(process.execPath, [inkHello], 'Title of the postmortem') : 0;
    if (i < 0) continue;
    times.node.push(node);
    times.wizard.push(wizard);
    times.clack.push(clack);
    times.ink.push(ink);
  }
  const ratio = (name) => `${median(times[name].map((t, i) => t / times.node[i])).toFixed(2)}×`;
  const medians = (name) => `(medians ${median(times[name]).toFixed(0)} ms vs ${median(times.node).toFixed(0)} ms; median of ${RUNS} paired ratios)`;
  if (want(8)) row('first prompt of `new` as a person sees it (raw pty bytes, clock from spawn) vs `node -e`', ratio('wizard'), medians('wizard'));
  if (want(9)) row('for comparison: the same for @clack/prompts', ratio('clack'), medians('clack'));
  if (want(11)) row("for comparison: the same for ink's hello world (one line of text, bundled by esbuild)", ratio('ink'), medians('ink'));
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const node = process.version;
const lines = [
  `| measure (median of ${RUNS} runs for the first row, in one run) | result |`,
  '|---|---|',
  ...rows.map(([name, value, note]) => `| ${name} | ${value} ${note} |`),
];
console.log(`postmortem-wizard bench · ${new Date().toISOString().slice(0, 10)} · ${cpus().length}× ${cpu} · Node ${node}\n`);
console.log(lines.join('\n'));
rmSync(work, { recursive: true, force: true });
