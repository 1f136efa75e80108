import { Command, CommanderError, Option } from 'commander';
import { EXIT, EXIT_CODES_HELP } from './process/exit-codes.js';
import { TEMPLATES } from './draft/vocabulary.js';
import type { PresetAnswers } from './wizard/preset-answers.js';
import { PROGRAM, VERSION } from './package-info.js';
import { err, out } from './process/printable.js';
import { commands, type LaunchHooks } from './commands/registry.js';

/*
 * The command line as commander reads it: subcommands, options, help and usage errors. Loaded
 * only when the arguments are more than the wizard's own (see main in cli.ts).
 */
const EXAMPLE_LINES: [string, string][] = [
  ['', 'the home screen: new, resume, settings'],
  ['new', 'start a postmortem (asks where to save it)'],
  ['resume postmortem.yaml', 'carry on where you stopped'],
  ['render postmortem.yaml', 'write README.md beside the draft'],
  ['render postmortem.yaml -o -', 'print the Markdown'],
  ['check postmortem.yaml', 'list what the rubric still needs'],
  ['check postmortem.yaml --json', 'the same, for scripts'],
  ['import old-postmortem.md', 'a hand-written postmortem into a draft'],
  ['timeline add pm.yaml slack-export.zip', 'list what a chat, pager or deploy log adds'],
  ['timeline add pm.yaml pager.json --all', 'add it to the timeline'],
];
const EXAMPLE_WIDTH = Math.max(...EXAMPLE_LINES.map(([args]) => `$ ${PROGRAM} ${args}`.trimEnd().length)) + 2;

const EXAMPLES = `
Examples:
${EXAMPLE_LINES.map(([args, does]) => `  ${`$ ${PROGRAM} ${args}`.trimEnd().padEnd(EXAMPLE_WIDTH)}${does}`).join('\n')}

Exit codes:
${EXIT_CODES_HELP.map(([code, meaning]) => `  ${String(code).padEnd(4)}${meaning}`).join('\n')}
`;

/** The built-in layouts' names, from the one list (the template module is not loaded for --help). */
function builtInLayouts(): string {
  return TEMPLATES.join(' or ');
}

function buildProgram(run: (work: Promise<number>) => void, hooks: LaunchHooks): Command {
  const program = new Command(PROGRAM)
    .description('Write an outage postmortem step by step: autosaved YAML drafts, a finished README.md.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError(`(run ${PROGRAM} --help to see the commands)`)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err, outputError: (text, write) => write(`${PROGRAM}: ${text.replace(/^error: /, '')}`) });

  program
    .command('new')
    .description('start a new postmortem draft (never replaces an existing file); answers given as options are not asked again')
    .argument('[draft]', 'where to save the draft (asked when left out)')
    .option('--title <text>', 'the title')
    .option('--author <names>', 'the author(s), separated by commas')
    .option('--timezone <zone>', 'the timezone the times are in (UTC, Europe/Berlin, +01:00)')
    .option('--start <time>', 'when it started (2023-08-02 13:45)')
    .option('--end <time>', 'when it was over (15:30, or a date and time)')
    .option('--template <layout>', `the README's layout (${builtInLayouts()})`)
    .action((draft: string | undefined, flags: PresetAnswers) =>
      run(commands.interactive().then((m) => m.interactiveCommand({ kind: 'new', path: draft }, hooks, flags))),
    );

  program
    .command('resume')
    .description('continue a draft at its first unfinished section')
    .argument('[draft]', 'the draft (picked from recent drafts when left out)')
    .action((draft: string | undefined) => run(commands.interactive().then((m) => m.interactiveCommand({ kind: 'resume', path: draft }, hooks))));

  program
    .command('list')
    .description('recent drafts with title, progress and last edit')
    .addOption(new Option('--json', 'print the list as JSON'))
    .action((flags) => run(commands.list().then((m) => m.listCommand(flags))));

  program
    .command('render')
    .description('turn a draft into the finished Markdown (no questions asked)')
    .argument('<draft>', 'the YAML draft')
    .option('-o, --output <file>', 'where to write; - prints to stdout (default: README.md beside the draft)')
    .option('-t, --template <name|path>', `a built-in layout (${builtInLayouts()}) or a template file of yours`)
    .option('-f, --force', 'replace a README this tool did not write, or one edited by hand since (a .bak is kept)')
    .action((draft: string, flags) => run(commands.render().then((m) => m.renderCommand(draft, flags))));

  program
    .command('import')
    .description('turn a postmortem written by hand (Markdown or text) into a draft to finish')
    .argument('<file>', 'the postmortem: Markdown, HTML-in-Markdown or plain text, any extension')
    .option('-o, --output <draft>', 'where to save the draft (default: FILE with .yaml, beside it)')
    .action((file: string, flags) => run(commands.import().then((m) => m.importCommand(file, flags))));

  program
    .command('check')
    .description('check a draft, or a postmortem written by hand, against the postmortem rubric')
    .argument('<file>', 'the YAML draft, or a postmortem in Markdown, HTML or text')
    .addOption(new Option('--json', 'print the findings as JSON'))
    .action((draft: string, flags) => run(commands.check().then((m) => m.checkCommand(draft, flags))));

  const timeline = program.command('timeline').description('the timeline from files the incident left behind');
  timeline
    .command('add')
    .description('entries from a chat export or log, a pager or alert export, a git repository or a CSV, inside the incident window; lists them unless told which to add')
    .argument('<draft>', 'the YAML draft')
    .argument('<file>', 'a Slack export (folder or .zip) or channel JSON, a chat log, a PagerDuty/Opsgenie/Alertmanager export, a git repository, a CSV')
    .option('--from <time>', "the window's start (default: the incident's start less the margin)")
    .option('--to <time>', "the window's end (default: the incident's end plus the margin)")
    .option('--margin <minutes>', 'minutes either side of the incident window (default: 15)')
    .option('--all', 'add every entry found in the window')
    .option('--match <text>', 'add the entries whose message contains TEXT (repeat for more)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--zone <zone>', "the timezone of times the file writes without one (default: the draft's)")
    .option('--keep-names', "keep people's names and @mentions (default: their role, or \"an engineer\")")
    .option('--columns <time,text>', 'for a CSV: the time and text columns, by header or number')
    .option('--rest', 'add the rest of long messages (cut to their first sentence) to the root cause text')
    .action((draft: string, file: string, flags) => run(commands.timelineAdd().then((m) => m.timelineAddCommand(draft, file, flags))));
  timeline.exitOverride().showHelpAfterError(`(run ${PROGRAM} timeline add --help for usage)`);

  for (const command of program.commands) command.exitOverride().showHelpAfterError(`(run ${PROGRAM} ${command.name()} --help for usage)`);
  return program;
}

/** Parses the arguments with commander and runs the command they name. */
export async function runProgram(argv: string[], hooks: LaunchHooks): Promise<number> {
  let pending: Promise<number> | undefined;
  const program = buildProgram((work) => {
    pending = work;
  }, hooks);
  // `bogus --help` and `help bogus` would show the general help and succeed: say what is wrong.
  const named = argv[0] === 'help' ? argv[1] : argv[0];
  const asksHelp = argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');
  if (asksHelp && named !== undefined && !named.startsWith('-') && !program.commands.some((command) => command.name() === named || command.aliases().includes(named))) {
    err(`${PROGRAM}: unknown command '${named}'\n(run ${PROGRAM} --help to see the commands)\n`);
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // commander has printed the help, the version or what was wrong.
    const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
    return done ? EXIT.ok : EXIT.usage;
  }
  return pending ? await pending : EXIT.ok;
}
