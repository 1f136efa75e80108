import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Candidate, SourceFormat, SourceOptions } from './candidate.js';
import { SourceError } from './candidate.js';
import { type ExportTree, openExportTree, zipListsAnyOf } from './export-tree.js';
import { jsonValues } from './json-stream.js';
import { isObject, profileName, readSlackMessage, rememberProfile, SlackChannelLog } from './slack-message.js';

/*
 * A Slack workspace or channel export (Slack's "How to read Slack data exports"): users.json,
 * channels.json (and groups.json, mpims.json, dms.json in a full export), and a folder per
 * conversation of day files (`inc-42/2024-08-14.json`), as a folder or a .zip. Day files far
 * from the incident's window are not opened.
 */

const MARKERS = ['channels.json', 'users.json', 'org_users.json'];
const CONVERSATION_LISTS = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'];
const DAY = 86_400_000;
const DAY_FILE = /^(.*?)([^/]+)\/(\d{4})-(\d{2})-(\d{2})\.json$/;

interface People {
  names: Map<string, string>;
  bots: Set<string>;
  /** Job titles from the profiles ("SRE on call"), by name: the blameless rewrite says the role instead of the name. */
  titles: Map<string, string>;
  /** Every name a person goes by (real name, display name, handle), by the name candidates use: "IC: alice" names Alice Smith too. */
  aliases: Map<string, string[]>;
}

/** The folder inside the tree that holds users.json or channels.json (a re-zipped export adds one). */
function exportRoot(tree: ExportTree, path: string): string {
  const markers = tree.files.filter((file) => MARKERS.some((name) => file === name || file.endsWith(`/${name}`)));
  if (markers.length === 0) throw new SourceError(path, 'is not a Slack export: it has no channels.json or users.json.');
  const shallowest = markers.sort((a, b) => a.split('/').length - b.split('/').length)[0]!;
  return shallowest.slice(0, shallowest.lastIndexOf('/') + 1);
}

async function* values(tree: ExportTree, file: string, where: string): AsyncGenerator<unknown> {
  const stream = await tree.open(file).catch((error: Error) => {
    throw new SourceError(where, `cannot read ${file}: ${error.message}`);
  });
  try {
    for await (const { value } of jsonValues(stream, file, { paths: ['$.*'] })) yield value;
  } catch (error) {
    // The error names the export the user gave; the file inside it and its line go in the sentence.
    if (error instanceof SourceError) throw new SourceError(where, `holds a broken ${file}: it ${error.message}`);
    throw new SourceError(where, `cannot read ${file}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
  }
}

async function readPeople(tree: ExportTree, root: string, path: string): Promise<People> {
  const people: People = { names: new Map(), bots: new Set(), titles: new Map(), aliases: new Map() };
  for (const name of ['users.json', 'org_users.json']) {
    if (!tree.files.includes(root + name)) continue;
    for await (const user of values(tree, root + name, path)) {
      if (!isObject(user) || typeof user.id !== 'string') continue;
      const named = profileName(user.profile) ?? profileName(user);
      if (named) people.names.set(user.id, named);
      const title = isObject(user.profile) && typeof user.profile.title === 'string' ? user.profile.title.trim() : '';
      if (named && title) people.titles.set(named, title);
      const profile = isObject(user.profile) ? user.profile : {};
      const also = [profile.real_name, profile.display_name, user.real_name, user.name].filter((n): n is string => typeof n === 'string' && n.trim() !== '' && n.trim() !== named);
      if (named && also.length) people.aliases.set(named, [...new Set(also.map((n) => n.trim()))]);
      if (user.is_bot === true) people.bots.add(user.id);
    }
  }
  return people;
}

async function readChannels(tree: ExportTree, root: string, path: string): Promise<Map<string, string>> {
  const channels = new Map<string, string>();
  for (const name of CONVERSATION_LISTS) {
    if (!tree.files.includes(root + name)) continue;
    for await (const channel of values(tree, root + name, path)) {
      if (isObject(channel) && typeof channel.id === 'string' && typeof channel.name === 'string') channels.set(channel.id, channel.name);
    }
  }
  return channels;
}

/** Day files by conversation folder, oldest first, keeping the days that can hold a message of the window. */
function dayFiles(tree: ExportTree, root: string, options: SourceOptions): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const file of [...tree.files].sort()) {
    const parts = DAY_FILE.exec(file);
    if (!parts || parts[1] !== root) continue;
    // A day file holds one calendar day in the workspace's zone: a day either side covers any zone.
    const start = Date.UTC(Number(parts[3]), Number(parts[4]) - 1, Number(parts[5])) - DAY;
    if (options.to !== undefined && start > options.to) continue;
    if (options.from !== undefined && start + 3 * DAY < options.from) continue;
    const folder = parts[2]!;
    folders.set(folder, [...(folders.get(folder) ?? []), file]);
  }
  return folders;
}

async function* readExport(tree: ExportTree, path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const root = exportRoot(tree, path);
  const people = await readPeople(tree, root, path);
  const channels = await readChannels(tree, root, path);
  const folders = dayFiles(tree, root, options);
  const total = [...folders.values()].flat().reduce((sum, file) => sum + tree.size(file), 0);
  let done = 0;
  const names = {
    user: (id: string) => people.names.get(id),
    channel: (id: string) => channels.get(id),
    isBot: (id: string) => people.bots.has(id),
  };
  for (const [folder, files] of folders) {
    const log = new SlackChannelLog(options);
    for (const file of files) {
      const day = file.slice(root.length);
      let n = 0;
      for await (const message of values(tree, file, path)) {
        rememberProfile(people.names, message);
        const event = readSlackMessage(message, `${day}, message ${++n}`, options);
        if (event) log.add(event);
      }
      done += tree.size(file);
      options.progress?.(done, total);
    }
    for (const candidate of log.candidates(`Slack #${folder}`, folder, names)) {
      const everyone = [...(candidate.bot ? [] : [candidate.author]), ...(candidate.people ?? [])].filter((name): name is string => !!name);
      const titled = everyone.filter((name) => people.titles.has(name));
      const also = everyone.flatMap((name) => people.aliases.get(name) ?? []);
      const roles = Object.fromEntries(titled.flatMap((name) => [name, ...(people.aliases.get(name) ?? [])].map((alias) => [alias, people.titles.get(name)!])));
      yield {
        ...candidate,
        ...(also.length ? { people: [...new Set([...(candidate.people ?? []), ...also])] } : {}),
        ...(titled.length ? { roles } : {}),
      };
    }
  }
}

