import { basename } from 'node:path';
import { Text } from './components/text.js';
import { useEffect, useState, type ReactNode } from 'react';
import type { DraftSession } from '../store/draft-session.js';
import type { Settings } from '../store/settings.js';
import type { WizardState } from '../wizard/reducer.js';
import type { Parsed } from '../wizard/answers.js';
import { FieldPrompt } from './components/field-prompt.js';
import { Frame } from './components/frame.js';
import { HintsProvider } from './hints-context.js';
import { useKeys } from './input-focus.js';
import { KeyDispatcherProvider } from './key-dispatcher.js';
import { is } from './keymap.js';
import { HomeScreen, type RecentItem } from './screens/home-screen.js';
import { LockedScreen } from './screens/locked-screen.js';
import { SettingsScreen } from './screens/settings-screen.js';
import { ServicesContext, SessionContext, type WizardServices } from './session-context.js';
import { theme } from './theme.js';
import { WizardApp, type WizardAppProps } from './wizard-app.js';

/** Everything needed to draw the app again exactly where it was (after $EDITOR, a remount). */
export interface Snapshot {
  route: 'home' | 'pick' | 'settings' | 'newPath' | 'locked' | 'wizard';
  /** The draft another wizard has open, who that is in words, and whether it may be taken over. */
  locked?: LockedDraft;
  /** What the settings screen edits, read when it opens. */
  settings?: Settings;
  session?: DraftSession;
  wizard?: WizardState;
  notice?: string;
}

export type LockedDraft = { path: string; owner: string; canTakeOver: boolean };
/** `takeOver`: the user confirmed taking the draft from a wizard that cannot be verified. */
export type OpenRequest = { kind: 'new' | 'resume'; path: string; readOnly?: boolean; takeOver?: boolean };
export type OpenResult =
  | { ok: true; session: DraftSession; wizard: WizardState; notice?: string }
  | { ok: false; error: string; locked?: LockedDraft };

export interface RootProps {
  initial: Snapshot;
  onSnapshot(snapshot: Snapshot): void;
  services: WizardServices;
  recent: RecentItem[];
  readSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Where `new` suggests saving the draft. */
  suggestedPath: string;
  checkNewPath(text: string): Parsed<string>;
  openDraft(request: OpenRequest): Promise<OpenResult>;
  writeReadme: WizardAppProps['writeReadme'];
  newDraftDefaults: NonNullable<WizardAppProps['newDraftDefaults']>;
}

/** The app: home, settings and the wizard, with Ctrl+C handled once for all of them. */
export function Root(props: RootProps) {
  // One owner of the keys for every route, so keys typed while a draft opens are not lost.
  return (
    <KeyDispatcherProvider>
      <Routes {...props} />
    </KeyDispatcherProvider>
  );
}

function Routes(props: RootProps) {
  const [snapshot, setSnapshot] = useState<Snapshot>(props.initial);
  const [error, setError] = useState<string | undefined>();
  const update = (next: Snapshot) => {
    setSnapshot(next);
    props.onSnapshot(next);
  };

  useEffect(() => props.onSnapshot(snapshot), []);

  useKeys((input, key) => {
    if (is('quit', input, key)) props.services.quit('cancel');
  });

  const open = async (request: OpenRequest) => {
    const result = await props.openDraft(request);
    if (result.ok) {
      setError(undefined);
      update({ route: 'wizard', session: result.session, wizard: result.wizard, notice: result.notice });
    } else if (result.locked && request.kind === 'resume') {
      setError(undefined);
      update({ route: 'locked', locked: result.locked });
    } else {
      setError(result.error);
    }
  };

  let body;
  switch (snapshot.route) {
    case 'wizard':
      return (
        <Providers services={props.services} session={snapshot.session}>
          <WizardApp
            initial={snapshot.wizard!}
            onState={(wizard) => props.onSnapshot({ ...snapshot, wizard })}
            writeReadme={props.writeReadme}
            notice={snapshot.notice}
            newDraftDefaults={props.newDraftDefaults}
          />
        </Providers>
      );
    case 'settings':
      body = (
        <SettingsScreen
          settings={snapshot.settings ?? {}}
          onSave={(settings) => {
            void props.saveSettings(settings).then(
              () => update({ route: 'home', notice: 'Settings saved.' }),
              (failure: Error) => setError(`Settings not saved: ${failure.message}`),
            );
          }}
          onCancel={() => update({ route: 'home' })}
        />
      );
      break;
    case 'locked':
      body = (
        <LockedScreen
          file={basename(snapshot.locked!.path)}
          owner={snapshot.locked!.owner}
          canTakeOver={snapshot.locked!.canTakeOver}
          onChoose={(choice) => {
            if (choice === 'readOnly') void open({ kind: 'resume', path: snapshot.locked!.path, readOnly: true });
            else if (choice === 'takeOver') void open({ kind: 'resume', path: snapshot.locked!.path, takeOver: true });
            else props.services.quit('save');
          }}
        />
      );
      break;
    case 'newPath':
      body = (
        <FieldPrompt
          prompt="Where should the draft be saved?"
          help="A YAML file; it is saved after every answer and can be resumed any time."
          initial=""
          placeholder={props.suggestedPath}
          placeholderIs="default"
          parse={props.checkNewPath}
          onAccept={(path) => void open({ kind: 'new', path: path as string })}
          onBack={props.initial.route === 'newPath' ? undefined : () => update({ route: 'home' })}
        />
      );
      break;
    default:
      body = (
        <HomeScreen
          recent={props.recent}
          picking={snapshot.route === 'pick'}
          notice={snapshot.notice}
          onChoose={(choice) => {
            if (choice.kind === 'new') update({ route: 'newPath' });
            else if (choice.kind === 'settings') {
              void props.readSettings().then(
                (settings) => update({ route: 'settings', settings }),
                (failure: Error) => setError(`Settings cannot be read: ${failure.message}`),
              );
            }
            else if (choice.kind === 'resume') void open({ kind: 'resume', path: choice.path });
            else props.services.quit('save');
          }}
        />
      );
  }
  return (
    <Providers services={props.services}>
      <Frame place={snapshot.route === 'settings' ? 'Settings' : snapshot.route === 'newPath' ? 'New postmortem' : undefined}>
        {body}
        {error ? <ErrorLine text={error} /> : null}
      </Frame>
    </Providers>
  );
}

/** What every screen reads from around it: the services, the open draft, the footer's hints. */
export function Providers({ services, session, children }: { services: WizardServices; session?: DraftSession; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <SessionContext.Provider value={session}>
        <HintsProvider readOnly={session?.readOnly}>
          <KeyDispatcherProvider>{children}</KeyDispatcherProvider>
        </HintsProvider>
      </SessionContext.Provider>
    </ServicesContext.Provider>
  );
}

function ErrorLine({ text }: { text: string }) {
  return <Text color={theme.error}>✗ {text}</Text>;
}
