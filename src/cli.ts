import { Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError } from './commands/exit-codes.js';
import { PROGRAM, VERSION } from './package-info.js';
import { DraftFileError } from './store/errors.js';

// Each command is loaded when it runs, so `--help` parses no YAML and `render` loads no ink.
const commands = {
  check: () => import('./commands/check.js'),
  interactive: () => import('./commands/interactive.js'),
  list: () => import('./commands/list.js'),
  render: () => import('./commands/render.js'),
  import: () => import('./commands/import.js'),
};

const EXAMPLES = `
Examples:
  $ ${PROGRAM}                                       the home screen: new, resume, settings
  $ ${PROGRAM} new                                   start a postmortem (asks where to save it)
  $ ${PROGRAM} resume postmortem.yaml              carry on where you stopped
  $ ${PROGRAM} render postmortem.yaml              write README.md beside the draft
  $ ${PROGRAM} render postmortem.yaml -o -         print the Markdown
  $ ${PROGRAM} check postmortem.yaml               list what the rubric still needs
  $ ${PROGRAM} check postmortem.yaml --json        the same, for scripts
  $ ${PROGRAM} import old-postmortem.md            a hand-written postmortem into a draft

Exit codes: 0 done, 1 problems found, 2 bad usage or unusable input, 130 cancelled.
`;

function buildProgram(run: (work: Promise<number>) => void, hooks: LaunchHooks): Command {
  const program = new Command(PROGRAM)
    .description('Write an outage postmortem step by step: autosaved YAML drafts, a finished README.md.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError(`(run ${PROGRAM} --help to see the commands)`)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`${PROGRAM}: ${text.replace(/^error: /, '')}`) });

  program
    .command('new')
    .description('start a new postmortem draft (never replaces an existing file)')
    .argument('[draft]', 'where to save the draft (asked when left out)')
    .action((draft: string | undefined) => run(commands.interactive().then((m) => m.interactiveCommand({ kind: 'new', path: draft }, hooks))));

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
    .option('-t, --template <name|path>', 'a built-in template (alx) or a template file')
    .option('-f, --force', 'replace an existing file this tool did not write (a .bak is kept)')
    .action((draft: string, flags) => run(commands.render().then((m) => m.renderCommand(draft, flags))));

  program
    .command('import')
    .description('turn a postmortem written by hand (Markdown or text) into a draft to finish')
    .argument('<file>', 'the postmortem: Markdown, HTML-in-Markdown or plain text, any extension')
    .option('-o, --output <draft>', 'where to save the draft (default: FILE with .yaml, beside it)')
    .action((file: string, flags) => run(commands.import().then((m) => m.importCommand(file, flags))));

  program
    .command('check')
    .description('check a draft against the postmortem rubric')
    .argument('<draft>', 'the YAML draft')
    .addOption(new Option('--json', 'print the findings as JSON'))
    .action((draft: string, flags) => run(commands.check().then((m) => m.checkCommand(draft, flags))));

  for (const command of program.commands) command.exitOverride().showHelpAfterError(`(run ${PROGRAM} ${command.name()} --help for usage)`);
  return program;
}

/** Turns any failure into one sentence on stderr and an exit code: the CLI's one exit path. */
export function reportError(error: unknown): number {
  if (error instanceof DraftFileError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${PROGRAM}: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
    return done ? EXIT.ok : EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${PROGRAM}: unexpected error: ${message} (set POSTMORTEM_WIZARD_DEBUG=1 for details)\n`);
  if (process.env.POSTMORTEM_WIZARD_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return EXIT.problems;
}

/** What the launcher (bin/) may be told: the wizard's first screen is up (it saves its code cache then). */
export interface LaunchHooks {
  startupDone?(): void;
}

export async function main(argv: string[], hooks: LaunchHooks = {}): Promise<number> {
  let pending: Promise<number> | undefined;
  const program = buildProgram((work) => {
    pending = work;
  }, hooks);
  try {
    if (argv.length === 0) return await (await commands.interactive()).interactiveCommand({ kind: 'home' }, hooks);
    await program.parseAsync(argv, { from: 'user' });
    return pending ? await pending : EXIT.ok;
  } catch (error) {
    return reportError(error);
  }
}
