import { join } from 'node:path';
import { it } from 'vitest';
import { loadDraft, newDraftFile, saveDraft, type DraftFile } from '../../src/store/draft-file.js';
import { replaceEntry, addEntry } from '../../src/draft/edit.js';
import type { Draft } from '../../src/draft/schema.js';
import { tempDir } from '../support/temp.js';

it('bench autosave 500 entries', async () => {
  const draft: Draft = {
    version: 1, title: 'Bench', summary: { start: '2023-08-02 00:00', end: '2023-08-03 23:00', timezone: 'UTC', impact: 'Slow.' },
    timeline: Array.from({ length: 500 }, (_, i) => ({ at: `2023-08-02 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, kind: 'action' as const, text: `Entry ${i}: something happened and somebody looked at the dashboards.` })),
    rootCause: 'A.\n\nB.',
  };
  const path = join(tempDir(), 'pm.yaml');
  await saveDraft(newDraftFile(path), draft);
  let file: DraftFile = await loadDraft(path);
  let d = (file as any).draft as Draft;
  const times: number[] = [];
  for (let k = 0; k < 40; k++) {
    d = k % 2 ? replaceEntry(d, (k * 37) % 500, { ...d.timeline![(k * 37) % 500]!, text: `edited ${k}` }) : { ...d, title: `T${k}` };
    const t = performance.now();
    file = await saveDraft(file, d);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`autosave 500 entries: median ${times[20]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)}, p90 ${times[36]!.toFixed(1)}`);
});
