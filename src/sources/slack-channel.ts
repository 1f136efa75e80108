import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { SourceFormat } from './candidate.js';
import { SourceError } from './candidate.js';
import { jsonValues } from './json-stream.js';
import { readSlackMessage, rememberProfile, SlackChannelLog } from './slack-message.js';

/*
 * One channel's messages as JSON: the Slack API's conversations.history answer
 * (`{"ok": true, "messages": [...]}`, newest first) or a bare array (an export's day file).
 * Streamed: only messages inside the incident's window are kept while reading.
 */

const SLACK_TS = /"ts"\s*:\s*"\d{9,11}\.\d{1,9}"/;
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
const PROGRESS_STEP = 1 << 20;

/** The first non-blank character of a file: `{` or `[` for the two shapes. */
function firstCharacter(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return /^\uFEFF?\s*(\S)/.exec(buffer.subarray(0, read).toString('utf8'))?.[1] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** An export's day file sits in its channel's folder: `inc-42/2024-08-14.json`. */
export function channelOfDayFile(path: string): string | undefined {
  return DAY_FILE.test(basename(path)) ? basename(dirname(path)) || undefined : undefined;
}

export const slackChannel: SourceFormat = {
  id: 'slack-channel',
  label: "a Slack channel's JSON",
  sniff({ isDirectory, head }) {
    if (isDirectory) return false;
    // A channel with nothing said in it is still Slack's answer: `{"ok": true, "messages": []}`.
    if (/^\uFEFF?\s*\{\s*"ok"\s*:\s*true\s*,\s*"messages"\s*:\s*\[\s*\]/.test(head)) return true;
    if (!SLACK_TS.test(head)) return false;
    return /^\uFEFF?\s*\[/.test(head) || (/^\uFEFF?\s*\{/.test(head) && /"messages"\s*:\s*\[/.test(head));
  },
  async *read(path, options) {
    let total: number;
    let shape: string;
    try {
      total = statSync(path).size;
      shape = firstCharacter(path);
    } catch (error) {
      throw new SourceError(path, `cannot be read: ${(error as Error).message}`);
    }
    if (shape !== '{' && shape !== '[') throw new SourceError(path, 'is not a Slack channel history: it does not start with { or [.', 1);
    const paths = shape === '[' ? ['$.*'] : ['$.messages.*', '$.ok', '$.error'];
    const log = new SlackChannelLog(options);
    const profiles = new Map<string, string>();
    let count = 0;
    let refused: string | undefined;
    let reported = 0;
    const onBytes = (bytes: number) => {
      if (options.progress && bytes - reported >= PROGRESS_STEP) {
        reported = bytes;
        options.progress(bytes, total);
      }
    };
    const stream = createReadStream(path, { highWaterMark: 1 << 16 });
    try {
      for await (const { value, key, depth } of jsonValues(stream, path, { paths, onBytes })) {
        if (shape === '{' && depth === 1) {
          if (key === 'ok' && value === false) refused = '';
          if (key === 'error' && typeof value === 'string') refused = value;
          continue;
        }
        count++;
        rememberProfile(profiles, value);
        const event = readSlackMessage(value, `message ${count}`, options);
        if (event) log.add(event);
      }
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError(path, `cannot be read: ${(error as Error).message}`);
    } finally {
      stream.destroy();
    }
    options.progress?.(total, total);
    if (refused !== undefined) throw new SourceError(path, `is an error answer from Slack, not a history${refused ? `: ${refused}` : ''}.`);
    if (count === 0 && shape === '{') throw new SourceError(path, 'has no "messages": it is not a Slack channel history.');
    const channel = channelOfDayFile(path);
    yield* log.candidates(channel ? `Slack #${channel}` : 'Slack', channel ?? 'channel', { user: (id) => profiles.get(id) });
  },
};
