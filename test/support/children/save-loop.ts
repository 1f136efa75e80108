// Saves a draft over and over, each time the next of a known series of states, until killed.
// It resumes from whatever is on disk, as the wizard would after a crash. Prints "ready" once
// loaded, then the number of each state it has saved.
//
// `save-loop DRAFT K J` kills itself (SIGKILL, as kill -9 does) at the K-th step of its saves
// that touches the disk (before each file-system call, and halfway through each write), or at
// the J-th step of its sweep of the temp files killed runs left (readdir, lstat, unlink),
// after printing "kill STEP" ("kill open draft-temp"). Counted apart, the steps of a save keep
// their numbers however many leftovers the sweep finds. A kill can thus be put at every point
// where a save can be cut short, rather than at a random moment that mostly falls between saves.
import { existsSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { loadDraft, newDraftFile, saveDraft, type DraftFile } from '../../../src/store/draft-file.js';
import { stateNumber, savedState } from './save-states.js';

const path = process.argv[2]!;
const killAt = { save: Number(process.argv[3] ?? 0), sweep: Number(process.argv[4] ?? 0) };
const steps = { save: 0, sweep: 0 };
const SWEEP_CALLS = new Set(['readdir', 'lstat', 'unlink']);

function step(name: string): void {
  const kind = SWEEP_CALLS.has(name.split(' ')[0]!) ? 'sweep' : 'save';
  if (++steps[kind] !== killAt[kind]) return;
  writeSync(1, `kill ${name}\n`);
  process.kill(process.pid, 'SIGKILL');
}

/** What a path is to the save: the draft, its .bak, the temp file of either, or the folder. */
function role(target: unknown): string {
  const name = basename(String(target));
  const draft = basename(path);
  if (name === draft) return 'draft';
  if (name === `${draft}.bak`) return 'bak';
  if (name.startsWith(`.${draft}.bak.pmw-`)) return 'bak-temp';
  if (name.startsWith(`.${draft}.pmw-`)) return 'draft-temp';
  return 'folder';
}

type Fn = (...args: unknown[]) => Promise<unknown>;
interface Handle {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<unknown>;
}

/**
 * Every call the saves make through node:fs/promises (the bundled sources look each one up on
 * the module when they call it) and on the file handles it opens.
 */
function countSteps(): void {
  const fsp = createRequire(__filename)('node:fs/promises') as Record<string, Fn>;
  // On each handle itself: FileHandle's close is the handle's own property, not its prototype's.
  const watch = (handle: Handle & Record<string, Fn>, what: string) => {
    for (const name of ['chmod', 'sync', 'close']) {
      const original = handle[name]!.bind(handle);
      handle[name] = (...args: unknown[]) => {
        step(`${name} ${what}`);
        return original(...args);
      };
    }
    // A write is cut in two, so a kill can also leave half of it on disk.
    handle.writeFile = async (data: unknown, encoding: unknown) => {
      const bytes = Buffer.from(data as string, (encoding as BufferEncoding) ?? 'utf8');
      const half = bytes.length >> 1;
      step(`writeFile ${what}`);
      await handle.write(bytes, 0, half, 0);
      step(`half-written ${what}`);
      await handle.write(bytes, half, bytes.length - half, half);
    };
  };
  for (const name of ['open', 'rename', 'unlink', 'stat', 'lstat', 'readdir', 'realpath']) {
    const original = fsp[name]!;
    fsp[name] = async (...args: unknown[]) => {
      step(`${name} ${role(args[0])}`);
      const result = await original(...args);
      if (name === 'open') watch(result as Handle & Record<string, Fn>, role(args[0]));
      return result;
    };
  }
}

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
  countSteps();
  process.stdout.write('ready\n');
  for (;;) {
    n++;
    file = await saveDraft(file, savedState(n));
    process.stdout.write(`${n}\n`);
  }
}

void run();
