import { afterEach, describe, expect, it } from 'vitest';
import { Root, type OpenRequest, type RootProps } from '../../src/ui/root.js';
import type { QuitReason } from '../../src/ui/session-context.js';
import { KEY, mount, waitFor, type Mounted } from '../support/ink.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

function mountLocked(canTakeOver: boolean) {
  const quits: QuitReason[] = [];
  const opened: OpenRequest[] = [];
  const props: RootProps = {
    initial: { route: 'locked', locked: { path: '/work/pm.yaml', owner: 'process 4242 on build-box, since 14:02 today', canTakeOver } },
    onSnapshot: () => undefined,
    services: { editText: () => undefined, editDraft: () => undefined, quit: (reason) => quits.push(reason) },
    recent: [],
    readSettings: async () => ({}),
    saveSettings: async () => undefined,
    suggestedPath: 'postmortem.yaml',
    checkNewPath: (text) => ({ ok: true, value: text }),
    openDraft: async (request) => {
      opened.push(request);
      return { ok: false, error: 'Not in this test.' };
    },
    writeReadme: async () => ({ ok: true, message: '' }),
    newDraftDefaults: async () => ({}),
  };
  app = mount(<Root {...props} />);
  return { app, quits, opened };
}

describe('the locked screen', () => {
  it('offers no takeover of a wizard verified to be running', async () => {
    const { app, quits } = mountLocked(false);
    await app.waitFor('pm.yaml is open in another postmortem-wizard (process 4242 on build-box, since 14:02 today).');
    expect(app.frame()).not.toContain('Take it over');
    await app.press(KEY.down, KEY.enter);
    await waitFor(() => expect(quits).toEqual(['save']));
  });

  it('takes a wizard that cannot be verified over only after y, saying what that means', async () => {
    const { app, opened } = mountLocked(true);
    await app.waitFor('Take it over');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor(/Take pm\.yaml over\? The other wizard \(process 4242 on build-box, since 14:02 today\) may still be\s+running; its later saves would be refused\. \(y\/n\)/);
    expect(app.frame()).toMatch(/y take it over · n keep it theirs/);
    // n goes back, with "Take it over" still highlighted; nothing was opened.
    await app.press('n');
    await app.waitFor('❯ Take it over');
    expect(opened).toEqual([]);
    await app.press(KEY.enter);
    await app.waitFor('may still be');
    await app.press('y');
    await waitFor(() => expect(opened).toEqual([{ kind: 'resume', path: '/work/pm.yaml', takeOver: true }]));
  });
});
