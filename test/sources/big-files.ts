import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/*
 * Big exports written the way the vendor writes them, without holding them in memory: for the
 * streaming test and `npm run bench:sources`. Row i happens `step` milliseconds after row i-1.
 */

async function writeChunks(path: string, count: number, line: (index: number) => string, head = '', tail = ''): Promise<void> {
  const out = createWriteStream(path);
  out.write(head);
  let chunk = '';
  for (let index = 0; index < count; index++) {
    chunk += line(index);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk + tail);
  await once(out, 'finish');
}

/** `wallClock`: times written without a zone ("2024-08-14 10:00:00.100"), as this offset's wall clock. */
export function writeBigCsv(path: string, rows: number, start: number, step: number, wallClock?: { offsetMinutes: number }): Promise<void> {
  const time = (at: number) => (wallClock ? new Date(at + wallClock.offsetMinutes * 60_000).toISOString().replace('T', ' ').replace('Z', '') : new Date(at).toISOString());
  return writeChunks(
    path,
    rows,
    (i) => `${time(start + i * step)},checkout-${i % 7},${i % 50 ? 'info' : 'page'},"Request ${i} failed with status 503, retrying on checkout-${i % 7}"\n`,
    'timestamp,host,severity,message\n',
  );
}

const TYPES = ['trigger', 'notify', 'notify', 'acknowledge', 'annotate', 'escalate', 'resolve'];

export function writeBigPagerDutyJson(path: string, entries: number, start: number, step: number): Promise<void> {
  return writeChunks(
    path,
    entries,
    (i) =>
      `${i ? ',' : ''}\n    ${JSON.stringify({
        id: `R${i.toString(36).toUpperCase().padStart(12, '0')}`,
        type: `${TYPES[i % TYPES.length]}_log_entry`,
        summary: i % TYPES.length === 4 ? 'Note added' : 'Notified Ada Okafor by SMS.',
        created_at: new Date(start + i * step).toISOString().replace('Z', '+00:00'),
        agent: { id: 'PXPGF42', type: 'user_reference', summary: 'Ada Okafor' },
        channel: { type: 'note', summary: `Note ${i}: checked the pool graphs, still saturated` },
        user: { id: 'PXPGF42', type: 'user_reference', summary: 'Ada Okafor' },
        incident: { id: `Q${Math.floor(i / 100)}`, type: 'incident_reference', summary: `[#${Math.floor(i / 100)}] Checkout error rate above 5%` },
      })}`,
    '{\n  "log_entries": [',
    '\n  ],\n  "limit": 100,\n  "offset": 0,\n  "more": false,\n  "total": null\n}\n',
  );
}
