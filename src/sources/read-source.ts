// Placeholder until the readers land: replaced by the detection and dispatch module.
import type { Candidate, SourceFormat, SourceOptions } from './candidate.js';
import { SourceError } from './candidate.js';
import { SOURCE_FORMATS } from './formats.js';

export async function detectFormat(path: string): Promise<SourceFormat> {
  throw new SourceError(path, `is none of the formats read (${SOURCE_FORMATS.map((f) => f.label).join(', ')}).`);
}

export async function* readSource(path: string, options: SourceOptions): AsyncIterable<Candidate> {
  yield* (await detectFormat(path)).read(path, options);
}
