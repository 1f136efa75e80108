import type { Candidate } from './candidate.js';
import { peopleOf } from './chat-people.js';
import { resolveSlackMarkup, type SlackNames } from './slack-markup.js';

/*
 * One Slack message as conversations.history and the export's day files write it (see the
 * fixtures' README for the documentation followed), reduced to what a timeline needs. The JSON
 * is the user's file, so every field is checked before use.
 */

/** Subtypes that are the channel's furniture, not something said: joins, renames, pins. */
const FURNITURE = new Set([
  'channel_join', 'channel_leave', 'group_join', 'group_leave', 'channel_archive', 'channel_unarchive',
  'group_archive', 'group_unarchive', 'channel_name', 'group_name', 'channel_purpose', 'group_purpose',
  'channel_posting_permissions', 'channel_convert_to_private', 'channel_convert_to_public',
  'bot_add', 'bot_remove', 'bot_enable', 'bot_disable', 'app_conversation_join', 'app_conversation_leave',
  'joiner_notification', 'ekm_access_denied', 'emoji_changed', 'pinned_item', 'unpinned_item',
  'reminder_add', 'tombstone', 'message_replied', 'channel_canvas_updated', 'tabbed_canvas_updated',
  'huddle_thread', 'sh_room_created', 'assistant_app_thread',
]);

/** A message kept for the timeline: the raw text still in Slack's markup, resolved when names are known. */
export interface SlackRecord {
  ts: string;
  at: number;
  user?: string;
  /** The name the message carries itself (user_profile, bot_profile, username). */
  name?: string;
  bot: boolean;
  text: string;
  /** Set on a reply in a thread (thread_ts differs from ts). */
  reply: boolean;
  /** When it was last edited: the later of two copies of one message wins. */
  edited: number;
  origin: string;
}

export type SlackEvent =
  | { kind: 'message'; record: SlackRecord }
  | { kind: 'changed'; record: SlackRecord }
  | { kind: 'deleted'; ts: string };

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `"1723644131.000200"` (seconds, then microseconds) in milliseconds; undefined when it is not a Slack time. */
export function slackTime(ts: unknown): number | undefined {
  const text = typeof ts === 'number' ? String(ts) : ts;
  if (typeof text !== 'string') return undefined;
  const parts = /^(\d{1,12})(?:\.(\d{1,9}))?$/.exec(text);
  if (!parts) return undefined;
  return Number(parts[1]) * 1000 + Number((parts[2] ?? '').padEnd(3, '0').slice(0, 3));
}

/** What a person's profile calls them: the real name first, for a postmortem names people in full. */
export function profileName(profile: unknown): string | undefined {
  if (!isObject(profile)) return undefined;
  return str(profile.real_name)?.trim() || str(profile.display_name)?.trim() || str(profile.name)?.trim() || undefined;
}

/** Mentions name people by id: the names come from the profiles messages carry, wherever in the file. */
export function rememberProfile(profiles: Map<string, string>, message: unknown): void {
  if (!isObject(message) || typeof message.user !== 'string' || message.bot_id !== undefined || profiles.has(message.user)) return;
  const name = profileName(message.user_profile);
  if (name) profiles.set(message.user, name);
}

/** The text an integration put in its attachments (an alert's title and body) when the message has none. */
function attachmentText(attachments: unknown): string {
  if (!Array.isArray(attachments)) return '';
  const parts: string[] = [];
  for (const attachment of attachments) {
    if (!isObject(attachment)) continue;
    const own = [str(attachment.pretext), str(attachment.title), str(attachment.text)].filter(Boolean);
    const fields = Array.isArray(attachment.fields)
      ? attachment.fields.filter(isObject).map((f) => [str(f.title), str(f.value)].filter(Boolean).join(': ')).filter(Boolean)
      : [];
    const text = [...own, ...fields].join('\n') || str(attachment.fallback);
    if (text) parts.push(text);
  }
  return parts.join('\n');
}

function fileText(files: unknown): string {
  if (!Array.isArray(files)) return '';
  const names = files.filter(isObject).map((f) => str(f.title) ?? str(f.name)).filter(Boolean);
  return names.length ? `shared ${names.join(', ')}` : '';
}

