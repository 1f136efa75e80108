import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackChannel } from '../../src/sources/slack-channel.js';
import { tempDir } from '../support/temp.js';
import { readAll } from './chat-support.js';

/*
 * A channel history far larger than an incident: 250,000 messages (~58 MB) as conversations.history
 * returns them, newest first, read with a window of 2,000 of them. Time and memory are printed for
 * the record, never asserted.
 */
const COUNT = 250_000;
const START = 1_723_000_000;
const STEP = 7;

async function writeHistory(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"ok":true,"messages":[');
  for (let i = COUNT - 1; i >= 0; i--) {
    const ts = `${START + i * STEP}.${String(i % 1_000_000).padStart(6, '0')}`;
    const message = {
      user: `U${i % 40}`,
      type: 'message',
      ts,
      client_msg_id: `m-${i}`,
      text: `message ${i}: <@U${(i + 1) % 40}> checking the error rate on the payments api`,
      team: 'T1',
      user_profile: { real_name: `Person ${i % 40}`, display_name: `p${i % 40}`, name: `p${i % 40}` },
    };
    await write((i === COUNT - 1 ? '' : ',') + JSON.stringify(message));
  }
  await write('],"has_more":false,"response_metadata":{"next_cursor":""}}');
  out.end();
  await once(out, 'finish');
}

describe('a huge channel history', () => {
  it('is streamed: only the window is kept, progress is reported, the order is by time', async () => {
    const path = join(tempDir(), 'history.json');
    await writeHistory(path);
    const from = (START + 100_000 * STEP) * 1000;
    const to = (START + 101_999 * STEP) * 1000 + 999;
    const progress: number[] = [];
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const found = await readAll(slackChannel, path, { from, to, progress: (done) => progress.push(done) });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const size = statSync(path).size;
    console.log(
      `slack-channel: ${COUNT} messages, ${(size / 1048576).toFixed(0)} MB read in ${seconds.toFixed(2)} s; ` +
        `RSS ${(before / 1048576).toFixed(0)} MB before, peak ${(peak / 1048576).toFixed(0)} MB; ${found.length} in the window`,
    );
    expect(found).toHaveLength(2000);
    expect(found[0]!.text).toMatch(/^message 100000: @Person 1 checking/);
    expect(found.at(-1)!.text).toMatch(/^message 101999:/);
    expect(found.every((c, i) => i === 0 || c.at > found[i - 1]!.at)).toBe(true);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(size);
  }, 120_000);
});
