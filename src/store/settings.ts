import { resolve } from 'node:path';
import Conf from 'conf';

/** What a person can set once instead of typing every time. */
export interface Settings {
  author?: string;
  timezone?: string;
  template?: string;
  /** Keep people's names in entries picked from chat logs (the blameless rewrite is the default). */
  keepNames?: boolean;
}

export interface RecentDraft {
  path: string;
  title?: string;
  openedAt: string;
}

interface Stored {
  settings: Settings;
  recent: RecentDraft[];
}

/** Moves the settings folder; tests point it at a temp folder so the real one is never touched. */
export const CONFIG_DIR_VARIABLE = 'POSTMORTEM_WIZARD_CONFIG_DIR';
const RECENT_LIMIT = 20;

let store: Conf<Stored> | undefined;

function open(): Conf<Stored> {
  const cwd = process.env[CONFIG_DIR_VARIABLE] || undefined;
  store ??= new Conf<Stored>({
    projectName: 'postmortem-wizard',
    projectSuffix: '',
    ...(cwd ? { cwd } : {}),
    defaults: { settings: {}, recent: [] },
  });
  return store;
}

/** Forgets the open store, so a test that changes the folder gets a fresh one. */
export function resetSettingsStore(): void {
  store = undefined;
}

export function settingsPath(): string {
  return open().path;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The settings, with anything of the wrong type (a hand edit) ignored rather than trusted. */
export function readSettings(): Settings {
  const raw = open().get('settings') as Record<string, unknown> | undefined;
  const settings: Settings = {};
  if (!raw || typeof raw !== 'object') return settings;
  const author = text(raw.author);
  const timezone = text(raw.timezone);
  const template = text(raw.template);
  if (author) settings.author = author;
  if (timezone) settings.timezone = timezone;
  if (template) settings.template = template;
  if (raw.keepNames === true) settings.keepNames = true;
  return settings;
}

export function writeSettings(changes: Settings): Settings {
  const next = { ...readSettings(), ...changes };
  for (const key of Object.keys(next) as (keyof Settings)[]) if (!next[key]) delete next[key];
  open().set('settings', next);
  return next;
}

export function recentDrafts(): RecentDraft[] {
  const raw = open().get('recent');
  if (!Array.isArray(raw)) return [];
  return raw.filter((item): item is RecentDraft => !!item && typeof item.path === 'string' && typeof item.openedAt === 'string');
}

/** Puts a draft at the top of the recent list (one entry per file). */
export function rememberDraft(path: string, title: string | undefined, now = new Date()): void {
  const absolute = resolve(path);
  const entry: RecentDraft = { path: absolute, openedAt: now.toISOString(), ...(title ? { title } : {}) };
  const rest = recentDrafts().filter((item) => item.path !== absolute);
  open().set('recent', [entry, ...rest].slice(0, RECENT_LIMIT));
}

export function forgetDraft(path: string): void {
  const absolute = resolve(path);
  open().set('recent', recentDrafts().filter((item) => item.path !== absolute));
}