function record(message: Json, origin: string): SlackRecord | undefined {
  const ts = str(message.ts);
  const at = slackTime(ts);
  if (ts === undefined || at === undefined) return undefined;
  const bot = message.subtype === 'bot_message' || str(message.bot_id) !== undefined;
  const name = (bot ? str(isObject(message.bot_profile) ? message.bot_profile.name : undefined) ?? str(message.username) : undefined) ?? profileName(message.user_profile) ?? str(message.username);
  const own = typeof message.text === 'string' ? message.text.trim() : '';
  const text = own || attachmentText(message.attachments) || fileText(message.files);
  const thread = str(message.thread_ts);
  const edited = slackTime(isObject(message.edited) ? message.edited.ts : undefined) ?? at;
  const user = str(message.user);
  return {
    ts,
    at,
    bot,
    text,
    reply: thread !== undefined && thread !== ts,
    edited,
    origin,
    ...(user !== undefined ? { user } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}

/**
 * What one JSON message is to the timeline, or undefined when it is furniture or unreadable, or
 * (a plain message) outside `window`: told from its ts alone, most of a long history costs little.
 */
export function readSlackMessage(message: unknown, origin: string, window: SlackWindow = {}): SlackEvent | undefined {
  if (!isObject(message)) return undefined;
  const subtype = str(message.subtype);
  if (subtype !== 'message_deleted' && subtype !== 'message_changed') {
    const at = slackTime(message.ts);
    if (at === undefined || (window.from !== undefined && at < window.from) || (window.to !== undefined && at > window.to)) return undefined;
  }
  if (subtype === 'message_deleted') {
    const ts = str(message.deleted_ts) ?? str(isObject(message.previous_message) ? message.previous_message.ts : undefined);
    return ts ? { kind: 'deleted', ts } : undefined;
  }
  if (subtype === 'message_changed') {
    if (!isObject(message.message)) return undefined;
    const changed = record(message.message, origin);
    if (!changed) return undefined;
    // The change's own time is when the edit happened, when the message carries none.
    changed.edited = Math.max(changed.edited, slackTime(message.ts) ?? 0);
    return { kind: 'changed', record: changed };
  }
  if ((subtype && FURNITURE.has(subtype)) || message.hidden === true) return undefined;
  const found = record(message, origin);
  return found ? { kind: 'message', record: found } : undefined;
}

export interface SlackWindow {
  from?: number;
  to?: number;
}

/**
 * The messages of one channel as they are at the end of its history: an edit replaces the text
 * (the later edit wins, in whatever order the file lists them), a deletion removes the message.
 * Only messages inside the window are kept, so a million-message history costs little memory.
 */
export class SlackChannelLog {
  private readonly kept = new Map<string, SlackRecord>();
  private readonly deleted = new Set<string>();

  constructor(private readonly window: SlackWindow) {}

  add(event: SlackEvent): void {
    if (event.kind === 'deleted') {
      this.deleted.add(event.ts);
      this.kept.delete(event.ts);
      return;
    }
    const { record } = event;
    const { from, to } = this.window;
    if (this.deleted.has(record.ts) || (from !== undefined && record.at < from) || (to !== undefined && record.at > to)) return;
    const before = this.kept.get(record.ts);
    if (!before) this.kept.set(record.ts, record);
    else if (record.edited >= before.edited) this.kept.set(record.ts, { ...before, ...record, origin: before.origin });
  }

  /** The candidates, oldest first, with mentions and authors named through `names`. */
  candidates(source: string, key: string, names: SlackNames & { isBot?(id: string): boolean }): Candidate[] {
    const records = [...this.kept.values()].filter((r) => r.text !== '').sort((a, b) => a.at - b.at || a.ts.localeCompare(b.ts));
    return records.map((r) => {
      const { text, people } = resolveSlackMarkup(r.text, names);
      const author = (r.bot ? r.name : undefined) ?? (r.user ? names.user(r.user) : undefined) ?? r.name ?? r.user;
      const bot = r.bot || (r.user !== undefined && names.isBot?.(r.user) === true);
      const named = peopleOf(author, text, people);
      return {
        at: r.at,
        source,
        text,
        key: `slack:${key}:${r.ts}`,
        origin: r.reply ? `${r.origin} (a reply in a thread)` : r.origin,
        ...(author !== undefined ? { author } : {}),
        ...(bot ? { bot: true } : {}),
        ...(named ? { people: named } : {}),
      };
    });
  }
}
