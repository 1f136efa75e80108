import { basename, isAbsolute, relative } from 'node:path';
import { PROGRAM } from '../program-name.js';

/**
 * The command as the person ran it, so a hint they copy ("Resume with: …") works where they
 * are: `npx postmortem-wizard` through npx, `postmortem-wizard` when installed, `npm start --`
 * in a checkout, `node bin/postmortem-wizard.cjs` when run by path.
 */
export function invocation(env: NodeJS.ProcessEnv = process.env, script: string | undefined = process.argv[1], cwd = process.cwd()): string {
  // npm sets npm_command for `npx` (exec) and for `npm start`.
  if (env.npm_command === 'exec') return `npx ${PROGRAM}`;
  if (env.npm_lifecycle_event === 'start') return 'npm start --';
  if (!script || basename(script) === PROGRAM) return PROGRAM;
  const near = relative(cwd, script);
  return `node ${near.startsWith('..') || isAbsolute(near) ? script : near}`;
}
