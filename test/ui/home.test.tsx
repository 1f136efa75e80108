import { afterEach, describe, expect, it } from 'vitest';
import { Root, type RootProps } from '../../src/ui/root.js';
import type { QuitReason } from '../../src/ui/session-context.js';
import { KEY, mount, waitFor, type Mounted } from '../support/ink.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

function mountRoot(overrides: Partial<RootProps> = {}) {
  const quits: QuitReason[] = [];
  const opened: { kind: string; path: string }[] = [];
  const saved: unknown[] = [];
  const props: RootProps = {
    initial: { route: 'home' },
    onSnapshot: () => undefined,
    services: { editText: () => undefined, editDraft: () => undefined, quit: (reason) => quits.push(reason) },
    recent: [
      { path: '/work/a.yaml', shown: 'a.yaml', title: 'Payment outage', progress: { done: 5, total: 7 }, detail: 'edited 2 hours ago', usable: true },
      { path: '/work/b.yaml', shown: 'b.yaml', detail: 'cannot be opened', usable: false },
    ],
    readSettings: async () => ({ author: 'Jane Doe' }),
    saveSettings: async (settings) => {
      saved.push(settings);
    },
    suggestedPath: 'postmortem.yaml',
    checkNewPath: (text) => (text === 'taken.yaml' ? { ok: false, error: 'taken.yaml already exists.' } : { ok: true, value: `/work/${text}` }),
    openDraft: async (request) => {
      opened.push(request);
      return { ok: false, error: 'Not in this test.' };
    },
    writeReadme: async () => ({ ok: true, message: '' }),
    newDraftDefaults: async () => ({ template: 'alx', timezone: 'UTC' }),
    ...overrides,
  };
  app = mount(<Root {...props} />);
  return { app, quits, opened, saved };
}

describe('home', () => {
  it('offers new, the drafts that can be opened, settings and quit', async () => {
    const { app } = mountRoot();
    await app.waitFor('Start a new postmortem');
    expect(app.frame()).toContain('Resume: Payment outage (a.yaml) — 5/7 required sections done, edited 2 hours ago');
    expect(app.frame()).not.toContain('b.yaml');
    expect(app.frame()).toContain('Settings');
  });

  it('asks where to save a new draft, refusing an existing file', async () => {
    const { app, opened } = mountRoot();
    await app.waitFor('Start a new postmortem');
    await app.press(KEY.enter);
    await app.waitFor('Where should the draft be saved?');
    // The suggested name is a placeholder: typing replaces it, Enter on the empty field takes it.
    expect(app.frame()).toContain('› postmortem.yaml');
    await app.type('taken.yaml');
    expect(app.frame()).toContain('› taken.yaml');
    expect(app.frame()).not.toContain('postmortem.yamltaken');
    await app.press(KEY.enter);
    await app.waitFor('✗ taken.yaml already exists.');
    for (let i = 0; i < 10; i++) await app.press(KEY.backspace);
    await app.type('fresh.yaml');
    await app.press(KEY.enter);
    await waitFor(() => expect(opened).toEqual([{ kind: 'new', path: '/work/fresh.yaml' }]));
    await app.waitFor('✗ Not in this test.');
  });

  it('takes the suggested name with Enter on the empty field', async () => {
    const { app, opened } = mountRoot();
    await app.waitFor('Start a new postmortem');
    await app.press(KEY.enter);
    await app.waitFor('Where should the draft be saved?');
    await app.press(KEY.enter);
    await waitFor(() => expect(opened).toEqual([{ kind: 'new', path: '/work/postmortem.yaml' }]));
  });

  it('resumes a recent draft', async () => {
    const { app, opened } = mountRoot();
    await app.waitFor('Start a new postmortem');
    await app.press(KEY.down, KEY.enter);
    await waitFor(() => expect(opened).toEqual([{ kind: 'resume', path: '/work/a.yaml' }]));
  });

  it('edits settings', async () => {
    const { app, saved } = mountRoot();
    await app.waitFor('Start a new postmortem');
    await app.press(KEY.down, KEY.down, KEY.enter);
    await app.waitFor('Settings for new drafts · 1/4');
    expect(app.frame()).toContain('› Jane Doe');
    await app.press(KEY.enter);
    await app.waitFor('Default timezone');
    await app.type('Africa/Lagos');
    await app.press(KEY.enter);
    await app.waitFor('Default template');
    await app.press(KEY.enter);
    await app.waitFor("People's names in entries added from chat logs");
    expect(app.frame()).toContain('❯ Replace them with their role');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('Settings saved.');
    expect(saved).toEqual([{ author: 'Jane Doe', timezone: 'Africa/Lagos', template: 'alx', keepNames: true }]);
  });

  it('saves and quits on Ctrl+C from anywhere', async () => {
    const { app, quits } = mountRoot();
    await app.waitFor('Start a new postmortem');
    await app.press(KEY.ctrlC);
    await waitFor(() => expect(quits).toEqual(['cancel']));
  });
});
