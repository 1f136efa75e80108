import { EXIT, UsageError } from './process/exit-codes.js';
import { PROGRAM } from './package-info.js';
import { err } from './process/printable.js';
import { TemplateError } from './render/template-error.js';
import { DraftFileError } from './store/errors.js';
import type { InteractiveRequest } from './ui/run.js';
import { commands, type LaunchHooks } from './commands/registry.js';

export type { LaunchHooks };

/** Turns any failure into one sentence on stderr and an exit code: the CLI's one exit path. */
export function reportError(error: unknown): number {
  if (error instanceof DraftFileError || error instanceof TemplateError) {
    err(`${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    err(`${PROGRAM}: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`${PROGRAM}: unexpected error: ${message} (set POSTMORTEM_WIZARD_DEBUG=1 for details)\n`);
  if (process.env.POSTMORTEM_WIZARD_DEBUG) err(`${(error as Error)?.stack ?? ''}\n`);
  return EXIT.internal;
}

/**
 * The wizard's own invocations (`new` or `resume` with at most a draft, or nothing at all) skip
 * the argument parser, so the first question does not wait for it; anything else, any option
 * included, goes through commander.
 */
function wizardRequest(argv: string[]): InteractiveRequest | undefined {
  if (argv.length === 0) return { kind: 'home' };
  const [command, draft, ...rest] = argv;
  if ((command !== 'new' && command !== 'resume') || rest.length > 0) return undefined;
  if (draft !== undefined && (draft === '' || draft.startsWith('-'))) return undefined;
  return { kind: command, path: draft };
}

export async function main(argv: string[], hooks: LaunchHooks = {}): Promise<number> {
  try {
    const request = wizardRequest(argv);
    if (request) return await (await commands.interactive()).interactiveCommand(request, hooks);
    return await (await import('./cli-program.js')).runProgram(argv, hooks);
  } catch (error) {
    return reportError(error);
  }
}
