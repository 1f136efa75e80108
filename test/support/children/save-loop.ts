// Saves a draft over and over, each time the next of a known series of states, until killed.
// It resumes from whatever is on disk, as the wizard would after a crash. Prints "ready" once
// loaded, then the number of each state it has saved.
import { existsSync } from 'node:fs';
import { loadDraft, newDraftFile, saveDraft, type DraftFile } from '../../../src/store/draft-file.js';
import { stateNumber, savedState } from './save-states.js';

const path = process.argv[2]!;

async function run(): Promise<void> {
  let file: DraftFile;
  let n: number;
  if (existsSync(path)) {
    const loaded = await loadDraft(path);
    file = loaded;
    n = stateNumber(loaded.draft);
  } else {
    file = newDraftFile(path);
    n = 0;
  }
  process.stdout.write('ready\n');
  for (;;) {
    n++;
    file = await saveDraft(file, savedState(n));
    process.stdout.write(`${n}\n`);
  }
}

void run();
