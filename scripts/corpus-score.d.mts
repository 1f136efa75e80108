// Types for scripts/corpus-score.mjs, used by test/import/corpus-score.test.ts.
export interface FactResult { fact: string; ok: boolean; expected: unknown; got: unknown }
export interface DroppedLine { line: number; text: string; missing: string[] }
export interface DocumentResult {
  name: string;
  style: string;
  importExit: number | null;
  checkExit: number | null;
  importError: string;
  right: number;
  total: number;
  failed: FactResult[];
  dropped: DroppedLine[] | null;
  lines: number;
}
export interface CorpusResult {
  documents: DocumentResult[];
  overall: number;
  right: number;
  total: number;
  byStyle: Record<string, number>;
  droppedLines: number;
  totalLines: number;
}
export const ROOT: string;
export const CORPUS: string;
export const BIN: string;
export const CONTRADICTION_KINDS: Record<string, RegExp[]>;
export function zoneKey(name: string): string;
export function sameZone(expected: string, actual: unknown): boolean;
export function reportedKinds(check: unknown): Set<string>;
export function scoreFacts(facts: Record<string, unknown>, draft: unknown, check: unknown): FactResult[];
export function lineWords(text: string): string[];
export function droppedLines(source: string, draft: unknown): DroppedLine[];
export function listCorpus(dir?: string): { name: string; path: string; meta: { style: string; facts: Record<string, unknown> } }[];
export function evaluateDocuments(docs: ReturnType<typeof listCorpus>, options?: { bin?: string }): DocumentResult[];
export function evaluateCorpus(options?: { bin?: string; dir?: string; only?: string[] }): CorpusResult;
export function recordedBars(readme: string): { score: number | null; dropped: number | null };
