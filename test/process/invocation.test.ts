import { describe, expect, it } from 'vitest';
import { invocation } from '../../src/process/invocation.js';

describe('the command as the person ran it, for hints they copy', () => {
  it('npx, an installed command, npm start, a script by path', () => {
    expect(invocation({ npm_command: 'exec' }, '/home/a/.npm/_npx/1/node_modules/.bin/postmortem-wizard', '/work')).toBe('npx postmortem-wizard');
    expect(invocation({}, '/usr/local/bin/postmortem-wizard', '/work')).toBe('postmortem-wizard');
    expect(invocation({ npm_lifecycle_event: 'start', npm_command: 'run-script' }, '/work/bin/postmortem-wizard.cjs', '/work')).toBe('npm start --');
    expect(invocation({}, '/work/pmw/bin/postmortem-wizard.cjs', '/work/pmw')).toBe('node bin/postmortem-wizard.cjs');
    expect(invocation({}, '/opt/pmw/bin/postmortem-wizard.cjs', '/home/a')).toBe('node /opt/pmw/bin/postmortem-wizard.cjs');
  });
});
