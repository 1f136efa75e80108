import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { isolatedEnv, KEYS, TerminalSession, terminalsClosedAfterEach } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { KIND_ORDER, SEED_000 } from './seed-000-script.js';

const { sessions } = terminalsClosedAfterEach();

/**
 * Starts the built command in a terminal, closed after the test. A test that runs concurrently
 * passes its own `onTestFinished`: the shared afterEach would close the other test's terminals.
 */
function start(args: string[], cwd: string, env: Record<string, string>, onTestFinished?: (close: () => void) => void): TerminalSession {
  const session = new TerminalSession(args, { cwd, env });
  if (onTestFinished) onTestFinished(() => session.kill());
  else sessions.push(session);
  return session;
}

async function basicsAndSummary(t: TerminalSession): Promise<void> {
  await t.waitFor('Title of the postmortem');
  await t.answer(SEED_000.title, 'Author(s)');
  await t.answer(SEED_000.authors, 'Timezone the times are written in');
  await t.waitFor('› UTC');
  await t.answer('', 'When did it start?');
  await t.answer(SEED_000.start, 'When was it over?');
  await t.type(SEED_000.end);
  await t.waitFor('lasted 1 hour 45 minutes');
  await t.press(KEYS.enter);
  await t.waitFor('Impact:');
  await t.answer(SEED_000.impact, 'What % of users were affected?');
  await t.answer(SEED_000.percent, 'The root cause, in one or two sentences');
  await t.answer(SEED_000.summaryRootCause, 'How was it detected?');
}

async function timelineAndRest(t: TerminalSession): Promise<void> {
  await t.press(KEYS.enter);
  await t.waitFor('What happened, when?');
  let haveDetection = false;
  for (const [time, kind, text] of SEED_000.timeline) {
    await t.waitFor('When? (14:30');
    await t.answer(time, 'What kind of moment was it?');
    const offset = KIND_ORDER.indexOf(kind) - KIND_ORDER.indexOf(haveDetection ? 'action' : 'detection');
    for (let i = 0; i < Math.abs(offset); i++) await t.press(offset > 0 ? KEYS.down : KEYS.up);
    await t.answer('', 'What happened?');
    await t.answer(text, 'Added.');
    haveDetection ||= kind === 'detection';
  }
  await t.press(KEYS.esc);
  await t.waitFor('✓ detection  ✓ action  ✓ misleading path  ✓ escalation  ✓ resolution');
  await t.press(KEYS.tab);
  await t.waitFor('What did you suspect first that turned out wrong?');
  await t.press(KEYS.tab);
  await t.waitFor('Who was it escalated to, and when?');
  await t.press(KEYS.tab);
  await t.waitFor('What caused it, in detail?');
  for (const [i, paragraph] of SEED_000.rootCause.entries()) {
    if (i > 0) await t.press(KEYS.ctrlJ, KEYS.ctrlJ);
    await t.type(paragraph);
  }
  await t.press(KEYS.enter);
  await t.waitFor('How was it fixed, in detail?');
  await t.answer(SEED_000.resolution.join(''), 'What can be improved, broadly?');
  for (const measure of SEED_000.measures) await t.answer(measure, 'Added.');
  await t.press(KEYS.esc);
  await t.press(KEYS.tab);
  await t.waitFor('Specific tasks, each starting with a verb');
  for (const [text, owner, due] of SEED_000.tasks) {
    await t.answer(text, 'Owner (optional');
    await t.answer(owner, 'Due date (optional');
    await t.answer(due, 'Added.');
  }
  await t.press(KEYS.esc);
  await t.press(KEYS.tab);
  await t.waitFor('Which layout should the README have?');
  await t.press(KEYS.enter);
  await t.waitFor('What triggered it?');
  await t.answer('', 'A line of humour (optional)');
  await t.answer('', 'what went well?');
  for (let i = 0; i < 3; i++) {
    await t.press(KEYS.esc);
    await t.press(KEYS.tab);
  }
  await t.waitFor('Add a timeline diagram?');
  await t.press(KEYS.enter);
  await t.waitFor('Review ·');
}

