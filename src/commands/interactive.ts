import { invocation } from '../process/invocation.js';
import { UsageError } from '../process/exit-codes.js';
import type { LaunchHooks } from './registry.js';
import type { InteractiveRequest } from '../ui/run.js';
import type { PresetAnswers } from '../wizard/preset-answers.js';

/**
 * The one place that decides whether the wizard may run: it needs a terminal on both ends.
 * Ink is loaded only past this point, so `render`, `check` and `--help` never pay for it.
 */
export async function interactiveCommand(request: InteractiveRequest, hooks: LaunchHooks = {}, answers?: PresetAnswers): Promise<number> {
  // Answers given as options are read first: a bad one is a usage error, with or without a terminal.
  if (request.kind === 'new' && answers && Object.values(answers).some((value) => value !== undefined)) {
    const { presetDraft } = await import('../wizard/preset-answers.js');
    const preset = presetDraft(answers);
    if (!preset.ok) throw new UsageError(preset.error);
    request = { ...request, preset: preset.draft };
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      `the wizard asks questions, so it needs a terminal; without one, write the draft by hand and use \`${invocation()} render DRAFT\` or \`${invocation()} check DRAFT\`.`,
    );
  }
  // Ink's colour library ignores NO_COLOR on a terminal; FORCE_COLOR=0 must be set before it loads.
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  const { runInteractive } = await importWithoutCiMode(() => import('../ui/run.js'));
  return runInteractive(request, hooks.startupDone);
}

/**
 * Ink draws only its last frame when CI or CONTINUOUS_INTEGRATION is set, and decides so when it
 * loads. A person is at this terminal (both ends are TTYs), so ink loads with them unset; they
 * are put back at once for any program started later.
 */
async function importWithoutCiMode<T>(load: () => Promise<T>): Promise<T> {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  try {
    return await load();
  } finally {
    for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
  }
}
