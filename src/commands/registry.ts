/** What the launcher (bin/) may be told: the wizard's first screen is up (it saves its code cache then). */
export interface LaunchHooks {
  startupDone?(): void;
}

// Each command is loaded when it runs, so `--help` parses no YAML and `render` loads no ink.
export const commands = {
  check: () => import('./check.js'),
  interactive: () => import('./interactive.js'),
  list: () => import('./list.js'),
  render: () => import('./render.js'),
  import: () => import('./import.js'),
  timelineAdd: () => import('./timeline-add.js'),
};