function expectSeedFacts(readme: string): void {
  expect(readme).toMatch(/^# Payment service outage\n/);
  expect(readme).toContain('*Written by Jane Doe.*');
  expect(readme).toContain('- **Duration:** August 2, 2023, 13:45 – 15:30 UTC (1 hour 45 minutes)');
  expect(readme).toContain('About 15% of users were affected.');
  expect(readme).toContain('Detected by a monitoring alert. All times are UTC.');
  const times = [...readme.matchAll(/^- \*\*(\d\d:\d\d) UTC\*\*/gm)].map((m) => m[1]);
  expect(times).toEqual(['13:45', '13:50', '14:00', '14:15', '14:30', '14:45', '15:00', '15:15', '15:30']);
  expect(readme).toContain('- **14:30 UTC** — *Misleading path:* Attention moved to the load balancer');
  expect(readme).toContain('- [ ] Patch the payment processing module to release database connections after use — owner: payments team, due 2023-08-16');
  expect(readme).toContain('- [ ] Add monitoring and alerting on database connection counts — owner: SRE');
  expect(readme).toContain('payments began to fail.\n\nHistorical incidents');
}

describe('the wizard in a real terminal', () => {
  // The two long ones type at a person's pace, mostly waiting: they wait side by side.
  it.concurrent('writes seed 000 as a complete postmortem, typed key by key', async ({ onTestFinished }) => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const t = start(['new', 'postmortem.yaml'], cwd, env, onTestFinished);
    await basicsAndSummary(t);
    await timelineAndRest(t);
    await t.waitFor('✓ Meets the rubric.');
    await t.press(KEYS.enter);
    expect(await t.exited).toBe(0);
    await t.waitFor(/Wrote README\.md \(\d+ words\)\.\s+Draft kept in postmortem\.yaml\./);
    const readme = readFileSync(join(cwd, 'README.md'), 'utf8');
    expectSeedFacts(readme);
    const check = runCli(['check', join(cwd, 'postmortem.yaml')], { env });
    expect(check.stdout).toMatch(/meets the rubric/);
    expect(check.status).toBe(0);
  }, 120_000);

  it.concurrent('saves on Ctrl+C, says how to resume, and resumes where it stopped', async ({ onTestFinished }) => {
    const cwd = tempDir();
    // Started through npx (npm says so in npm_command): the hint is an npx command.
    const env = isolatedEnv({ npm_command: 'exec' });
    const first = start(['new', 'postmortem.yaml'], cwd, env, onTestFinished);
    await basicsAndSummary(first);
    await first.press(KEYS.ctrlC);
    expect(await first.exited).toBe(130);
    await first.waitFor('Draft saved to postmortem.yaml.');
    await first.waitFor('Resume with: npx postmortem-wizard resume postmortem.yaml');
    const draft = readFileSync(join(cwd, 'postmortem.yaml'), 'utf8');
    expect(draft).toContain('title: Payment service outage');
    expect(draft).toContain('start: "2023-08-02 13:45"');
    expect(draft).toContain('usersAffectedPercent: 15');
    expect(existsSync(join(cwd, 'README.md'))).toBe(false);

    const list = runCli(['list'], { env, cwd });
    expect(list.stdout).toMatch(/postmortem\.yaml\n {2}Payment service outage · 2\/7 required sections done · edited/);

    const second = start(['resume', 'postmortem.yaml'], cwd, env, onTestFinished);
    await second.waitFor('How was it detected?');
    await timelineAndRest(second);
    await second.press(KEYS.enter);
    expect(await second.exited).toBe(0);
    expectSeedFacts(readFileSync(join(cwd, 'README.md'), 'utf8'));
  }, 120_000);

  it('saves on SIGTERM and SIGHUP too', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const cwd = tempDir();
      const t = start(['new', 'pm.yaml'], cwd, isolatedEnv());
      await t.waitFor('Title of the postmortem');
      await t.answer('Disk full', 'Author(s)');
      await t.type('Half typed');
      t.kill(signal);
      expect(await t.exited).toBe(code);
      expect(readFileSync(join(cwd, 'pm.yaml'), 'utf8')).toContain('title: Disk full');
    }
  }, 60_000);

  it('starts from the home screen and resumes a recent draft from it', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const first = start(['new', 'pm.yaml'], cwd, env);
    await first.answer('Cache stampede', 'Author(s)');
    await first.press(KEYS.ctrlC);
    await first.exited;
    const home = start([], cwd, env);
    await home.waitFor('Start a new postmortem');
    await home.waitFor('Resume: Cache stampede (pm.yaml) — 1/7 required sections done');
    await home.press(KEYS.down, KEYS.enter);
    // The title is answered; the system's timezone is offered, not answered for the person.
    await home.waitFor('Timezone the times are written in');
    await home.waitFor('Enter use default');
    await home.press(KEYS.enter);
    await home.waitFor('When did it start?');
    await home.press(KEYS.ctrlC);
    expect(await home.exited).toBe(130);
  }, 60_000);

  it('honours NO_COLOR and fits an 80×24 screen', async () => {
    const cwd = tempDir();
    const t = start(['new', 'pm.yaml'], cwd, isolatedEnv({ NO_COLOR: '1' }));
    await t.waitFor('Title of the postmortem');
    // Wide characters (CJK, emoji) are measured as the terminal draws them: the frame stays aligned.
    await t.type('障害 👍 outage');
    await t.waitFor('› 障害 👍 outage');
    const rows = t.screen().split('\n');
    const rules = rows.filter((row) => /^─+$/.test(row));
    expect(rules).toHaveLength(2);
    expect(rules.every((row) => row.length === 79)).toBe(true);
    await t.press(KEYS.enter);
    await t.waitFor('Author(s)');
    expect(t.raw).not.toMatch(/\u001b\[[0-9;]*(3[0-9]|9[0-7])m/);
    const colored = start(['new', 'pm2.yaml'], cwd, isolatedEnv());
    await colored.waitFor('Title of the postmortem');
    expect(colored.raw).toMatch(/\u001b\[[0-9;]*3[0-9]m/);
  }, 60_000);
});

