import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { SourceError } from './candidate.js';

/*
 * The files of an export, whether a folder or a .zip: names with `/`, sizes, and each file as a
 * stream. A zip is read with yauzl, which reads the archive's central directory and then
 * inflates one entry at a time from its offset: any file can be opened in any order (users.json
 * before the channels, wherever the zip put it) and a 100 MB export is never held whole. (fflate's
 * streaming Unzip reads entries only in the order they are stored, and buffers what it cannot
 * place; yauzl is the most used pure-JS unzip for Node, kept by the same author since 2014.)
 */
export interface ExportTree {
  files: readonly string[];
  size(file: string): number;
  open(file: string): Promise<Readable>;
  close(): Promise<void>;
}

const MAX_DEPTH = 3;

function folderTree(root: string): ExportTree {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.json')) files.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root, 1);
  return {
    files,
    size: (file) => statSync(join(root, file)).size,
    open: async (file) => createReadStream(join(root, file), { highWaterMark: 1 << 16 }),
    close: async () => {},
  };
}

async function zipTree(path: string): Promise<ExportTree> {
  const yauzl = await import('yauzl');
  const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const entries = new Map<string, import('yauzl').Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: import('yauzl').Entry) => {
      if (entry.fileName.endsWith('.json') && !entry.fileName.startsWith('__MACOSX/')) entries.set(entry.fileName.replace(/\\/g, '/'), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  // Later trouble reaches the entry's stream; a stray error on the archive must not crash the app.
  zip.on('error', () => {});
  return {
    files: [...entries.keys()],
    size: (file) => entries.get(file)?.uncompressedSize ?? 0,
    open: (file) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(file);
        if (!entry) return reject(new Error(`${file} is not in the zip`));
        zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
      }),
    close: async () => zip.close(),
  };
}

/** Opens a folder or a zip as an export's files; a broken zip throws SourceError. */
export async function openExportTree(path: string, isDirectory: boolean): Promise<ExportTree> {
  try {
    return isDirectory ? folderTree(path) : await zipTree(path);
  } catch (error) {
    throw new SourceError(path, `cannot be read as ${isDirectory ? 'a folder' : 'a zip file'}: ${(error as Error).message}`);
  }
}

const EOCD = 0x06054b50;
const MAX_DIRECTORY = 8 << 20;

/**
 * Whether a zip's central directory (the list of names at its end) names one of `names`: the
 * end record says where the directory starts; at most 8 MB of it are read, once.
 */
export function zipListsAnyOf(path: string, names: readonly string[]): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = statSync(path).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) return false;
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryStart = tail.readUInt32LE(end + 16);
    // Zip64 keeps the real numbers elsewhere: then the names just before the end record will do.
    const start = directoryStart === 0xffffffff ? Math.max(0, size - tailLength - MAX_DIRECTORY) : directoryStart;
    const length = Math.min(directoryStart === 0xffffffff ? size - start : directorySize, MAX_DIRECTORY, size - start);
    const directory = Buffer.alloc(Math.max(0, length));
    readSync(fd, directory, 0, directory.length, start);
    const text = directory.toString('latin1');
    return names.some((name) => text.includes(name));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