/** One channel's folder of an export, taken out of it: day files and nothing else to name people. */
function channelDays(path: string): string[] {
  try {
    return readdirSync(path).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name)).sort();
  } catch {
    return [];
  }
}

/**
 * A channel's folder alone (no users.json beside it): its day files in order through one log, so
 * an edit made the next day still replaces the message; names come from the messages' profiles.
 */
async function* readChannelFolder(path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const tree = await openExportTree(path, true);
  try {
    const profiles = new Map<string, string>();
    const log = new SlackChannelLog(options);
    const days = channelDays(path).filter((day) => {
      const start = Date.parse(`${day.slice(0, 10)}T00:00:00Z`) - DAY;
      return !((options.to !== undefined && start > options.to) || (options.from !== undefined && start + 3 * DAY < options.from));
    });
    const total = days.reduce((sum, day) => sum + tree.size(day), 0);
    let done = 0;
    for (const day of days) {
      let n = 0;
      for await (const message of values(tree, day, path)) {
        rememberProfile(profiles, message);
        const event = readSlackMessage(message, `${day}, message ${++n}`, options);
        if (event) log.add(event);
      }
      done += tree.size(day);
      options.progress?.(done, total);
    }
    const channel = basename(path);
    yield* log.candidates(`Slack #${channel}`, channel, { user: (id) => profiles.get(id) });
  } finally {
    await tree.close();
  }
}

export const slackExport: SourceFormat = {
  id: 'slack-export',
  label: 'a Slack export (folder or .zip)',
  sniff({ path, isDirectory, head }) {
    if (isDirectory) return MARKERS.some((name) => existsSync(join(path, name))) || channelDays(path).length > 0;
    return head.startsWith('PK') && zipListsAnyOf(path, MARKERS);
  },
  async *read(path, options) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      throw new SourceError(path, `cannot be read: ${(error as Error).message}`);
    }
    if (isDirectory && !MARKERS.some((name) => existsSync(join(path, name)))) {
      yield* readChannelFolder(path, options);
      return;
    }
    const tree = await openExportTree(path, isDirectory);
    try {
      yield* readExport(tree, path, options);
    } finally {
      await tree.close();
    }
  },
};