describe('without a terminal', () => {
  it.each([
    { name: 'new x.yaml', args: ['new', 'x.yaml'] },
    { name: 'resume x.yaml', args: ['resume', 'x.yaml'] },
    { name: 'the home screen', args: [] },
  ])('$name refuses with exit 2 and points to render and check', ({ args }) => {
    const result = runCli(args, { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a terminal');
    expect(result.stderr).toContain('render DRAFT');
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain('Raw mode');
  });
});

describe('new with answers given as options', () => {
  it('asks only the rest, and refuses a bad option before starting', async () => {
    const cwd = tempDir();
    const env = isolatedEnv();
    const t = start(['new', 'pm.yaml', '--title', 'Cache outage', '--timezone', 'UTC', '--start', '2023-08-02 13:45', '--end', '15:30'], cwd, env);
    // Title, zone, start and end were given: it opens at the first question they left open.
    await t.waitFor('Impact: what was down or slow');
    await t.press(KEYS.ctrlC);
    expect(await t.exited).toBe(130);
    const draft = readFileSync(join(cwd, 'pm.yaml'), 'utf8');
    expect(draft).toContain('title: Cache outage');
    expect(draft).toContain('end: "2023-08-02 15:30"');
    const bad = start(['new', 'other.yaml', '--start', 'soon'], cwd, env);
    expect(await bad.exited).toBe(2);
    expect(bad.raw).toContain('--start "soon": soon is not a time');
    expect(existsSync(join(cwd, 'other.yaml'))).toBe(false);
  }, 60_000);
});

describe('a window made narrower', () => {
  it('leaves no copy of the header above the frame', async () => {
    const cwd = tempDir();
    const t = new TerminalSession(['new', 'pm.yaml'], { cwd, env: isolatedEnv(), cols: 100, rows: 32 });
    try {
      await t.waitFor('Title of the postmortem');
      for (const [cols, rows] of [[60, 16], [40, 10], [100, 32], [70, 20]] as const) {
        t.pty.resize(cols, rows);
        t.terminal.resize(cols, rows);
        if (cols >= 60) {
          // The frame at the new width: its rules exactly as wide as the window allows.
          await t.waitFor(new RegExp(`^─{${Math.min(cols - 1, 100)}}$`, 'm'));
          expect(t.screen().match(/postmortem-wizard ·/g) ?? []).toHaveLength(1);
        } else {
          await t.waitFor('Make the window larger');
        }
      }
      await t.press(KEYS.ctrlC);
      expect(await t.exited).toBe(130);
    } finally {
      t.kill();
    }
  }, 60_000);
});

describe('a sentence wrapped on a narrow window', () => {
  it('continues on the next row without a leading space', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'pm.yaml'), 'version: 1\ntitle: Overnight\nauthors: [Ann]\nsummary:\n  timezone: UTC\n  start: "2024-03-06 22:00"\n');
    const t = new TerminalSession(['resume', 'pm.yaml'], { cwd, env: isolatedEnv(), cols: 60, rows: 16 });
    try {
      await t.waitFor('When was it over?');
      await t.answer('00:30', /press\s+Enter\s+again/);
      const rows = t.screen().split('\n');
      // The help line and the confirmation both wrap at 60 columns; no row of theirs starts with a space.
      const wrapped = rows.filter((row) => /^ \S/.test(row));
      expect(wrapped).toEqual([]);
      await t.press(KEYS.ctrlC);
      expect(await t.exited).toBe(130);
    } finally {
      t.kill();
    }
  }, 60_000);
});
