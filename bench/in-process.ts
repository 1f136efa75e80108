// Timings inside one process, bundled by bench.mjs from the sources: autosave and render.
import { performance } from 'node:perf_hooks';
import { loadDraft, saveDraft } from '../src/store/draft-file.js';
import { renderMarkdown } from '../src/render/render.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function autosaveMs(path: string, runs: number): Promise<number> {
  let file = await loadDraft(path);
  let draft = file.draft;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const timeline = [...(draft.timeline ?? [])];
    timeline[i % timeline.length] = { ...timeline[i % timeline.length]!, text: `Edited ${i}` };
    draft = { ...draft, timeline };
    const started = performance.now();
    file = { ...file, ...(await saveDraft(file, draft)) };
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function renderMs(path: string, runs: number): Promise<number> {
  const { draft } = await loadDraft(path);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    renderMarkdown(draft);
    times.push(performance.now() - started);
  }
  return median(times);
}
